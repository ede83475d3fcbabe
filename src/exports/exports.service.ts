import { Injectable, Logger } from '@nestjs/common';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { checkRange } from '../common/date-range.js';
import { validationFailed } from '../common/errors/common.errors.js';
import { OrganizationError } from '../organizations/organizations.errors.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { CountRows, CrlfRows, JsonArrayItems, type ExportProgress, type RowTransform } from './copy-stream.js';
import type { ExportFilters } from './dto/export-filters.js';
import { appointmentsJsonQuery, appointmentsQuery, popoloQueries, transfersQuery, type ResolvedFilters } from './export-queries.js';

export type ExportName = 'appointments.csv' | 'appointments.ndjson' | 'transfers.csv' | 'popolo.json';

export const CONTENT_TYPES: Record<ExportName, string> = {
  'appointments.csv': 'text/csv; charset=utf-8; header=present',
  'appointments.ndjson': 'application/x-ndjson; charset=utf-8',
  'transfers.csv': 'text/csv; charset=utf-8; header=present',
  'popolo.json': 'application/json; charset=utf-8',
};

/** One output row per line, read by line: a field separator and quote that JSON text never holds. */
const LINES = `WITH (FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')`;

/**
 * Streams exports straight from PostgreSQL with COPY … TO STDOUT: rows leave as the database
 * produces them, memory stays flat (backpressure reaches the server through the socket),
 * and a client that goes away ends the query.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Checks the filters and resolves the unit; throws before anything is streamed. */
  async prepare(filters: ExportFilters): Promise<ResolvedFilters> {
    if (filters.from && filters.to) checkRange(filters.from, filters.to);
    try {
      return { ...filters, unitId: await this.organizations.unitId(filters) };
    } catch (error) {
      if (!(error instanceof OrganizationError)) throw error;
      const field = filters.organizationId ? 'organizationId' : 'organizationCode';
      throw validationFailed([{ field, code: 'UNKNOWN_ORGANIZATION', message: `${field} names no organization` }]);
    }
  }

  /** Writes the export to `out`; `progress` is updated as bytes go. Resolves when all is written. */
  async write(name: ExportName, filters: ResolvedFilters, withPersonalData: boolean, out: Writable, progress: ExportProgress = { rows: 0, bytes: 0 }): Promise<void> {
    const runner = this.dataSource.createQueryRunner('slave');
    const client = (await runner.connect()) as pg.PoolClient;
    let failed = false;
    try {
      const copy = async (sql: string, options: string, transform: RowTransform, end: boolean) => {
        const source = client.query(copyTo(`COPY (${sql}) TO STDOUT ${options}`));
        transform.progress = progress;
        await pipeline(source, transform, out, { end });
      };
      switch (name) {
        case 'appointments.csv':
          return await copy(appointmentsQuery(filters, withPersonalData), 'WITH (FORMAT csv, HEADER true)', new CrlfRows(), true);
        case 'transfers.csv':
          return await copy(transfersQuery(filters, withPersonalData), 'WITH (FORMAT csv, HEADER true)', new CrlfRows(), true);
        case 'appointments.ndjson':
          return await copy(appointmentsJsonQuery(filters, withPersonalData), LINES, new CountRows(), true);
        case 'popolo.json': {
          const queries = popoloQueries(filters, withPersonalData);
          const sections = ['persons', 'organizations', 'posts', 'memberships'] as const;
          for (const [i, section] of sections.entries()) {
            if (!out.write(`${i === 0 ? '{' : '],'}"${section}":[`)) await new Promise((r) => out.once('drain', r));
            await copy(queries[section], LINES, new JsonArrayItems(), false);
          }
          out.end(']}\n');
          return;
        }
      }
    } catch (error) {
      failed = true;
      // The client hung up (or the query failed): drop the connection so the server stops.
      this.logger.warn(`${name} stopped after ${progress.rows} rows: ${(error as Error).message}`);
      throw error;
    } finally {
      // releasePostgresConnection(error) makes the pool destroy the connection instead of reusing it.
      await (runner as unknown as { releasePostgresConnection(err?: unknown): Promise<void> }).releasePostgresConnection(failed || undefined);
    }
  }
}
