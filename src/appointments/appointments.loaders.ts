import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { perInstant, recordedRelation, stamp } from '../common/as-recorded.js';
import { daysBetween } from '../common/date-range.js';
import { today } from '../common/today.js';
import { statementPerDataSource } from '../common/prepared-statement.js';
import { leanColumns, takePrefixed } from '../common/lean-select.js';
import { defineLoader, groupForKeys, type LoaderDefinition } from '../common/loaders/request-loaders.js';
import { Official } from '../officials/official.entity.js';
import { officialById } from '../officials/officials.loaders.js';
import { Position } from '../positions/position.entity.js';
import { positionById } from '../positions/positions.loaders.js';
import type { Appointment } from './appointment.entity.js';
import { IS_ACTING, IS_HEAD } from '../history/capacity.sql.js';
import { appointmentJson } from './appointment.sql.js';
import type { Vacancy } from './dto/appointment-views.js';

const json = appointmentJson('a');

type AppointmentRow = { key: string; j: Appointment } & Record<string, unknown>;

/** What a loader brings along with each appointment: its official or its post. */
type Along = 'official' | 'post';
const ALONG = {
  official: { join: 'JOIN officials o ON o.id = a.official_id', entity: Official, alias: 'o', loader: officialById, id: (a: Appointment) => a.officialId },
  post: { join: 'JOIN positions p ON p.id = a.position_id', entity: Position, alias: 'p', loader: positionById, id: (a: Appointment) => a.positionId },
} as const;

/**
 * Appointments per key, from `sql(columns, join)` returning (key, j, columns) for the
 * parameters `params(keys)`. The row `along` (the official or the post: the side the key does
 * not already name) comes in the same statement and primes the request's `officialById` or
 * `positionById`, so `holder { definitive { official } }` or `currentAppointment {
 * position }` costs no statement of its own, and the parent's own row is not read twice.
 */
function appointmentsBy(
  along: Along,
  sql: (columns: string, join: string, appointments: (alias: string) => string) => string,
  params: (keys: readonly string[]) => unknown[],
): LoaderDefinition<string, Appointment[]> {
  const { join, entity, alias, loader, id } = ALONG[along];
  const columns = (dataSource: DataSource) => leanColumns(dataSource, entity, alias, `${alias}.`);
  const now = statementPerDataSource<AppointmentRow>((dataSource) => sql(columns(dataSource), join, (a) => `appointments ${a}`));
  // As recorded at an instant: the same SQL over appointments_at(the parameter after the keys').
  const then = statementPerDataSource<AppointmentRow>((dataSource) =>
    sql(columns(dataSource), join, (a) => `${recordedRelation('appointments', `$${params([]).length + 1}`)} ${a}`),
  );
  return defineLoader(
    (dataSource, loaders) =>
      new DataLoader<string, Appointment[]>((keys) =>
        perInstant(keys, async (bare, at) => {
          const rows = at ? await then(dataSource).rows(dataSource, [...params(bare), at]) : await now(dataSource).rows(dataSource, params(bare));
          const primed = loaders.get(loader as LoaderDefinition<string, unknown>);
          for (const row of rows) primed.prime(id(row.j), takePrefixed(row, `${alias}.`));
          return groupForKeys(bare, rows, (r) => r.key).map((group) => stamp(group.map((r) => r.j), at));
        }),
      ),
  );
}

const asIs = (keys: readonly string[]) => [keys];
/** Keys "id|YYYY-MM-DD" split into two arrays for unnest. */
const idDays = (keys: readonly string[]) => [keys.map((k) => k.split('|')[0]), keys.map((k) => k.split('|')[1])];

/** The row an appointment keyed by `column` brings along: the side the key does not name. */
const otherSide = (column: 'position_id' | 'official_id'): Along => (column === 'position_id' ? 'official' : 'post');

/** Every appointment of a post or an official (`column`), oldest first. */
const historyOf = (column: 'position_id' | 'official_id') =>
  appointmentsBy(
    otherSide(column),
    (columns, join, appointments) => `SELECT a.${column}::text AS key, ${json} AS j, ${columns} FROM ${appointments('a')} ${join} WHERE a.${column} = ANY($1::bigint[]) ORDER BY a.started_on, a.id`,
    asIs,
  );

/** Appointments of a post or an official (`column`) held on a day, for keys "id|day". */
const heldOn = (column: 'position_id' | 'official_id', capacity: string) =>
  appointmentsBy(
    otherSide(column),
    (columns, join, appointments) => `SELECT k.id || '|' || k.d AS key, ${json} AS j, ${columns} FROM unnest($1::bigint[], $2::date[]) AS k(id, d)
     JOIN ${appointments('a')} ON a.${column} = k.id AND a.capacity ${capacity} AND a.started_on <= k.d AND (a.ended_on IS NULL OR a.ended_on > k.d) ${join}
     ORDER BY a.started_on, a.id`,
    idDays,
  );

/** The nearest definitive appointment on the same post starting before (`<`) or after (`>`) the key's (with its official: the post is the key's). */
const neighbour = (direction: '<' | '>', order: 'ASC' | 'DESC') =>
  appointmentsBy(
    'official',
    (columns, join, appointments) => `SELECT x.id::text AS key, ${json} AS j, ${columns} FROM ${appointments('x')} CROSS JOIN LATERAL (
       SELECT * FROM ${appointments('a')} WHERE a.position_id = x.position_id AND a.capacity ${IS_HEAD} AND a.started_on ${direction} x.started_on
       ORDER BY a.started_on ${order} LIMIT 1) a ${join} WHERE x.id = ANY($1::bigint[]) AND x.capacity ${IS_HEAD}`,
    asIs,
  );

/** An official's career, oldest first. */
export const appointmentsOfOfficial = historyOf('official_id');
/** A post's succession (and acting holders), oldest first. */
export const appointmentsOfPosition = historyOf('position_id');
/** The head of a post on a day (definitive, or by additional task; several on a post with seats), for keys "positionId|day". */
export const headOn = heldOn('position_id', IS_HEAD);
/** Acting (Plt) and stand-in (Plh) holders of a post on a day, for keys "positionId|day". */
export const actingOn = heldOn('position_id', IS_ACTING);
/** The definitive post an official holds on a day, for keys "officialId|day". */
export const officialPostOn = heldOn('official_id', `= 'DEFINITIVE'`);
/** The definitive appointment before (predecessor) or after (successor) a definitive appointment on its post. */
export const predecessor = neighbour('<', 'DESC');
export const successor = neighbour('>', 'ASC');

/**
 * Stretches with no head: between heads, after the last, and from establishment to the first.
 * On a post with several seats, a stretch where no seat is held (heads overlap, so each start
 * is compared with the latest end of the heads before it).
 */
export const vacanciesOfPosition = defineLoader(
  (dataSource) =>
    new DataLoader<string, Vacancy[]>(async (ids) => {
      const rows: { key: string; from: string; to: string | null }[] = await dataSource.query(
        `WITH h AS (
           SELECT a.position_id, a.started_on, a.ended_on, p.abolished_on,
                  max(COALESCE(a.ended_on, 'infinity'::date)) OVER (PARTITION BY a.position_id ORDER BY a.started_on, a.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_end,
                  max(COALESCE(a.ended_on, 'infinity'::date)) OVER (PARTITION BY a.position_id) AS last_end
           FROM appointments a JOIN positions p ON p.id = a.position_id WHERE a.position_id = ANY($1::bigint[]) AND a.capacity ${IS_HEAD})
         SELECT key, "from", "to" FROM (
           SELECT DISTINCT position_id::text AS key, before_end AS "from", started_on AS "to" FROM h WHERE before_end < started_on
           UNION ALL
           SELECT DISTINCT position_id::text, last_end, abolished_on FROM h WHERE last_end <> 'infinity' AND (abolished_on IS NULL OR abolished_on > last_end)
           UNION ALL
           SELECT p.id::text, p.established_on, min(a.started_on) FROM positions p
             LEFT JOIN appointments a ON a.position_id = p.id AND a.capacity ${IS_HEAD}
           WHERE p.id = ANY($1::bigint[]) AND p.established_on IS NOT NULL
           GROUP BY p.id HAVING min(a.started_on) IS NULL OR min(a.started_on) > p.established_on) v
         ORDER BY key, "from"`,
        [ids],
      );
      const now = today();
      return groupForKeys(ids, rows, (r) => r.key).map((group) => group.map(({ from, to }) => ({ from, to, days: daysBetween(from, to ?? now) })));
    }),
);
