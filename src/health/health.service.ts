import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface Health {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  migrations: { applied: number; pending: number } | null;
}

@Injectable()
export class HealthService {
  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<Health> {
    try {
      const rows: { name: string }[] = await this.dataSource.query('SELECT name FROM migrations');
      const applied = new Set(rows.map((r) => r.name));
      const known = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
      const pending = known.filter((name) => !applied.has(name)).length;
      return { status: pending === 0 ? 'ok' : 'error', database: 'up', migrations: { applied: applied.size, pending } };
    } catch {
      return { status: 'error', database: 'down', migrations: null };
    }
  }
}
