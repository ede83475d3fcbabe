/** An appointment row as a JSON object with the entity's property names (ids as text, dates as YYYY-MM-DD). */
export function appointmentJson(alias: string): string {
  return `jsonb_build_object('id', ${alias}.id::text, 'officialId', ${alias}.official_id::text, 'positionId', ${alias}.position_id::text,
    'capacity', ${alias}.capacity, 'startedOn', ${alias}.started_on, 'endedOn', ${alias}.ended_on,
    'startedByTransferId', ${alias}.started_by_transfer_id::text, 'endedByTransferId', ${alias}.ended_by_transfer_id::text)`;
}
