import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import type { ImportProblem, MappedColumn } from './dto/import-views.js';
import { ImportStatus, type Import } from './import.entity.js';

export interface StoredRow {
  sheetRow: number;
  cells: Record<string, string>;
  transfer: Record<string, unknown> | null;
  problems: ImportProblem[];
}

export interface NewImport {
  fileName: string;
  fileSha256: string;
  fileSize: number;
  sheetName: string | null;
  header: Record<string, string | null>;
  columns: MappedColumn[];
  problems: ImportProblem[];
  rows: StoredRow[];
}

const count = (rows: StoredRow[], problems: ImportProblem[], severity: string) =>
  problems.filter((p) => p.severity === severity).length + rows.reduce((n, r) => n + r.problems.filter((p) => p.severity === severity).length, 0);

/** The SQL of imports. Rows go in batches of unnest'ed arrays: 50,000 rows are ten statements. */
@Injectable()
export class ImportsRepository {
  async insert(manager: EntityManager, i: NewImport, actor: Actor | null): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO imports (file_name, file_sha256, file_size, sheet_name, api_key_id, header, columns, row_count, error_count, warning_count, problems)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::text`,
      [
        i.fileName,
        i.fileSha256,
        i.fileSize,
        i.sheetName,
        actor?.keyId ?? null,
        JSON.stringify(i.header),
        JSON.stringify(i.columns),
        i.rows.length,
        count(i.rows, i.problems, 'ERROR'),
        count(i.rows, i.problems, 'WARNING'),
        JSON.stringify(i.problems),
      ],
    );
    for (let start = 0; start < i.rows.length; start += 5000) {
      const batch = i.rows.slice(start, start + 5000);
      await manager.query(
        `INSERT INTO import_rows (import_id, sheet_row, cells, transfer, problems)
         SELECT $1, * FROM unnest($2::int[], $3::jsonb[], $4::jsonb[], $5::jsonb[])`,
        [
          id,
          batch.map((r) => r.sheetRow),
          batch.map((r) => JSON.stringify(r.cells)),
          batch.map((r) => (r.transfer ? JSON.stringify(r.transfer) : null)),
          batch.map((r) => JSON.stringify(r.problems)),
        ],
      );
    }
    return id;
  }

  /** The import, locked for the transaction (commit): two commits of one import queue. */
  async lock(manager: EntityManager, id: string): Promise<Import | null> {
    const [row] = await manager.getRepository<Import>('Import').createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getMany();
    return row ?? null;
  }

  async rows(manager: EntityManager, id: string, after = 0, limit = 1_000_000): Promise<StoredRow[]> {
    const rows: { sheet_row: number; cells: Record<string, string>; transfer: Record<string, unknown> | null; problems: ImportProblem[] }[] = await manager.query(
      'SELECT sheet_row, cells, transfer, problems FROM import_rows WHERE import_id = $1 AND sheet_row > $2 ORDER BY sheet_row LIMIT $3',
      [id, after, limit],
    );
    return rows.map((r) => ({ sheetRow: r.sheet_row, cells: r.cells, transfer: r.transfer, problems: r.problems }));
  }

  async committed(manager: EntityManager, id: string, eventId: string, rows: StoredRow[], problems: ImportProblem[]): Promise<void> {
    await manager.query(
      `UPDATE imports SET status = $2, event_id = $3, problems = $4, error_count = 0, warning_count = $5, updated_at = now() WHERE id = $1`,
      [id, ImportStatus.COMMITTED, eventId, JSON.stringify(problems), count(rows, problems, 'WARNING')],
    );
    await this.storeProblems(manager, id, rows);
  }

  /** Replaces the rows' problems (and their transfers: confirmed proposals) after a commit attempt. */
  async storeProblems(manager: EntityManager, id: string, rows: StoredRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += 5000) {
      const batch = rows.slice(start, start + 5000);
      await manager.query(
        `UPDATE import_rows r SET problems = u.problems, transfer = u.transfer FROM unnest($2::int[], $3::jsonb[], $4::jsonb[]) AS u(sheet_row, problems, transfer)
         WHERE r.import_id = $1 AND r.sheet_row = u.sheet_row`,
        [id, batch.map((r) => r.sheetRow), batch.map((r) => JSON.stringify(r.problems)), batch.map((r) => (r.transfer ? JSON.stringify(r.transfer) : null))],
      );
    }
  }
}
