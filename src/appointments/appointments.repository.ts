import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { countRows } from '../common/pagination/paginate.js';
import { recordedRelation } from '../common/as-recorded.js';
import { subtree } from '../organizations/organization-tree.sql.js';
import { lastDayOfServiceSql, retirementAgeSql } from '../positions/retirement-age.js';
import type { Capacity } from '../history/history.enums.js';
import type { Appointment } from './appointment.entity.js';
import { IS_ACTING, IS_HEAD } from '../history/capacity.sql.js';
import { appointmentJson } from './appointment.sql.js';

/** Which posts to list: active on `day` (in the unit's tree, if any), after the cursor, at most `limit`. */
export interface PostsQuery {
  unitId: string | undefined;
  /** Post id the page starts after ('0' for the first page). */
  after: string;
  limit: number;
}

export interface PostRowOnDay {
  positionId: string;
  holder: Appointment | null;
  lastHolder: Appointment | null;
  vacantSince: string | null;
}

/** Which holders a post must have on the day: in this capacity, for more than so many days. */
export interface HeldFilter {
  as?: Capacity;
  longerThanDays?: number;
}

export interface RetirementRow {
  /** The appointment: what pages go by (a post with several seats has several holders). */
  appointmentId: string;
  positionId: string;
  officialId: string;
  retirementAge: number;
  lastDayOfService: string;
  pensionFrom: string;
}

export interface PostRowBetweenDays {
  positionId: string;
  before: Appointment | null;
  after: Appointment | null;
  existedBefore: boolean;
  existedAfter: boolean;
}

const headOn = (post: string, day: string, appointments = 'appointments') =>
  `SELECT ${appointmentJson('a')} AS j FROM ${appointments} a
   WHERE a.position_id = ${post} AND a.capacity ${IS_HEAD} AND a.started_on <= ${day} AND (a.ended_on IS NULL OR a.ended_on > ${day})
   ORDER BY a.started_on, a.id LIMIT 1`;

/** Who heads a post on a day, as a sorted list of officials: what `changes` compares on a post with several seats. */
const headsOn = (post: string, day: string) =>
  `SELECT array_agg(a.official_id ORDER BY a.official_id) FROM appointments a
   WHERE a.position_id = ${post} AND a.capacity ${IS_HEAD} AND a.started_on <= ${day} AND (a.ended_on IS NULL OR a.ended_on > ${day})`;

/**
 * Who held which post when, read from the projection in hand-written SQL: one statement for a
 * page of posts and one for the count, whatever the page size.
 */
@Injectable()
export class AppointmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Posts active on `on`, with their definitive holder, or the last one and since when the
   * post is vacant; with `held`, only those someone holds that day as `held.as` (any acting
   * capacity when not given) for more than `held.longerThanDays` days, if given.
   */
  postsOnDay(on: string, vacantOnly: boolean, query: PostsQuery, held?: HeldFilter, at?: string): Promise<{ rows: PostRowOnDay[]; count: () => Promise<number> }> {
    const params: unknown[] = [on];
    const appointments = recordedRelation('appointments', at && `$${params.push(at)}`);
    const heldClause =
      held && (held.as || held.longerThanDays != null)
        ? ` AND EXISTS (SELECT 1 FROM ${appointments} x WHERE x.position_id = p.id
            AND ${held.as ? `x.capacity = $${params.push(held.as)}` : `x.capacity ${IS_ACTING}`}
            AND x.started_on <= $1 AND (x.ended_on IS NULL OR x.ended_on > $1)
            ${held.longerThanDays != null ? `AND x.started_on < $1::date - $${params.push(held.longerThanDays)}::int` : ''})`
        : '';
    const base = `FROM positions p
      LEFT JOIN LATERAL (${headOn('p.id', '$1', appointments)}) h ON true
      LEFT JOIN LATERAL (SELECT ${appointmentJson('a')} AS j FROM ${appointments} a
        WHERE a.position_id = p.id AND a.capacity ${IS_HEAD} AND a.ended_on <= $1 ORDER BY a.ended_on DESC LIMIT 1) l ON h.j IS NULL
      WHERE ${postFilter(query.unitId, params, '$1')}${vacantOnly ? ' AND h.j IS NULL' : ''}${heldClause}`;
    const columns = `p.id::text AS "positionId", h.j AS holder, l.j AS "lastHolder",
       CASE WHEN h.j IS NULL THEN COALESCE((l.j->>'endedOn')::date, p.established_on) END AS "vacantSince"`;
    return this.page(params, base, columns, query);
  }

  /**
   * Posts existing on `from` or on `to` whose heads on `to` are not those on `from` (before/after:
   * the longest-serving of each), or that exist on only one of the two days: established since
   * `from` or abolished by `to`, "no post then" on the other side.
   */
  changedPosts(from: string, to: string, query: PostsQuery): Promise<{ rows: PostRowBetweenDays[]; count: () => Promise<number> }> {
    const params: unknown[] = [from, to];
    const base = `FROM positions p
      CROSS JOIN LATERAL (SELECT ${existsOn('$1')} AS before, ${existsOn('$2')} AS after) x
      LEFT JOIN LATERAL (${headOn('p.id', '$1')}) b ON x.before
      LEFT JOIN LATERAL (${headOn('p.id', '$2')}) a ON x.after
      WHERE (x.before OR x.after) ${unitFilter(query.unitId, params)}
        AND (x.before <> x.after OR (b.j->>'officialId') IS DISTINCT FROM (a.j->>'officialId')
          OR (p.seats > 1 AND (${headsOn('p.id', '$1')}) IS DISTINCT FROM (${headsOn('p.id', '$2')})))`;
    return this.page(params, base, `p.id::text AS "positionId", b.j AS before, a.j AS after, x.before AS "existedBefore", x.after AS "existedAfter"`, query);
  }

  /**
   * Definitive holders on `heldOn` (PNS with a birth date) whose last day of service, by the
   * retirement age of the post they hold, falls in `lastDay` (`from` null: any day up to
   * `to`): soonest first, then by post.
   */
  async retirements(
    heldOn: string,
    lastDay: { from: string | null; to: string },
    unitId: string | undefined,
    echelons: string[] | undefined,
    after: [string, string] | undefined,
    limit: number,
  ): Promise<{ rows: RetirementRow[]; count: () => Promise<number> }> {
    const params: unknown[] = [heldOn, lastDay.to];
    const $ = (value: unknown) => `$${params.push(value)}`;
    // A head by additional task retires at the age of the functional post held beside it.
    const base = `FROM appointments a JOIN positions p ON p.id = a.position_id JOIN officials o ON o.id = a.official_id
      LEFT JOIN LATERAL (SELECT fp.category, fp.functional_level FROM appointments f JOIN positions fp ON fp.id = f.position_id
        WHERE a.capacity = 'ADDITIONAL_TASK' AND f.official_id = a.official_id AND f.capacity = 'DEFINITIVE'
          AND f.started_on <= $1 AND (f.ended_on IS NULL OR f.ended_on > $1)) f ON true
      CROSS JOIN LATERAL (SELECT ${retirementAgeSql('coalesce(f.category, p.category)', 'coalesce(f.functional_level, p.functional_level)')} AS age) r
      CROSS JOIN LATERAL (SELECT ${lastDayOfServiceSql('o.birth_date', 'r.age')} AS last_day) d
      WHERE a.capacity ${IS_HEAD} AND a.started_on <= $1 AND (a.ended_on IS NULL OR a.ended_on > $1)
        AND o.employment = 'PNS' AND o.birth_date IS NOT NULL AND d.last_day <= $2 ${lastDay.from ? `AND d.last_day >= ${$(lastDay.from)}` : ''}
        ${unitId ? `AND p.organization_id IN ${subtree($(unitId))}` : ''} ${echelons ? `AND p.echelon = ANY(${$(echelons)}::echelon[])` : ''}`;
    const countParams = [...params];
    const page = after ? ` AND (d.last_day, a.id) > (${$(after[0])}::date, ${$(after[1])}::bigint)` : '';
    const rows: RetirementRow[] = await this.dataSource.query(
      `SELECT a.id::text AS "appointmentId", p.id::text AS "positionId", o.id::text AS "officialId", r.age AS "retirementAge", d.last_day AS "lastDayOfService",
         (d.last_day + 1) AS "pensionFrom"
       ${base}${page} ORDER BY d.last_day, a.id LIMIT ${$(limit)}`,
      params,
    );
    return { rows, count: () => countRows(this.dataSource, base, countParams) };
  }

  /** One page in post id order from `base` (FROM … WHERE …), and the count to run if asked for. */
  private async page<T>(params: unknown[], base: string, columns: string, query: PostsQuery): Promise<{ rows: T[]; count: () => Promise<number> }> {
    const rows: T[] = await this.dataSource.query(`SELECT ${columns} ${base} AND p.id > $${params.length + 1} ORDER BY p.id LIMIT $${params.length + 2}`, [
      ...params,
      query.after,
      query.limit,
    ]);
    return { rows, count: () => countRows(this.dataSource, base, params) };
  }
}

/** Whether the post `p` exists on the day: established by then, not yet abolished. */
const existsOn = (day: string) => `((p.established_on IS NULL OR p.established_on <= ${day}) AND (p.abolished_on IS NULL OR p.abolished_on > ${day}))`;

/** Posts in the unit's tree (if any) and active on the day. */
function postFilter(unitId: string | undefined, params: unknown[], day: string): string {
  return `${existsOn(day)} ${unitFilter(unitId, params)}`;
}

/** ` AND` the post is in the unit's tree, if a unit is given. */
function unitFilter(unitId: string | undefined, params: unknown[]): string {
  if (!unitId) return '';
  params.push(unitId);
  return `AND p.organization_id IN ${subtree(`$${params.length}`)}`;
}
