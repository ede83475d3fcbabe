import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Page } from '../common/pagination/connection.js';
import { decodeCursor, toPage } from '../common/pagination/paginate.js';
import { subtree } from '../organizations/organization-tree.sql.js';
import { appointmentJson } from './appointment.sql.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { Appointment } from './appointment.entity.js';
import { checkRange } from '../common/date-range.js';
import type { UnitArgs } from '../common/unit.args.js';
import type { BetweenDaysArgs, OnDayArgs } from './dto/appointment-views.js';

/** A post's row in a snapshot, before its position and acting holders are loaded. */
export interface PostOnDay {
  positionId: string;
  on: string;
  holder: Appointment | null;
  lastHolder: Appointment | null;
  vacantSince: string | null;
}

export interface PostBetweenDays {
  positionId: string;
  before: Appointment | null;
  after: Appointment | null;
}

const definitiveOn = (post: string, day: string) =>
  `SELECT ${appointmentJson('a')} AS j FROM appointments a
   WHERE a.position_id = ${post} AND a.capacity = 'DEFINITIVE' AND a.started_on <= ${day} AND (a.ended_on IS NULL OR a.ended_on > ${day}) LIMIT 1`;

/**
 * Who held what when, read from the projection with hand-written SQL: one statement for the
 * page and one for its count, whatever the page size; relations come through the loaders.
 */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Every post active on `on` in the unit and its sub-units, with its holder or since when it is vacant. */
  snapshot(args: OnDayArgs): Promise<Page<PostOnDay>> {
    return this.postsOnDay(args, false);
  }

  /** The posts of `snapshot` with no definitive holder that day. */
  vacancies(args: OnDayArgs): Promise<Page<PostOnDay>> {
    return this.postsOnDay(args, true);
  }

  /** Posts whose definitive holder on `to` is not the one on `from`. */
  async changes(args: BetweenDaysArgs): Promise<Page<PostBetweenDays>> {
    checkRange(args.from, args.to);
    const params: unknown[] = [args.from, args.to];
    const where = this.postFilter(await this.organizations.unitId(args), params, '$1');
    const base = `FROM positions p
      LEFT JOIN LATERAL (${definitiveOn('p.id', '$1')}) b ON true
      LEFT JOIN LATERAL (${definitiveOn('p.id', '$2')}) a ON true
      WHERE ${where} AND (b.j->>'officialId') IS DISTINCT FROM (a.j->>'officialId')`;
    return this.page(args, params, base, `p.id::text AS "positionId", b.j AS before, a.j AS after`);
  }

  private async postsOnDay(args: OnDayArgs, vacantOnly: boolean): Promise<Page<PostOnDay>> {
    const params: unknown[] = [args.on];
    const where = this.postFilter(await this.organizations.unitId(args), params, '$1');
    const base = `FROM positions p
      LEFT JOIN LATERAL (${definitiveOn('p.id', '$1')}) h ON true
      LEFT JOIN LATERAL (SELECT ${appointmentJson('a')} AS j FROM appointments a
        WHERE a.position_id = p.id AND a.capacity = 'DEFINITIVE' AND a.ended_on <= $1 ORDER BY a.ended_on DESC LIMIT 1) l ON h.j IS NULL
      WHERE ${where}${vacantOnly ? ' AND h.j IS NULL' : ''}`;
    const page = await this.page<Omit<PostOnDay, 'on'>>(
      args,
      params,
      base,
      `p.id::text AS "positionId", h.j AS holder, l.j AS "lastHolder",
       CASE WHEN h.j IS NULL THEN COALESCE((l.j->>'endedOn')::date, p.established_on) END AS "vacantSince"`,
    );
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: { ...e.node, on: args.on } })) };
  }

  /** Posts in the unit's tree and active on the day (established, not yet abolished). */
  private postFilter(unit: string | undefined, params: unknown[], day: string): string {
    const clauses = [`(p.established_on IS NULL OR p.established_on <= ${day})`, `(p.abolished_on IS NULL OR p.abolished_on > ${day})`];
    if (unit) {
      params.push(unit);
      clauses.push(`p.organization_id IN ${subtree(`$${params.length}`)}`);
    }
    return clauses.join(' AND ');
  }

  /** One page in post id order, and the count, from `base` (FROM … WHERE …). */
  private async page<T extends { positionId: string }>(args: UnitArgs, params: unknown[], base: string, columns: string): Promise<Page<T>> {
    const after = args.after ? decodeCursor(args.after, ['id'])[0] : '0';
    const pageParams = [...params, after, args.first + 1];
    const [rows, count] = await Promise.all([
      this.dataSource.query(`SELECT ${columns} ${base} AND p.id > $${params.length + 1} ORDER BY p.id LIMIT $${params.length + 2}`, pageParams) as Promise<T[]>,
      this.dataSource.query(`SELECT count(*)::int AS n ${base}`, params) as Promise<{ n: number }[]>,
    ]);
    return toPage(rows, args, count[0].n, (r) => [r.positionId]);
  }
}
