/** `IN`-able subquery: the organization `param` and all units below it. */
export function subtree(param: string): string {
  return `(WITH RECURSIVE sub(id) AS (SELECT ${param}::bigint UNION ALL SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)`;
}

/** The columns of `appointments` under the entity's property names, for hand-written queries. */
export function appointmentColumns(alias: string): string {
  return `${alias}.id, ${alias}.official_id AS "officialId", ${alias}.position_id AS "positionId", ${alias}.capacity, ${alias}.started_on AS "startedOn",
    ${alias}.ended_on AS "endedOn", ${alias}.started_by_transfer_id AS "startedByTransferId", ${alias}.ended_by_transfer_id AS "endedByTransferId"`;
}

/** Today's date in Indonesia's western time zone, where Mutasi's governments are. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
}

/** An appointment row as a JSON object with the entity's property names (ids as text, dates as YYYY-MM-DD). */
export function appointmentJson(alias: string): string {
  return `jsonb_build_object('id', ${alias}.id::text, 'officialId', ${alias}.official_id::text, 'positionId', ${alias}.position_id::text,
    'capacity', ${alias}.capacity, 'startedOn', ${alias}.started_on, 'endedOn', ${alias}.ended_on,
    'startedByTransferId', ${alias}.started_by_transfer_id::text, 'endedByTransferId', ${alias}.ended_by_transfer_id::text)`;
}
