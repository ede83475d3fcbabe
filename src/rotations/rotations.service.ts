import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkRange } from '../common/date-range.js';
import { leanFinder } from '../common/lean-finder.js';
import { leanColumns, leanStatement } from '../common/lean-select.js';
import { instantOf, recordedRelation, stamp } from '../common/as-recorded.js';
import type { Page } from '../common/pagination/connection.js';
import { countRows, decodeCursor, toPage } from '../common/pagination/paginate.js';
import { echelonsOf } from '../positions/echelon-filter.js';
import { subtree } from '../organizations/organization-tree.sql.js';
import { escapeLike, OrganizationsService } from '../organizations/organizations.service.js';
import type { Mover, MoversArgs } from './dto/movers.js';
import type { DateRangeArgs, RotationEventsArgs, TransfersArgs } from './dto/rotation-queries.js';
import { RotationEvent } from './rotation-event.entity.js';
import { eventNotFound } from './rotations.errors.js';
import { Transfer } from './transfer.entity.js';

/** Reading rotation events and transfers. (Writing is RotationRecorderService's alone.) */
@Injectable()
export class RotationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {
    const find = leanFinder(dataSource, RotationEvent, ['id'], eventNotFound);
    const then = leanStatement(RotationEvent, 'WHERE x.id = $1', (table) => recordedRelation(table, '$2'))(dataSource);
    this.findOne = async (id, at) => {
      if (!at) return find({ id });
      const [found] = stamp(await then.rows(dataSource, [id, at]), at);
      if (!found) throw eventNotFound();
      return found;
    };
  }

  /** One event by id, as a prepared point read of a lean row; with `at`, as recorded then (not found before it was recorded). */
  readonly findOne: (id: string, at?: string) => Promise<RotationEvent>;

  /** Who moved where: transfers of recorded (and, if asked, voided) events by effective date, then event and lampiran order. */
  async transfers(args: TransfersArgs): Promise<Page<Transfer & { effectiveOn: string }>> {
    const params: unknown[] = [];
    const $ = (value: unknown) => `$${params.push(value)}`;
    const where = await this.rangeFilter(args, $, (unit) => `(fp.organization_id IN ${unit} OR tp.organization_id IN ${unit})`);
    if (args.kind) where.push(`t.kind = ${$(args.kind)}`);
    const echelons = echelonsOf(args);
    if (echelons) {
      const echelon = $(echelons);
      where.push(`(fp.echelon = ANY(${echelon}::echelon[]) OR tp.echelon = ANY(${echelon}::echelon[]))`);
    }
    const at = instantOf(args.asRecordedAt);
    const instant = at && $(at);
    const base = `FROM ${recordedRelation('transfers', instant)} t JOIN ${recordedRelation('rotation_events', instant)} e ON e.id = t.event_id
      LEFT JOIN positions fp ON fp.id = t.from_position_id LEFT JOIN positions tp ON tp.id = t.to_position_id
      WHERE ${where.join(' AND ')}`;
    const countParams = [...params];
    let after = '';
    if (args.after) {
      const [on, eventId, seq] = decodeCursor(args.after, ['date', 'id', 'int']);
      after = ` AND (e.effective_on, t.event_id, t.seq) > (${$(on)}::date, ${$(eventId)}::bigint, ${$(seq)}::int)`;
    }
    const rows: (Transfer & { effectiveOn: string })[] = await this.dataSource.query(
      `SELECT t.id::text AS id, t.event_id::text AS "eventId", t.seq, t.official_id::text AS "officialId", t.from_position_id::text AS "fromPositionId",
              t.to_position_id::text AS "toPositionId", t.kind, t.capacity, t.note, e.effective_on AS "effectiveOn"
       ${base}${after} ORDER BY e.effective_on, t.event_id, t.seq LIMIT ${$(args.first + 1)}`,
      params,
    );
    return toPage(stamp(rows, at), args, () => countRows(this.dataSource, base, countParams), (r) => [r.effectiveOn, r.eventId, r.seq]);
  }

  /** Officials moved at least `minMoves` times in the range, most moved first (then by id). */
  async movers(args: MoversArgs): Promise<Page<Mover>> {
    const params: unknown[] = [];
    const $ = (value: unknown) => `$${params.push(value)}`;
    const where = await this.rangeFilter(args, $, (unit) => `(fp.organization_id IN ${unit} OR tp.organization_id IN ${unit})`);
    const base = `FROM (SELECT t.official_id, count(*)::int AS moves, min(e.effective_on) AS first, max(e.effective_on) AS last
        FROM transfers t JOIN rotation_events e ON e.id = t.event_id
        LEFT JOIN positions fp ON fp.id = t.from_position_id LEFT JOIN positions tp ON tp.id = t.to_position_id
        WHERE ${where.join(' AND ')}
        GROUP BY t.official_id HAVING count(*) >= ${$(args.minMoves)}) m WHERE true`;
    const countParams = [...params];
    let after = '';
    if (args.after) {
      const [moves, officialId] = decodeCursor(args.after, ['int', 'id']).map($);
      after = ` AND (m.moves < ${moves}::int OR (m.moves = ${moves}::int AND m.official_id > ${officialId}::bigint))`;
    }
    const rows: Mover[] = await this.dataSource.query(
      `SELECT m.official_id::text AS "officialId", m.moves, m.first AS "firstMoveOn", m.last AS "lastMoveOn"
       ${base}${after} ORDER BY m.moves DESC, m.official_id LIMIT ${$(args.first + 1)}`,
      params,
    );
    return toPage(rows, args, () => countRows(this.dataSource, base, countParams), (r) => [r.moves, r.officialId]);
  }

  /** Events by effective date, newest first; voided ones only if asked for; with asRecordedAt, as recorded then (events, their fields and lampiran). */
  async list(args: RotationEventsArgs): Promise<Page<RotationEvent>> {
    const params: unknown[] = [];
    const $ = (value: unknown) => `$${params.push(value)}`;
    const at = instantOf(args.asRecordedAt);
    const instant = at && $(at);
    const events = recordedRelation('rotation_events', instant);
    const transfers = recordedRelation('transfers', instant);
    const where = await this.rangeFilter(
      args,
      $,
      (unit) => `EXISTS (SELECT 1 FROM ${transfers} t LEFT JOIN positions fp ON fp.id = t.from_position_id LEFT JOIN positions tp ON tp.id = t.to_position_id
                 WHERE t.event_id = e.id AND (fp.organization_id IN ${unit} OR tp.organization_id IN ${unit}))`,
    );
    if (args.search) {
      const pattern = $(`%${escapeLike(args.search)}%`);
      where.push(`(e.title ILIKE ${pattern} OR e.decree_number ILIKE ${pattern})`);
    }
    const base = `FROM ${events} e WHERE ${where.join(' AND ') || 'true'}`;
    const countParams = [...params];
    let after = '';
    if (args.after) {
      const [on, id] = decodeCursor(args.after, ['date', 'id']);
      after = ` AND (e.effective_on, e.id) < (${$(on)}::date, ${$(id)}::bigint)`;
    }
    const rows: RotationEvent[] = await this.dataSource.query(
      `SELECT ${leanColumns(this.dataSource, RotationEvent, 'e')} ${base}${after} ORDER BY e.effective_on DESC, e.id DESC LIMIT ${$(args.first + 1)}`,
      params,
    );
    return toPage(stamp(rows, at), args, () => countRows(this.dataSource, base, countParams), (r) => [r.effectiveOn, r.id]);
  }

  /** Status, effective-date range and unit clauses shared by the lists; `$` binds a value; `touches` says how a row touches the unit. */
  private async rangeFilter(args: DateRangeArgs, $: (value: unknown) => string, touches: (unit: string) => string): Promise<string[]> {
    // A voided event is not part of the record: left out unless asked for.
    const where = args.includeVoided ? ['true'] : [`e.status = 'RECORDED'`];
    if (args.from && args.to) checkRange(args.from, args.to);
    if (args.from) where.push(`e.effective_on >= ${$(args.from)}`);
    if (args.to) where.push(`e.effective_on <= ${$(args.to)}`);
    const unit = await this.organizations.unitId(args);
    if (unit) where.push(touches(subtree($(unit))));
    return where;
  }
}
