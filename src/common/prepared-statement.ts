import { createHash } from 'node:crypto';
import type pg from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import { primaryPool } from './primary-pool.js';
import { currentReadScope } from './read-scope.js';

/**
 * A fixed SQL text run as a named prepared statement: each pooled connection parses and plans
 * it once, then only binds and executes. For the hot read paths (point reads, loaders), where
 * parsing and planning an unnamed statement every time costs more than running it. The name
 * comes from the text, so one text is one statement on every connection.
 */
export class PreparedStatement<Row> {
  private readonly name: string;

  constructor(readonly text: string) {
    this.name = `mutasi_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  }

  async rows(dataSource: DataSource, values: unknown[]): Promise<Row[]> {
    // The request's replica connection when it reads from one (ReplicatedDataSource's rule), in
    // its queue, else the primary's pool.
    const scope = currentReadScope();
    const reader = scope?.current();
    const statement = { name: this.name, text: this.text, values };
    try {
      if (reader) {
        const client = (await reader.connect()) as pg.PoolClient;
        return (await scope!.serial(() => client.query<Row & pg.QueryResultRow>(statement))).rows;
      }
      return (await primaryPool(dataSource).query<Row & pg.QueryResultRow>(statement)).rows;
    } catch (error) {
      // The same error class as TypeORM's own queries, so the one mapping to domain errors applies.
      throw new QueryFailedError(this.text, values, error as Error);
    }
  }
}

/** A prepared statement whose text needs the data source (an entity's columns): built once per data source. */
export function statementPerDataSource<Row>(text: (dataSource: DataSource) => string): (dataSource: DataSource) => PreparedStatement<Row> {
  const made = new WeakMap<DataSource, PreparedStatement<Row>>();
  return (dataSource) => {
    let statement = made.get(dataSource);
    if (!statement) made.set(dataSource, (statement = new PreparedStatement<Row>(text(dataSource))));
    return statement;
  };
}
