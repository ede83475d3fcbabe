import { Injectable } from '@nestjs/common';
import { DATABASE_TIMEOUT_MS, primaryPool, timed } from '../common/primary-pool.js';
import { DataSource } from 'typeorm';
import { ReplicasService, type ReplicaStatus } from '../replication/replicas.service.js';

export interface Health {
  /** `degraded`: reads are answered, but a replica is out of them, or the primary is down and writes are refused. */
  status: 'ok' | 'degraded' | 'error';
  /** The primary. */
  database: 'up' | 'down';
  migrations: { applied: number; pending: number } | null;
  /** Only when DATABASE_REPLICA_URLS is set: each replica's state and how far behind it is. */
  replicas?: ReplicaStatus[];
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly replicas: ReplicasService,
  ) {}

  async check(): Promise<Health> {
    const primary = await this.primary();
    const configured = this.replicas.status().replicas;
    if (configured.length === 0) return primary;
    const reading = configured.filter((r) => r.inReads).length;
    let status = primary.status;
    if (primary.database === 'up' && status === 'ok' && reading < configured.length) status = 'degraded';
    if (primary.database === 'down' && reading > 0) status = 'degraded';
    return { ...primary, status, replicas: configured };
  }

  private async primary(): Promise<Health> {
    const down: Health = { status: 'error', database: 'down', migrations: null };
    // Known gone by the replicas' checks (each second): a hung primary would hold the answer for
    // the connection timeout, longer than a load balancer's health check waits.
    if (this.replicas.primaryDown) return down;
    try {
      // On the primary's pool itself, whatever read scope the request was given; a primary that
      // hangs (a pooled connection's statement never answered) is down after 5 s.
      const { rows } = await primaryPool(this.dataSource).query<{ name: string }>(timed('SELECT name FROM migrations', [], DATABASE_TIMEOUT_MS));
      const applied = new Set(rows.map((r) => r.name));
      const known = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
      const pending = known.filter((name) => !applied.has(name)).length;
      return { status: pending === 0 ? 'ok' : 'error', database: 'up', migrations: { applied: applied.size, pending } };
    } catch {
      return down;
    }
  }
}
