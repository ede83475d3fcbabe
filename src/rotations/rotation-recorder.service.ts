import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ProjectionService, type Projection } from '../history/projection.service.js';
import { compareTransfers, foldOfficial, type ProjectionTransfer } from '../history/fold.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { validationFailed } from '../common/errors/common.errors.js';
import { groupByKey } from '../common/group-by.js';
import { stableHash } from '../common/stable-hash.js';
import { parseNip } from '../officials/nip.js';
import type { Employment, Rank } from '../officials/official.enums.js';
import type { Echelon, PositionCategory } from '../positions/position.enums.js';
import type { RotationEventInput, TransferInput } from './dto/rotation-event.input.js';
import type { RecordedRotationEvent } from './dto/recorded-rotation-event.js';
import { Severity, type RotationEventValidation, type RotationProblem } from './dto/rotation-problem.js';
import { RotationEvent } from './rotation-event.entity.js';
import { rankTooLow, yearsBefore } from './rotation-rules.js';
import { deriveKind, kindContradicts } from '../history/transfer-kind.js';
import { RotationEventStatus } from './rotation.enums.js';
import { Capacity, TransferKind } from '../history/history.enums.js';
import { eventNotFound, rejected, RotationError, RotationErrorCode } from './rotations.errors.js';

/** Serialises recording, amending and voiding: each reads the history, then rewrites part of it. */
const RECORDING_LOCK = 72_616_001;
/** Orders a not-yet-inserted event after every recorded one on the same day. */
const NEW_EVENT_ORDER = 2n ** 63n;

interface OfficialRow {
  id: string;
  name: string;
  nip: string | null;
  rank: Rank | null;
  employment: Employment;
}

interface PositionRow {
  id: string;
  code: string;
  title: string;
  echelon: Echelon | null;
  category: PositionCategory;
  established_on: string | null;
  abolished_on: string | null;
}

/** A lampiran row ready to insert: a transfer as the projection will see it, before it has an id. */
type PlannedTransfer = Pick<ProjectionTransfer, 'officialId' | 'fromPositionId' | 'fromStated' | 'toPositionId' | 'kind' | 'kindStated' | 'capacity'> & {
  index: number;
  note: string | null;
};

interface Applied {
  problems: RotationProblem[];
  eventId: string;
  projection: Projection | null;
}

/** Codes after which a row cannot be stored at all (it would break a foreign key or a check). */
const UNSTORABLE = new Set(['OFFICIAL_REQUIRED', 'UNKNOWN_OFFICIAL', 'UNKNOWN_POSITION', 'POSITION_AMBIGUOUS', 'DUPLICATE_OFFICIAL', 'NOTHING_TO_RECORD', 'NOT_ACTING', 'KIND_CAPACITY_MISMATCH', 'DESTINATION_REQUIRED']);

const error = (code: string, message: string, index: number | null = null, field: string | null = null): RotationProblem => ({ code, severity: Severity.ERROR, index, field, message });
const warning = (code: string, message: string, index: number | null = null, field: string | null = null): RotationProblem => ({ code, severity: Severity.WARNING, index, field, message });

const describe = (p: PositionRow | undefined | null) => (p ? `${p.title} (${p.code})` : 'no post');

/**
 * Records swearing-ins. Every path runs one transaction: write the event and its transfers,
 * rebuild the projection of every official touched, check the result, and commit only
 * when nothing is an ERROR. Validation is the same run, rolled back.
 */
@Injectable()
export class RotationRecorderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projection: ProjectionService,
    private readonly audit: AuditService,
  ) {}

  /** Every problem at once; writes nothing. */
  async validate(input: RotationEventInput): Promise<RotationEventValidation> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const { problems } = await this.apply(runner.manager, input, {});
      return { valid: !problems.some((p) => p.severity === Severity.ERROR), problems };
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  async record(input: RotationEventInput, idempotencyKey: string | null, actor: Actor | null): Promise<RecordedRotationEvent> {
    if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > 255)) {
      throw validationFailed([{ field: 'idempotencyKey', code: 'LENGTH', message: 'idempotencyKey must be 1 to 255 characters' }]);
    }
    const requestHash = stableHash(input);
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [RECORDING_LOCK]);
      if (idempotencyKey !== null) {
        const [previous]: { id: string; request_hash: string }[] = await m.query(
          'SELECT id, request_hash FROM rotation_events WHERE idempotency_key = $1',
          [idempotencyKey],
        );
        if (previous) {
          if (previous.request_hash !== requestHash) {
            throw new RotationError(RotationErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was already used for a different submission.');
          }
          const event = await m.findOneByOrFail(RotationEvent, { id: previous.id });
          return { event, warnings: event.warnings as RotationProblem[], replayed: true };
        }
      }
      const applied = await this.apply(m, input, { idempotencyKey, requestHash });
      const event = await this.commit(m, applied);
      await this.audit.record(m, actor, { operation: 'recordRotationEvent', targetType: 'rotation_event', targetId: event.id, after: await this.snapshot(m, event.id) });
      return { event, warnings: event.warnings as RotationProblem[], replayed: false };
    });
  }

  /** Replaces an event's fields and lampiran; the history of everyone in the old or new lampiran is rebuilt. */
  async amend(id: string, expectedVersion: number, input: RotationEventInput, reason: string, actor: Actor | null): Promise<RecordedRotationEvent> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [RECORDING_LOCK]);
      const oldDate = await this.current(m, id, expectedVersion);
      const before = await this.snapshot(m, id);
      const old: { official_id: string }[] = await m.query('SELECT official_id FROM transfers WHERE event_id = $1', [id]);
      await m.query('DELETE FROM transfers WHERE event_id = $1', [id]);
      const applied = await this.apply(m, input, { eventId: id, alsoRebuild: old.map((r) => r.official_id), since: oldDate });
      const event = await this.commit(m, applied);
      await this.audit.record(m, actor, { operation: 'amendRotationEvent', targetType: 'rotation_event', targetId: id, before, after: await this.snapshot(m, id), reason });
      return { event, warnings: event.warnings as RotationProblem[], replayed: false };
    });
  }

  /** Cancels an event: its transfers stay on file but no longer count; the history is rebuilt without them. */
  async void(id: string, expectedVersion: number, reason: string, actor: Actor | null): Promise<RotationEvent> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [RECORDING_LOCK]);
      await this.current(m, id, expectedVersion);
      const before = await this.snapshot(m, id);
      const [{ effective_on: since }]: { effective_on: string }[] = await m.query(
        `UPDATE rotation_events SET status = 'VOIDED', void_reason = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING effective_on`,
        [id, reason],
      );
      const officials: { official_id: string }[] = await m.query('SELECT DISTINCT official_id FROM transfers WHERE event_id = $1', [id]);
      const projection = await this.projection.project(m, officials.map((r) => r.official_id), since);
      const problems = await this.historyProblems(m, projection, new Map(), new Map());
      if (problems.some((p) => p.severity === Severity.ERROR)) throw rejected(problems);
      await this.projection.write(m, projection);
      await this.audit.record(m, actor, { operation: 'voidRotationEvent', targetType: 'rotation_event', targetId: id, before, after: await this.snapshot(m, id), reason });
      return m.findOneByOrFail(RotationEvent, { id });
    });
  }

  /** Locks the event and checks it can still be changed at the version the caller saw; returns its effective date. */
  private async current(m: EntityManager, id: string, expectedVersion: number): Promise<string> {
    const [row]: { version: number; status: RotationEventStatus; effective_on: string }[] = await m.query(
      'SELECT version, status, effective_on FROM rotation_events WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!row) throw eventNotFound();
    if (row.status === RotationEventStatus.VOIDED) throw new RotationError(RotationErrorCode.EVENT_VOIDED, 'This event has been voided and can no longer be changed.');
    if (row.version !== expectedVersion) {
      throw new RotationError(
        RotationErrorCode.VERSION_MISMATCH,
        `The event has changed since you read it: it is at version ${row.version}, not ${expectedVersion}. Reload it and try again.`,
        [],
        { currentVersion: row.version },
      );
    }
    return row.effective_on;
  }

  /** Throws the problems when any is an ERROR; otherwise stores the warnings and the rebuilt history. */
  private async commit(m: EntityManager, applied: Applied): Promise<RotationEvent> {
    if (applied.problems.some((p) => p.severity === Severity.ERROR) || !applied.projection) throw rejected(applied.problems);
    await m.query('UPDATE rotation_events SET warnings = $2 WHERE id = $1', [applied.eventId, JSON.stringify(applied.problems)]);
    await this.projection.write(m, applied.projection);
    return m.findOneByOrFail(RotationEvent, { id: applied.eventId });
  }

  /**
   * Writes the event (new, or the amended `eventId`) and its transfers, folds the history of
   * everyone concerned and returns every problem found, errors first.
   */
  private async apply(
    m: EntityManager,
    input: RotationEventInput,
    opts: { eventId?: string; alsoRebuild?: string[]; since?: string; idempotencyKey?: string | null; requestHash?: string },
  ): Promise<Applied> {
    const effectiveOn = input.effectiveOn ?? input.swornInOn;
    const problems: RotationProblem[] = [];
    if (input.decreeDate && effectiveOn < input.decreeDate) {
      problems.push(error('EFFECTIVE_BEFORE_DECREE', `The effective date (${effectiveOn}) is before the decree date (${input.decreeDate}).`, null, 'effectiveOn'));
    }
    if (input.decreeDate && input.swornInOn < input.decreeDate) {
      problems.push(error('SWORN_IN_BEFORE_DECREE', `The ceremony (${input.swornInOn}) is before the decree date (${input.decreeDate}).`, null, 'swornInOn'));
    }
    let decreeNumber = input.decreeNumber ?? null;
    if (decreeNumber) {
      const taken: { id: string }[] = await m.query('SELECT id FROM rotation_events WHERE issuer = $1 AND decree_number = $2 AND id <> $3', [input.issuer, decreeNumber, opts.eventId ?? '0']);
      if (taken.length > 0) {
        problems.push(error('DECREE_NUMBER_TAKEN', `${input.issuer} already has an event with decree number ${decreeNumber} (event ${taken[0].id}).`, null, 'decreeNumber'));
        decreeNumber = null; // keeps the trial insert below from tripping the unique index
      }
    }

    const officials = await this.resolveOfficials(m, input.transfers);
    const existing = await this.projection.transfersOf(m, [...new Set([...officials.values()].map((o) => o.id))]);
    const positions = await this.resolvePositions(m, input.transfers, existing);
    const existingByOfficial = groupByKey(existing, (t) => t.officialId);
    const order = opts.eventId ? BigInt(opts.eventId) : NEW_EVENT_ORDER;

    const planned: PlannedTransfer[] = [];
    const seen = new Map<string, number>();
    input.transfers.forEach((row, index) => {
      const rowProblems = this.checkRow(row, index, effectiveOn, order, officials, positions, existingByOfficial, seen);
      problems.push(...rowProblems.problems);
      if (rowProblems.plan && !rowProblems.problems.some((p) => p.severity === Severity.ERROR && UNSTORABLE.has(p.code))) planned.push(rowProblems.plan);
    });

    const eventId = await this.writeEvent(m, input, effectiveOn, decreeNumber, opts);
    const inserted: { id: string; seq: number }[] = planned.length
      ? await m.query(
          `INSERT INTO transfers (event_id, seq, official_id, from_position_id, from_stated, to_position_id, kind, kind_stated, capacity, note)
           SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::bigint[], $5::boolean[], $6::bigint[], $7::transfer_kind[], $8::boolean[], $9::capacity[], $10::text[])
           RETURNING id, seq`,
          [
            eventId,
            planned.map((p) => p.index + 1),
            planned.map((p) => p.officialId),
            planned.map((p) => p.fromPositionId),
            planned.map((p) => p.fromStated),
            planned.map((p) => p.toPositionId),
            planned.map((p) => p.kind),
            planned.map((p) => p.kindStated),
            planned.map((p) => p.capacity),
            planned.map((p) => p.note),
          ],
        )
      : [];
    const indexOfTransfer = new Map(inserted.map((r) => [r.id, r.seq - 1]));
    const indexOfOfficial = new Map(planned.map((p) => [p.officialId, p.index]));

    // Nothing before this event's date (or, when amending, the date it had) changes.
    const since = opts.since && opts.since < effectiveOn ? opts.since : effectiveOn;
    // The planned officials' histories are already in hand: what was read above, and the rows just inserted.
    const known = new Map(planned.map((p) => [p.officialId, [...(existingByOfficial.get(p.officialId) ?? [])]]));
    const planAt = new Map(planned.map((p) => [p.index + 1, p]));
    for (const row of inserted) {
      const { index: _index, note: _note, ...plan } = planAt.get(row.seq)!;
      known.get(plan.officialId)!.push({ ...plan, id: row.id, eventOrder: BigInt(eventId), effectiveOn, seq: row.seq });
    }
    const projection = await this.projection.project(m, [...new Set([...planned.map((p) => p.officialId), ...(opts.alsoRebuild ?? [])])], since, known);
    problems.push(...(await this.historyProblems(m, projection, indexOfTransfer, indexOfOfficial)));

    const unique = new Map(problems.map((p) => [`${p.severity}|${p.code}|${p.index}|${p.message}`, p]));
    const sorted = [...unique.values()].sort(
      (a, b) => (a.severity === b.severity ? 0 : a.severity === Severity.ERROR ? -1 : 1) || (a.index ?? -1) - (b.index ?? -1),
    );
    return { problems: sorted, eventId, projection };
  }

  /** Every official the lampiran names, by id or NIP, in one query. */
  private async resolveOfficials(m: EntityManager, rows: TransferInput[]): Promise<Map<string, OfficialRow>> {
    const ids = rows.map((r) => r.officialId).filter((v): v is string => !!v);
    const nips = rows.map((r) => r.nip).filter((v): v is string => !!v);
    // UNION rather than OR, so each side uses its index instead of a scan of every official.
    const found: OfficialRow[] = await m.query(
      `SELECT id, name, nip, rank, employment FROM officials WHERE id = ANY($1::bigint[])
       UNION SELECT id, name, nip, rank, employment FROM officials WHERE nip = ANY($2::text[])`,
      [ids, nips],
    );
    const officials = new Map<string, OfficialRow>();
    for (const o of found) {
      officials.set(`id:${o.id}`, o);
      if (o.nip) officials.set(`nip:${o.nip}`, o);
    }
    return officials;
  }

  /** Every post the lampiran names (by id or code) or the officials' history passes through, in one query. */
  private async resolvePositions(m: EntityManager, rows: TransferInput[], history: ProjectionTransfer[]): Promise<Map<string, PositionRow>> {
    const ids = [...rows.flatMap((r) => [r.fromPositionId, r.toPositionId]), ...history.flatMap((t) => [t.fromPositionId, t.toPositionId])].filter((v): v is string => !!v);
    const codes = rows.flatMap((r) => [r.fromPositionCode, r.toPositionCode]).filter((v): v is string => !!v);
    const found: PositionRow[] = await m.query(
      `SELECT id, code, title, echelon, category, established_on, abolished_on FROM positions WHERE id = ANY($1::bigint[])
       UNION SELECT id, code, title, echelon, category, established_on, abolished_on FROM positions WHERE code = ANY($2::text[])`,
      [[...new Set(ids)], codes],
    );
    const positions = new Map<string, PositionRow>();
    for (const p of found) {
      positions.set(`id:${p.id}`, p);
      positions.set(`code:${p.code}`, p);
    }
    return positions;
  }

  /** The day-of checks for one lampiran row, and the row to store. */
  private checkRow(
    row: TransferInput,
    index: number,
    on: string,
    order: bigint,
    officials: Map<string, OfficialRow>,
    positions: Map<string, PositionRow>,
    existing: Map<string, ProjectionTransfer[]>,
    seen: Map<string, number>,
  ): { problems: RotationProblem[]; plan?: PlannedTransfer } {
    const problems: RotationProblem[] = [];
    const officialField = row.officialId ? 'officialId' : 'nip';
    if (!row.officialId === !row.nip) {
      return { problems: [error('OFFICIAL_REQUIRED', 'Name the official by exactly one of officialId and nip.', index, 'officialId')] };
    }
    const official = officials.get(row.officialId ? `id:${row.officialId}` : `nip:${row.nip}`);
    if (!official) {
      // The NIP itself is not repeated: the message names the row and the field.
      problems.push(error('UNKNOWN_OFFICIAL', row.officialId ? `No official with id ${row.officialId}.` : 'No official with this NIP.', index, officialField));
    }
    const post = (id: string | null | undefined, code: string | null | undefined, end: 'from' | 'to'): PositionRow | null | undefined => {
      if (id && code) {
        problems.push(error('POSITION_AMBIGUOUS', `Give ${end}PositionId or ${end}PositionCode, not both.`, index, `${end}PositionCode`));
        return undefined;
      }
      if (!id && !code) return null;
      const found = positions.get(id ? `id:${id}` : `code:${code}`);
      if (!found) problems.push(error('UNKNOWN_POSITION', id ? `No position with id ${id}.` : `No position with code ${code}.`, index, id ? `${end}PositionId` : `${end}PositionCode`));
      return found;
    };
    const statedFrom = post(row.fromPositionId, row.fromPositionCode, 'from');
    const to = post(row.toPositionId, row.toPositionCode, 'to');
    if (!official || statedFrom === undefined || to === undefined) return { problems };

    const earlier = seen.get(official.id);
    if (earlier !== undefined) {
      return { problems: [...problems, error('DUPLICATE_OFFICIAL', `${official.name} already appears in transfer ${earlier}; one official may move once per event.`, index, officialField)] };
    }
    seen.set(official.id, index);

    // What the official held just before this row: the fold of everything ordered before it.
    const key = { id: '', eventOrder: order, effectiveOn: on, seq: index + 1 } as ProjectionTransfer;
    const before = foldOfficial((existing.get(official.id) ?? []).filter((t) => compareTransfers(t, key) < 0)).appointments.filter((a) => a.endedOn === null);
    const held = before.find((a) => a.capacity === Capacity.DEFINITIVE);
    const acting = before.filter((a) => a.capacity !== Capacity.DEFINITIVE);
    const heldName = describe(held ? positions.get(`id:${held.positionId}`) : null);

    const statedKind = row.kind ?? null;
    const actingKind = statedKind === TransferKind.ACTING_START || statedKind === TransferKind.ACTING_END;
    const capacity = row.capacity ?? (actingKind ? Capacity.ACTING : Capacity.DEFINITIVE);
    if (statedKind && actingKind !== (capacity !== Capacity.DEFINITIVE)) {
      problems.push(error('KIND_CAPACITY_MISMATCH', `A ${statedKind} transfer cannot have capacity ${capacity}.`, index, 'capacity'));
      return { problems };
    }

    let from: string | null;
    if (capacity === Capacity.DEFINITIVE) {
      from = statedFrom ? statedFrom.id : (held?.positionId ?? null);
      if (statedFrom && statedFrom.id !== (held?.positionId ?? null)) {
        problems.push(error('FROM_POSITION_MISMATCH', `${official.name} held ${heldName} on ${on}, not ${describe(statedFrom)}.`, index, row.fromPositionId ? 'fromPositionId' : 'fromPositionCode'));
      }
      if (!from && !to) {
        problems.push(error('NOTHING_TO_RECORD', `${official.name} holds no post on ${on} and the row names no destination.`, index, 'toPositionId'));
      }
      if (to && held && to.id === held.positionId) {
        problems.push(error('SAME_POSITION', `${official.name} already holds ${describe(to)} on ${on}.`, index, row.toPositionId ? 'toPositionId' : 'toPositionCode'));
      }
    } else if (to) {
      from = null;
      if (acting.some((a) => a.positionId === to.id)) problems.push(error('ALREADY_ACTING', `${official.name} is already acting in ${describe(to)} on ${on}.`, index, 'toPositionId'));
    } else {
      from = statedFrom?.id ?? (acting.length === 1 ? acting[0].positionId : null);
      if (!from || !acting.some((a) => a.positionId === from)) {
        problems.push(error('NOT_ACTING', `${official.name} is not acting in ${statedFrom ? describe(statedFrom) : 'any single post'} on ${on}; name the post being left.`, index, 'fromPositionId'));
      }
    }
    if (statedKind === TransferKind.ACTING_START && !to) problems.push(error('DESTINATION_REQUIRED', 'ACTING_START needs the post to act in.', index, 'toPositionId'));

    if (to && ((to.established_on && to.established_on > on) || (to.abolished_on && to.abolished_on <= on))) {
      const why = to.established_on && to.established_on > on ? `is only established on ${to.established_on}` : `was abolished on ${to.abolished_on}`;
      problems.push(error('POSITION_NOT_ACTIVE', `${describe(to)} ${why}; the transfer takes effect on ${on}.`, index, row.toPositionId ? 'toPositionId' : 'toPositionCode'));
    }
    const nip = official.nip ? parseNip(official.nip) : undefined;
    if (nip?.ok && nip.value.appointedFrom > on) {
      problems.push(error('EFFECTIVE_BEFORE_APPOINTMENT', `${on} is before ${official.name}'s appointment as civil servant (${nip.value.appointed}, from the NIP).`, index, officialField));
    }

    const fromPost = from ? (positions.get(`id:${from}`) ?? null) : null;
    const derived = deriveKind(capacity, fromPost, to);
    if (statedKind && kindContradicts(statedKind, derived)) {
      problems.push(warning('KIND_MISMATCH', `Stated as ${statedKind}, but from ${describe(fromPost)} to ${describe(to)} is a ${derived}.`, index, 'kind'));
    }
    if (capacity === Capacity.DEFINITIVE && to && rankTooLow(official.rank, to.echelon)) {
      problems.push(warning('RANK_BELOW_MINIMUM', `${official.name}'s rank ${official.rank} is more than one grade below the minimum for echelon ${to.echelon} (PP 13/2002).`, index, 'toPositionId'));
    }
    if (capacity === Capacity.DEFINITIVE && held && held.startedOn > yearsBefore(on, 2)) {
      problems.push(warning('SHORT_TENURE', `${official.name} has held ${heldName} only since ${held.startedOn}, less than 2 years.`, index, 'fromPositionId'));
    }
    return {
      problems,
      plan: {
        index,
        officialId: official.id,
        fromPositionId: from,
        // Acting ends always name (or single out) the acting post: they are checked, never re-derived.
        fromStated: !!statedFrom || capacity !== Capacity.DEFINITIVE,
        toPositionId: to?.id ?? null,
        kind: statedKind ?? derived,
        kindStated: !!statedKind,
        capacity,
        note: row.note ?? null,
      },
    };
  }

  private async writeEvent(
    m: EntityManager,
    input: RotationEventInput,
    effectiveOn: string,
    decreeNumber: string | null,
    opts: { eventId?: string; idempotencyKey?: string | null; requestHash?: string },
  ): Promise<string> {
    // A decree date after the effective date is already an ERROR; left out here so the trial
    // insert does not trip the table's own check before every problem is collected.
    const decreeDate = input.decreeDate && effectiveOn < input.decreeDate ? null : (input.decreeDate ?? null);
    const fields = [input.title, input.issuer, decreeNumber, decreeDate, input.swornInOn, effectiveOn, input.location ?? null, input.sourceUrl ?? null];
    if (opts.eventId) {
      await m.query(
        `UPDATE rotation_events SET title = $2, issuer = $3, decree_number = $4, decree_date = $5, sworn_in_on = $6, effective_on = $7,
           location = $8, source_url = $9, version = version + 1, updated_at = now() WHERE id = $1`,
        [opts.eventId, ...fields],
      );
      return opts.eventId;
    }
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO rotation_events (title, issuer, decree_number, decree_date, sworn_in_on, effective_on, location, source_url, idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [...fields, opts.idempotencyKey ?? null, opts.requestHash ?? null],
    );
    return row.id;
  }

  /**
   * What the rebuilt history says: transfers of other events that no longer fit (a later
   * decree moving someone from a post they would no longer hold), and posts that would have
   * two definitive holders. Each is attributed to this event's row for the official when
   * there is one.
   */
  private async historyProblems(
    m: EntityManager,
    projection: Projection,
    indexOfTransfer: Map<string, number>,
    indexOfOfficial: Map<string, number>,
  ): Promise<RotationProblem[]> {
    const issues = projection.issues.filter((i) => !indexOfTransfer.has(i.transferId));
    if (issues.length === 0 && projection.overlaps.length === 0) return [];
    const transferIds = [...issues.map((i) => i.transferId), ...projection.overlaps.flatMap((o) => [o.earlier.startedByTransferId, o.later.startedByTransferId])];
    const facts: { id: string; event_id: string; decree_number: string | null; effective_on: string; official_id: string; name: string; from_code: string | null; held_code: string | null; to_code: string | null }[] =
      await m.query(
        `SELECT t.id, t.event_id, e.decree_number, e.effective_on, t.official_id, o.name, f.code AS from_code, tp.code AS to_code, NULL AS held_code
         FROM transfers t JOIN rotation_events e ON e.id = t.event_id JOIN officials o ON o.id = t.official_id
         LEFT JOIN positions f ON f.id = t.from_position_id LEFT JOIN positions tp ON tp.id = t.to_position_id
         WHERE t.id = ANY($1::bigint[])`,
        [transferIds],
      );
    const byId = new Map(facts.map((f) => [f.id, f]));
    const heldIds = [...new Set(issues.map((i) => i.held).filter((h): h is string => !!h))];
    const heldCodes: { id: string; code: string }[] = heldIds.length ? await m.query('SELECT id, code FROM positions WHERE id = ANY($1::bigint[])', [heldIds]) : [];
    const codeOf = new Map(heldCodes.map((p) => [p.id, p.code]));
    const eventName = (f: { event_id: string; decree_number: string | null; effective_on: string }) =>
      `event ${f.event_id}${f.decree_number ? ` (decree ${f.decree_number})` : ''} of ${f.effective_on}`;

    const problems: RotationProblem[] = [];
    for (const issue of issues) {
      const f = byId.get(issue.transferId)!;
      const held = issue.held ? (codeOf.get(issue.held) ?? issue.held) : 'no post';
      problems.push(
        error(
          issue.code === 'SAME_DAY_MOVE' ? 'SAME_DAY_MOVE' : 'FROM_POSITION_MISMATCH',
          issue.code === 'SAME_DAY_MOVE'
            ? `${f.name} would move twice on ${f.effective_on}: ${eventName(f)} moves them on the same day.`
            : issue.code === 'NOTHING_TO_RECORD'
              ? `This contradicts ${eventName(f)}, which ends ${f.name}'s post: by then ${f.name} would hold none.`
              : `This contradicts ${eventName(f)}, which moves ${f.name} from ${f.from_code ?? 'no post'}: by then ${f.name} would hold ${held}.`,
          indexOfOfficial.get(f.official_id) ?? null,
          null,
        ),
      );
    }
    const postIds = [...new Set(projection.overlaps.map((o) => o.positionId))];
    const posts: { id: string; code: string; title: string }[] = postIds.length ? await m.query('SELECT id, code, title FROM positions WHERE id = ANY($1::bigint[])', [postIds]) : [];
    const postOf = new Map(posts.map((p) => [p.id, `${p.title} (${p.code})`]));
    for (const o of projection.overlaps) {
      const mine = [o.later, o.earlier].find((a) => indexOfTransfer.has(a.startedByTransferId)) ?? [o.later, o.earlier].find((a) => indexOfOfficial.has(a.officialId));
      const other = mine === o.earlier ? o.later : o.earlier;
      const index = mine ? (indexOfTransfer.get(mine.startedByTransferId) ?? indexOfOfficial.get(mine.officialId) ?? null) : null;
      const otherFacts = byId.get(other.startedByTransferId);
      const mineFacts = mine ? byId.get(mine.startedByTransferId) : undefined;
      const holder = otherFacts?.name ?? `official ${other.officialId}`;
      const until = other.endedOn ? ` until ${other.endedOn}` : '';
      problems.push(
        error(
          'POSITION_OCCUPIED',
          `${postOf.get(o.positionId)} is held by ${holder} from ${other.startedOn}${until} (${otherFacts ? eventName(otherFacts) : 'recorded'}), ` +
            `who does not leave it here; ${mineFacts?.name ?? 'the official'} would hold it from ${mine?.startedOn ?? o.later.startedOn}.`,
          index,
          index !== null && mine && indexOfTransfer.has(mine.startedByTransferId) ? 'toPositionId' : null,
        ),
      );
    }
    return problems;
  }

  /** The event with its lampiran, for the audit log's before and after. */
  private async snapshot(m: EntityManager, id: string): Promise<object> {
    const [event] = await m.query(
      `SELECT e.id, e.title, e.issuer, e.decree_number, e.decree_date, e.sworn_in_on, e.effective_on, e.location, e.source_url, e.status, e.void_reason, e.version,
         COALESCE((SELECT jsonb_agg(jsonb_build_object('seq', t.seq, 'officialId', t.official_id, 'fromPositionId', t.from_position_id,
           'toPositionId', t.to_position_id, 'kind', t.kind, 'capacity', t.capacity, 'note', t.note) ORDER BY t.seq)
           FROM transfers t WHERE t.event_id = e.id), '[]') AS transfers
       FROM rotation_events e WHERE e.id = $1`,
      [id],
    );
    return event;
  }
}
