import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { Official } from '../../officials/official.entity.js';
import { Position } from '../../positions/position.entity.js';
import { RotationEvent } from '../../rotations/rotation-event.entity.js';
import { Transfer } from '../../rotations/transfer.entity.js';
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
/** A loader of rows by id, returning null for an id with no row. */
function byId<T extends ObjectLiteral & { id: string }>(dataSource: DataSource, entity: EntityTarget<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await dataSource.getRepository(entity).createQueryBuilder('x').where('x.id = ANY(:ids)', { ids }).getMany();
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

export function createLoaders(dataSource: DataSource) {
  const organizations = dataSource.getRepository(Organization);
  return {
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

export interface GraphQLContext {
  req: import('express').Request;
  loaders: Loaders;
}
