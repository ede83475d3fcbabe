import { currentReadScope } from '../common/read-scope.js';
import type { Actor } from '../auth/actor.js';
import { GovernmentsService } from '../governments/governments.service.js';
import { EVERY_GOVERNMENT, outsideScope } from '../governments/governments.errors.js';
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
import {
  appointmentColumns,
  appointmentsJsonQuery,
  appointmentsQuery,
  jsonArrayRows,
  popoloQueries,
  transferColumns,
  transfersQuery,
  type ExportColumn,
  type ResolvedFilters,
} from './export-queries.js';
import { writeXlsx, XLSX_CONTENT_TYPE } from './xlsx-export.js';

export type ExportName = 'appointments.csv' | 'appointments.ndjson' | 'appointments.xlsx' | 'transfers.csv' | 'transfers.xlsx' | 'popolo.json';

export const CONTENT_TYPES: Record<ExportName, string> = {
  'appointments.csv': 'text/csv; charset=utf-8; header=present',
  'appointments.ndjson': 'application/x-ndjson; charset=utf-8',
  'appointments.xlsx': XLSX_CONTENT_TYPE,
  'transfers.csv': 'text/csv; charset=utf-8; header=present',
  'transfers.xlsx': XLSX_CONTENT_TYPE,
  'popolo.json': 'application/json; charset=utf-8',
};

export const isExportName = (name: string): name is ExportName => Object.hasOwn(CONTENT_TYPES, name);

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark; other readers may show it. */
const BOM = Buffer.from('\uFEFF', 'utf8');

/** One output row per line, read by line: a field separator and quote that JSON text never holds. */
const LINES = `WITH (FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')`;

/**
 * Streams exports straight from PostgreSQL with COPY … TO STDOUT: rows leave as the database
 * produces them, memory stays flat (backpressure reaches the server through the socket),
 * and a client that goes away ends the query. XLSX is built in Node from the same COPY rows,
 * one committed sheet row at a time.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly governments: GovernmentsService,
  ) {}

  /**
   * Checks the filters and resolves the unit (a government is its top unit); throws before
   * anything is streamed. Personal data for a key acting for some governments only: the export
   * must be narrowed to one of them.
   */
  async prepare(filters: ExportFilters, actor: Actor | null, withPersonalData: boolean): Promise<ResolvedFilters> {
    if (filters.from && filters.to) checkRange(filters.from, filters.to);
    const unitId = await this.organizations.unitId(filters).catch((error: unknown) => {
      if (!(error instanceof OrganizationError)) throw error;
      const field = filters.organizationId ? 'organizationId' : filters.organizationCode ? 'organizationCode' : 'government';
      throw validationFailed([{ field, code: 'UNKNOWN_ORGANIZATION', message: `${field} names no organization` }]);
    });
    if (withPersonalData && actor && actor.governments !== 'ALL') {
      if (!unitId) throw outsideScope(EVERY_GOVERNMENT, 'an export of every government with personal data: narrow it with government=<code>');
      const government = (await this.governments.ofUnits([unitId])).get(unitId)!;
      this.governments.assertActsFor(actor, government, 'an export with personal data');
      return { ...filters, unitId, personalScope: actor.governments };
    }
    return { ...filters, unitId };
  }

  /**
   * Writes the export to `out`; `progress` is updated as bytes go. Resolves when all is written.
   * Without `withPersonalData` the personal columns are left out (see export-queries.ts).
   */
  async write(name: ExportName, filters: ResolvedFilters, withPersonalData: boolean, out: Writable, progress: ExportProgress = { rows: 0, bytes: 0 }): Promise<void> {
    // The request's replica connection when it was given one (taken over: the stream outlives the handler), else the primary.
    const runner = currentReadScope()?.take() ?? this.dataSource.createQueryRunner('master');
    const client = (await runner.connect()) as pg.PoolClient;
    let failed = false;
    try {
      const copy = async (sql: string, options: string, transform: RowTransform, end: boolean) => {
        const source = client.query(copyTo(`COPY (${sql}) TO STDOUT ${options}`));
        transform.progress = progress;
        await pipeline(source, transform, out, { end });
      };
      const csv = async (sql: string) => {
        if (filters.bom) {
          out.write(BOM);
          progress.bytes += BOM.length;
        }
        await copy(sql, 'WITH (FORMAT csv, HEADER true)', new CrlfRows(), true);
      };
      const xlsx = async (sheet: string, sql: string, columns: readonly ExportColumn[]) => {
        const source = client.query(copyTo(`COPY (${jsonArrayRows(sql, columns)}) TO STDOUT ${LINES}`));
        await writeXlsx(source, sheet, columns, out, progress);
      };
      switch (name) {
        case 'appointments.csv':
          return await csv(appointmentsQuery(filters, withPersonalData));
        case 'transfers.csv':
          return await csv(transfersQuery(filters, withPersonalData));
        case 'appointments.xlsx':
          return await xlsx('appointments', appointmentsQuery(filters, withPersonalData), appointmentColumns(withPersonalData));
        case 'transfers.xlsx':
          return await xlsx('transfers', transfersQuery(filters, withPersonalData), transferColumns(withPersonalData));
        case 'appointments.ndjson':
          return await copy(appointmentsJsonQuery(filters, withPersonalData), LINES, new CountRows(), true);
        case 'popolo.json': {
          const queries = popoloQueries(filters, withPersonalData);
          const sections = ['persons', 'organizations', 'posts', 'memberships'] as const;
          for (const [i, section] of sections.entries()) {
            if (!out.write(`${i === 0 ? '{' : '],'}"${section}":[`)) await drained(out);
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

/** Resolves when `out` takes more; rejects when it closes first (the client hung up): no 'drain' would come, and the connection would be held for good. */
function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('The client closed the connection'));
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      out.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      out.off('drain', onDrain);
      reject(new Error('The client closed the connection'));
    };
    out.once('drain', onDrain);
    out.once('close', onClose);
  });
}
