import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { leanStatement } from './lean-select.js';
import type { PreparedStatement } from './prepared-statement.js';

/**
 * One lean row of `entity` by the first of `keys` the caller gives (e.g. id, else code), read
 * as a prepared point read; `notFound()` is thrown when there is no such row. Knows no domain:
 * the entity, its unique columns and the error come from the caller.
 */
export function leanFinder<T extends ObjectLiteral, K extends string>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  keys: readonly [K, ...K[]],
  notFound: () => Error,
): (by: Partial<Record<K, string>>) => Promise<T> {
  const lookups = Object.fromEntries(keys.map((key) => [key, leanStatement(entity, `WHERE x.${key} = $1`)(dataSource)])) as Record<K, PreparedStatement<T>>;
  return async (by) => {
    const key = keys.find((k) => by[k] !== undefined) ?? keys[keys.length - 1];
    const [found] = await lookups[key].rows(dataSource, [by[key]]);
    if (!found) throw notFound();
    return found;
  };
}
