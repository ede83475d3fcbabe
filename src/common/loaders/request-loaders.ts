import DataLoader from 'dataloader';
import type { Request } from 'express';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { groupByKey } from '../group-by.js';
import { leanStatement } from '../lean-select.js';
import { perInstant, recordedRelation, stamp, type AsRecorded } from '../as-recorded.js';

/**
 * A kind of loader, defined once by the module that owns its rows (`officialById` in
 * officials/, …). The definition itself is the key: nothing is registered anywhere, so a new
 * module adds loaders without touching common/.
 */
export interface LoaderDefinition<K, V> {
  /** `loaders`: the request's other loaders, to prime with rows a batch query brought along. */
  readonly create: (dataSource: DataSource, loaders: RequestLoaders) => DataLoader<K, V>;
}

export function defineLoader<K, V>(create: (dataSource: DataSource, loaders: RequestLoaders) => DataLoader<K, V>): LoaderDefinition<K, V> {
  return { create };
}

/**
 * The loaders of one request (built in the GraphQL context): each is created the first time a
 * resolver asks for it, so a query pays only for the relations it selects, every relation
 * costs one SQL statement per level whatever the list sizes, and nothing is cached across
 * requests.
 */
export class RequestLoaders {
  private readonly made = new Map<LoaderDefinition<unknown, unknown>, DataLoader<unknown, unknown>>();

  constructor(private readonly dataSource: DataSource) {}

  get<K, V>(definition: LoaderDefinition<K, V>): DataLoader<K, V> {
    let loader = this.made.get(definition as LoaderDefinition<unknown, unknown>) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = definition.create(this.dataSource, this);
      this.made.set(definition as LoaderDefinition<unknown, unknown>, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

export interface GraphQLContext {
  req: Request;
  loaders: RequestLoaders;
}

/**
 * Rows of an entity by id (null for an id with no row), in plain SQL: these loaders sit under
 * every nested query.
 */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>): LoaderDefinition<string, T | null> {
  const byIds = leanStatement(entity, 'WHERE x.id = ANY($1::bigint[])');
  return defineLoader((dataSource) => {
    const statement = byIds(dataSource);
    return new DataLoader<string, T | null>(async (ids) => {
      const rows = await statement.rows(dataSource, [ids]);
      const found = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => found.get(id) ?? null);
    });
  });
}

/**
 * `byIdLoader` of a table whose past states are kept: keys made by `keyAt` are read as the
 * row stood at their instant (and carry it), one statement per instant in the batch.
 */
export function recordedByIdLoader<T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>): LoaderDefinition<string, (T & AsRecorded) | null> {
  const now = leanStatement(entity, 'WHERE x.id = ANY($1::bigint[])');
  const then = leanStatement(entity, 'WHERE x.id = ANY($1::bigint[])', (table) => recordedRelation(table, '$2'));
  return defineLoader(
    (dataSource) =>
      new DataLoader<string, (T & AsRecorded) | null>((keys) =>
        perInstant(keys, async (ids, at) => {
          const rows = stamp(await (at ? then(dataSource).rows(dataSource, [ids, at]) : now(dataSource).rows(dataSource, [ids])), at);
          const found = new Map(rows.map((r) => [r.id, r]));
          return ids.map((id) => found.get(id) ?? null);
        }),
      ),
  );
}

/** Rows grouped by key, in the order DataLoader asked for the keys (an empty list for a key with none). */
export function groupForKeys<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = groupByKey(rows, keyOf);
  return keys.map((k) => groups.get(k) ?? []);
}
