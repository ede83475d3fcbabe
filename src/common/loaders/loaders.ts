import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Organization } from '../../organizations/organization.entity.js';

/** Groups rows by key, in the order DataLoader asked for the keys. */
function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}

/**
 * One set per request (built in the GraphQL context), so every relation of a query costs
 * one SQL statement per level whatever the list sizes, and nothing is cached across requests.
 */
export function createLoaders(dataSource: DataSource) {
  const organizations = dataSource.getRepository(Organization);
  return {
    organization: new DataLoader<string, Organization | null>(async (ids) => {
      const rows = await organizations.createQueryBuilder('o').where('o.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
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
      const byId = new Map(all.map((o) => [o.id, o]));
      return groupBy(ids, rows, (r) => r.of_id).map((group) => group.map((r) => byId.get(r.id)!));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface GraphQLContext {
  req: import('express').Request;
  loaders: Loaders;
}
