import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * `SELECT <every column AS "property"> FROM <table> x`: rows shaped like the entity, read with
 * plain SQL. For hot read paths, where TypeORM's query building and hydration cost more than
 * the database does.
 */
export function leanSelect<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>): string {
  const metadata = dataSource.getMetadata(entity);
  const columns = metadata.columns.filter((c) => c.isSelect).map((c) => `x.${c.databaseName} AS "${c.propertyName}"`);
  return `SELECT ${columns.join(', ')} FROM ${metadata.tableName} x`;
}
