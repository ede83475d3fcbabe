import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Appointment } from '../../appointments/appointment.entity.js';
import type { Vacancy } from '../../appointments/dto/appointment-views.js';
import { groupByKey } from '../group-by.js';
import { appointmentJson } from '../../appointments/appointment.sql.js';
import { leanSelect } from '../lean-select.js';
import type { Echelon, PositionCategory } from '../../positions/position.enums.js';
import type { OrganizationCount, RotationEventSummary } from '../../rotations/dto/rotation-queries.js';
import type { TransferKind } from '../../history/history.enums.js';
import { Official } from '../../officials/official.entity.js';
import { Position } from '../../positions/position.entity.js';
import { RotationEvent } from '../../rotations/rotation-event.entity.js';
import { Transfer } from '../../rotations/transfer.entity.js';
import { Organization } from '../../organizations/organization.entity.js';

/** Groups rows by key, in the order DataLoader asked for the keys. */
function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = groupByKey(rows, keyOf);
  return keys.map((k) => groups.get(k) ?? []);
}

/**
 * One set per request (built in the GraphQL context), so every relation of a query costs
 * one SQL statement per level whatever the list sizes, and nothing is cached across requests.
 */
/**
 * A loader of rows by id (null for an id with no row), in plain SQL: these loaders sit under
 * every nested query.
 */
function byId<T extends ObjectLiteral & { id: string }>(dataSource: DataSource, entity: EntityTarget<T>) {
  const sql = `${leanSelect(dataSource, entity)} WHERE x.id = ANY($1::bigint[])`;
  return new DataLoader<string, T | null>(async (ids) => {
    const rows: T[] = await dataSource.query(sql, [ids]);
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

export function createLoaders(dataSource: DataSource) {
  const organizations = dataSource.getRepository(Organization);
  return {
    ...appointmentLoaders(dataSource),
    transfer: byId(dataSource, Transfer),
    /** Counts of an event's transfers by kind, echelon, category and unit (each under its destination, else its origin). */
    eventSummary: new DataLoader<string, RotationEventSummary>(async (ids) => {
      const rows: { event_id: string; dim: string; key: string | null; count: number }[] = await dataSource.query(
        `SELECT t.event_id::text AS event_id, d.dim, d.key, count(*)::int AS count
         FROM transfers t LEFT JOIN positions fp ON fp.id = t.from_position_id LEFT JOIN positions tp ON tp.id = t.to_position_id
         CROSS JOIN LATERAL (VALUES ('kind', t.kind::text), ('echelon', COALESCE(tp.echelon, fp.echelon)::text),
           ('category', COALESCE(tp.category, fp.category)::text), ('organization', COALESCE(tp.organization_id, fp.organization_id)::text)) AS d(dim, key)
         WHERE t.event_id = ANY($1::bigint[])
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 4 DESC, 3`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.event_id).map((group) => {
        const of = (dim: string) => group.filter((r) => r.dim === dim);
        return {
          transfers: of('kind').reduce((n, r) => n + r.count, 0),
          byKind: of('kind').map((r) => ({ kind: r.key as TransferKind, count: r.count })),
          byEchelon: of('echelon').map((r) => ({ echelon: r.key as Echelon | null, count: r.count })),
          byCategory: of('category').map((r) => ({ category: r.key as PositionCategory, count: r.count })),
          byOrganization: of('organization').map((r) => ({ organizationId: r.key!, count: r.count }) as OrganizationCount),
        };
      });
    }),
    official: byId(dataSource, Official),
    position: byId(dataSource, Position),
    rotationEvent: byId(dataSource, RotationEvent),
    /** An event's lampiran, in order. */
    transfersOfEvent: new DataLoader<string, Transfer[]>(async (ids) => {
      const rows = await dataSource.getRepository(Transfer).createQueryBuilder('t').where('t.event_id = ANY(:ids)', { ids }).orderBy('t.seq').getMany();
      return groupBy(ids, rows, (r) => r.eventId);
    }),
    organization: byId(dataSource, Organization),
    organizationChildren: new DataLoader<string, Organization[]>(async (ids) => {
      const rows = await organizations.createQueryBuilder('o').where('o.parent_id = ANY(:ids)', { ids }).orderBy('o.code').getMany();
      return groupBy(ids, rows, (r) => r.parentId!);
    }),
    /** Ancestors from the parent up to the root, for many organizations in one recursive query. */
    organizationAncestors: new DataLoader<string, Organization[]>(async (ids) => {
      const rows: { of_id: string; depth: number; id: string }[] = await dataSource.query(
        `WITH RECURSIVE up(of_id, depth, id, parent_id) AS (
           SELECT o.id, 0, o.id, o.parent_id FROM organizations o WHERE o.id = ANY($1)
           UNION ALL
           SELECT up.of_id, up.depth + 1, p.id, p.parent_id FROM up JOIN organizations p ON p.id = up.parent_id WHERE up.depth < 100
         )
         SELECT of_id, depth, id FROM up WHERE depth > 0 ORDER BY of_id, depth`,
        [ids],
      );
      const all = await organizations.createQueryBuilder('o').where('o.id = ANY(:ids)', { ids: [...new Set(rows.map((r) => r.id))] }).getMany();
      const found = new Map(all.map((o) => [o.id, o]));
      return groupBy(ids, rows, (r) => r.of_id).map((group) => group.map((r) => found.get(r.id)!));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Appointments (as JSON rows) per key, from `sql` returning (key, j). */
function appointmentsBy(dataSource: DataSource, sql: (keys: string) => string, params: (keys: readonly string[]) => unknown[]) {
  return new DataLoader<string, Appointment[]>(async (keys) => {
    const rows: { key: string; j: Appointment }[] = await dataSource.query(sql('$1'), params(keys));
    return groupBy(keys, rows, (r) => r.key).map((group) => group.map((r) => r.j));
  });
}

/** Keys "id|YYYY-MM-DD" split into two arrays for unnest. */
const idDays = (keys: readonly string[]) => [keys.map((k) => k.split('|')[0]), keys.map((k) => k.split('|')[1])];

function appointmentLoaders(dataSource: DataSource) {
  const json = appointmentJson('a');
  /** Every appointment of a post or an official (`column`), oldest first. */
  const historyOf = (column: 'position_id' | 'official_id') =>
    appointmentsBy(
      dataSource,
      (k) => `SELECT a.${column}::text AS key, ${json} AS j FROM appointments a WHERE a.${column} = ANY(${k}::bigint[]) ORDER BY a.started_on, a.id`,
      (keys) => [keys],
    );
  /** Appointments of a post or an official (`column`) held on a day, for keys "id|day". */
  const heldOn = (column: 'position_id' | 'official_id', capacity: string) =>
    appointmentsBy(
      dataSource,
      () => `SELECT k.id || '|' || k.d AS key, ${json} AS j FROM unnest($1::bigint[], $2::date[]) AS k(id, d)
             JOIN appointments a ON a.${column} = k.id AND a.capacity ${capacity} AND a.started_on <= k.d AND (a.ended_on IS NULL OR a.ended_on > k.d)
             ORDER BY a.started_on, a.id`,
      idDays,
    );
  /** The nearest definitive appointment on the same post starting before (`<`) or after (`>`) the key's. */
  const neighbour = (direction: '<' | '>', order: 'ASC' | 'DESC') =>
    appointmentsBy(
      dataSource,
      (k) => `SELECT x.id::text AS key, ${json} AS j FROM appointments x CROSS JOIN LATERAL (
               SELECT * FROM appointments a WHERE a.position_id = x.position_id AND a.capacity = 'DEFINITIVE' AND a.started_on ${direction} x.started_on
               ORDER BY a.started_on ${order} LIMIT 1) a WHERE x.id = ANY(${k}::bigint[]) AND x.capacity = 'DEFINITIVE'`,
      (keys) => [keys],
    );
  return {
    /** An official's career, oldest first. */
    appointmentsOfOfficial: historyOf('official_id'),
    /** A post's succession (and acting holders), oldest first. */
    appointmentsOfPosition: historyOf('position_id'),
    /** The definitive holder of a post on a day (a list of at most one), for keys "positionId|day". */
    definitiveOn: heldOn('position_id', `= 'DEFINITIVE'`),
    /** Acting (Plt) and stand-in (Plh) holders of a post on a day, for keys "positionId|day". */
    actingOn: heldOn('position_id', `<> 'DEFINITIVE'`),
    /** The definitive post an official holds on a day, for keys "officialId|day". */
    officialPostOn: heldOn('official_id', `= 'DEFINITIVE'`),
    /** The definitive appointment before (predecessor) or after (successor) a definitive appointment on its post. */
    predecessor: neighbour('<', 'DESC'),
    successor: neighbour('>', 'ASC'),
    /** Stretches with no definitive holder: between holders, after the last, and from establishment to the first. */
    vacanciesOfPosition: new DataLoader<string, Vacancy[]>(async (ids) => {
      const rows: { key: string; from: string; to: string | null }[] = await dataSource.query(
        `SELECT key, "from", "to" FROM (
           SELECT s.position_id::text AS key, s.ended_on AS "from", COALESCE(s.next_start, s.abolished_on) AS "to" FROM (
             SELECT a.position_id, a.ended_on, p.abolished_on, lead(a.started_on) OVER (PARTITION BY a.position_id ORDER BY a.started_on) AS next_start
             FROM appointments a JOIN positions p ON p.id = a.position_id WHERE a.position_id = ANY($1::bigint[]) AND a.capacity = 'DEFINITIVE') s
           WHERE s.ended_on IS NOT NULL AND (s.next_start IS NULL OR s.next_start > s.ended_on) AND (s.abolished_on IS NULL OR s.abolished_on > s.ended_on)
           UNION ALL
           SELECT p.id::text, p.established_on, min(a.started_on) FROM positions p
             LEFT JOIN appointments a ON a.position_id = p.id AND a.capacity = 'DEFINITIVE'
           WHERE p.id = ANY($1::bigint[]) AND p.established_on IS NOT NULL
           GROUP BY p.id HAVING min(a.started_on) IS NULL OR min(a.started_on) > p.established_on) v
         ORDER BY key, "from"`,
        [ids],
      );
      return groupBy(ids, rows, (r) => r.key).map((group) => group.map(({ from, to }) => ({ from, to })));
    }),
  };
}

export interface GraphQLContext {
  req: import('express').Request;
  loaders: Loaders;
}
