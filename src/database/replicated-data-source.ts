import { DataSource, type QueryRunner } from 'typeorm';
import { currentReader } from '../common/read-scope.js';

/**
 * TypeORM's DataSource whose plain queries (`dataSource.query`, an unbound manager's `query`)
 * run on the current request's replica connection, when it was given one: services need not
 * know whether they serve a read or a write. Transactions and explicit query runners are
 * untouched, and the primary stays TypeORM's default (`replication.defaultMode: 'master'`).
 */
export class ReplicatedDataSource extends DataSource {
  override query<T = any>(query: string, parameters?: any[], queryRunner?: QueryRunner): Promise<T> {
    return super.query<T>(query, parameters, queryRunner ?? currentReader());
  }
}
