import { DataSource, type QueryRunner, type ReplicationMode } from 'typeorm';
import { currentReader } from '../common/read-scope.js';

/**
 * TypeORM's DataSource whose reads run on the current request's replica connection, when it was
 * given one: plain queries (`dataSource.query`, an unbound manager's `query`) and every SELECT a
 * query builder or repository runs without a query runner of its own (TypeORM asks for a
 * runner in `defaultReplicationModeForReads()`). One request thus reads one database, and
 * services need not know whether they serve a read or a write. Transactions, writes and
 * explicit query runners are untouched, and the primary stays TypeORM's default
 * (`replication.defaultMode: 'master'`).
 */
export class ReplicatedDataSource extends DataSource {
  override query<T = any>(query: string, parameters?: any[], queryRunner?: QueryRunner): Promise<T> {
    return super.query<T>(query, parameters, queryRunner ?? currentReader());
  }

  override defaultReplicationModeForReads(): ReplicationMode {
    return currentReader() ? 'slave' : super.defaultReplicationModeForReads();
  }

  /** `slave` within a read scope is its connection (whose release is the scope's); otherwise a runner of its own, as TypeORM does. */
  override createQueryRunner(mode: ReplicationMode = 'master'): QueryRunner {
    return (mode === 'slave' ? currentReader() : undefined) ?? super.createQueryRunner(mode);
  }
}
