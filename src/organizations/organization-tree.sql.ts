/** `IN`-able subquery: the organization `param` (an SQL expression) and all units below it. */
export function subtree(param: string): string {
  return `(WITH RECURSIVE sub(id) AS (SELECT ${param}::bigint UNION ALL SELECT o.id FROM organizations o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)`;
}
