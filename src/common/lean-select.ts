import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { statementPerDataSource, type PreparedStatement } from './prepared-statement.js';

/**
 * `SELECT <every column AS "property"> FROM <table> x`: rows shaped like the entity, read with
 * plain SQL. For hot read paths, where TypeORM's query building and hydration cost more than
 * the database does.
 */
export function leanSelect<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, from = (table: string) => table): string {
  return `SELECT ${leanColumns(dataSource, entity, 'x')} FROM ${from(dataSource.getMetadata(entity).tableName)} x`;
}

/**
 * The entity's columns from table alias `alias`, named by property (`prefix` before each
 * name): several entities' lean rows in one result row, taken apart by `takePrefixed`.
 */
export function leanColumns<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, alias: string, prefix = ''): string {
  return dataSource
    .getMetadata(entity)
    .columns.filter((c) => c.isSelect)
    .map((c) => `${alias}.${c.databaseName} AS "${prefix}${c.propertyName}"`)
    .join(', ');
}

/** The lean row whose columns `row` carries under `prefix` (see leanColumns). */
export function takePrefixed<T>(row: Record<string, unknown>, prefix: string): T {
  const taken: Record<string, unknown> = {};
  for (const key in row) if (key.startsWith(prefix)) taken[key.slice(prefix.length)] = row[key];
  return taken as T;
}

/** A prepared statement over lean rows of `entity` (`SELECT … FROM <table> x <rest>`), built once per data source. */
export function leanStatement<T extends ObjectLiteral>(entity: EntityTarget<T>, rest: string, from?: (table: string) => string): (dataSource: DataSource) => PreparedStatement<T> {
  return statementPerDataSource((dataSource) => `${leanSelect(dataSource, entity, from)} ${rest}`);
}
