import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isDatabaseId } from '../common/input-safety.js';
import { Capacity } from '../history/history.enums.js';
import { PositionCategory } from '../positions/position.enums.js';
import type { Actor } from '../auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { RotationEventInput } from '../rotations/dto/rotation-event.input.js';
import { RotationRecorderService } from '../rotations/rotation-recorder.service.js';
import { RotationError } from '../rotations/rotations.errors.js';
import { AnnexField, dataRows, findLayout, readSheetHeader, type ColumnMapping, type SheetHeader, type SheetRow } from './annex-layout.js';
import { at, draftRow, placeRecorderProblem, problem, type RowDraft } from './annex-mapping.js';
import { readAnnex } from './annex-reader.js';
import { bareName, cellText, readDate } from './annex-values.js';
import type { ImportProblem } from './dto/import-views.js';
import { Import, ImportStatus } from './import.entity.js';
import { ImportError, ImportErrorCode, importNotFound } from './imports.errors.js';
import { ImportsRepository, type StoredRow } from './imports.repository.js';
import { PostMatcher, type PostMatch } from './post-matcher.js';

/** The event's fields a request may give (they win over what the sheet says above the table). */
export const EVENT_HEADER_FIELDS = ['title', 'issuer', 'decreeNumber', 'decreeDate', 'swornInOn', 'swornInAt', 'effectiveOn', 'location', 'sourceUrl', 'signatoryName', 'signatoryTitle'] as const;
export type EventHeaderInput = Partial<Record<(typeof EVENT_HEADER_FIELDS)[number], string | null>>;

export interface ImportRequest {
  file: Buffer;
  fileName: string;
  header: EventHeaderInput;
  /** The sheet to read when the workbook has several with data. */
  sheet?: string | null;
  /** Overrides of the columns found: field → column letter, e.g. { nip: "C" }. */
  mapping?: Record<string, string> | null;
}

/** Confirmations of proposed posts, by sheet row: the code of the candidate meant; `all`: each proposal's best candidate. */
export interface Confirmations {
  rows?: Record<string, { toPositionCode?: string; fromPositionCode?: string }>;
  all?: boolean;
}

export interface ImportResult {
  import: Import;
  valid: boolean;
  problems: ImportProblem[];
  rows: StoredRow[];
}

const DATE_FIELDS = ['decreeDate', 'swornInOn', 'effectiveOn'] as const;
const IMPORT_CODES = new Set(['NIP_MISSING', 'NIP_DAMAGED', 'NIP_INVALID', 'NAME_MISMATCH', 'POST_UNKNOWN', 'POST_AMBIGUOUS', 'POST_PROPOSED', 'DUPLICATE_ROW', 'KIND_UNKNOWN', 'CAPACITY_UNKNOWN']);

const hasErrors = (problems: ImportProblem[]) => problems.some((p) => p.severity === 'ERROR');
const sortProblems = (problems: ImportProblem[]) =>
  problems.sort((a, b) => Number(b.severity === 'ERROR') - Number(a.severity === 'ERROR') || (a.sheetRow ?? 0) - (b.sheetRow ?? 0));

/**
 * The annex import: a clerk's lampiran spreadsheet read, mapped to a lampiran and checked
 * by the recorder itself (a dry run that writes nothing but the import), then recorded as
 * one event on commit. Every problem is placed where the clerk sees it: sheet row, column, cell.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly recorder: RotationRecorderService,
    private readonly repository: ImportsRepository,
    private readonly posts: PostMatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async dryRun(request: ImportRequest, actor: Actor | null, onProgress?: (phase: string, rows: number) => void): Promise<ImportResult> {
    const progress = (phase: string, rows: number) => {
      onProgress?.(phase, rows);
      this.logger.log(`import ${request.fileName}: ${phase} ${rows} rows`);
    };
    const sheet = await readAnnex(request.file, request.fileName, { sheet: request.sheet, maxRows: this.config.imports.maxRows, onProgress: (n) => progress('read', n) });
    const layout = this.layout(sheet.rows, request.mapping ?? null);
    const above = readSheetHeader(sheet.rows.filter((r) => r.number < layout.headerRows[0]));
    const body = dataRows(
      sheet.rows.filter((r) => r.number > Math.max(...layout.headerRows)),
      layout.columns,
    );
    if (body.length > this.config.imports.maxRows) {
      throw new ImportError(ImportErrorCode.TOO_MANY_ROWS, `The sheet has ${body.length} rows; at most ${this.config.imports.maxRows} are imported at once: split the annex.`);
    }
    progress('mapped', body.length);
    if (body.length === 0) layout.problems.push(problem('NOTHING_TO_IMPORT', 'The table has no data row under its header: there is nothing to record.', { sheetRow: layout.headerRows.at(-1) ?? null, column: null, header: null, value: null }));

    const problems: ImportProblem[] = [...layout.problems];
    const { header, headerProblems } = this.header(request.header, above);
    problems.push(...headerProblems);
    const drafts = body.map((row) => draftRow(row, layout.columns));
    this.markDuplicates(drafts, layout.columns);
    await this.resolve(drafts, layout.columns);
    const stored: StoredRow[] = drafts.map((d) => ({ sheetRow: d.sheetRow, cells: d.cells, transfer: transferOf(d), problems: d.problems }));
    problems.push(...(await this.check(header, stored, layout.columns, headerProblems, actor)));
    progress('checked', body.length);

    const fileSha256 = createHash('sha256').update(request.file).digest('hex');
    const id = await this.dataSource.transaction((m) =>
      this.repository.insert(m, { fileName: request.fileName.slice(0, 255), fileSha256, fileSize: request.file.length, sheetName: sheet.sheetName, header, columns: layout.columns, problems, rows: stored }, actor),
    );
    return this.result(await this.find(id, actor), problems, stored);
  }

  /**
   * Records the import as one rotation event through the recorder (one transaction; the
   * import's id is the idempotency key, so committing twice records once). Proposed posts
   * must be confirmed; any remaining ERROR refuses the commit with every problem, by sheet row.
   */
  async commit(id: string, confirmations: Confirmations, actor: Actor | null): Promise<ImportResult> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.repository.lock(manager, id);
      if (!found || !sees(actor, found)) throw importNotFound();
      const rows = await this.repository.rows(manager, id);
      if (found.status === ImportStatus.COMMITTED) return this.result(found, found.problems, rows);
      confirm(rows, confirmations);
      const blocking = rows.flatMap((r) => r.problems.filter((p) => p.severity === 'ERROR' && IMPORT_CODES.has(p.code)));
      // The dry run's OUTSIDE_SCOPE was the uploading key's: the committing key's scope is the recorder's to judge (FORBIDDEN).
      const headerErrors = found.problems.filter((p) => p.severity === 'ERROR' && p.sheetRow === null && !p.field && p.code !== 'OUTSIDE_SCOPE');
      if (blocking.length || headerErrors.length) throw rejected([...headerErrors, ...blocking]);
      const mapped = rows.filter(mappable);
      if (mapped.length === 0) throw rejected([problem('NOTHING_TO_IMPORT', 'No row of the annex can be recorded.', { sheetRow: null, column: null, header: null, value: null })]);
      const input = { ...found.header, transfers: mapped.map((r) => r.transfer) } as unknown as RotationEventInput;
      for (const r of rows) r.problems = r.problems.filter((p) => IMPORT_CODES.has(p.code));
      let recorded;
      this.logger.log(`import ${found.id}: recording ${mapped.length} rows`);
      try {
        recorded = await this.recorder.record(input, `import:${found.id}:${found.fileSha256}`, actor);
      } catch (error) {
        if (error instanceof RotationError && error.problems.length) throw rejected(error.problems.map((p) => placeRecorderProblem(p as never, mapped, found.columns as ColumnMapping[])));
        throw error;
      }
      const warnings = recorded.warnings.map((w) => placeRecorderProblem(w, mapped, found.columns as ColumnMapping[]));
      // By sheet row: a search per warning is quadratic (65,000 warnings × 50,000 rows took seconds).
      const bySheetRow = new Map(rows.map((r) => [r.sheetRow, r]));
      for (const w of warnings) if (w.sheetRow !== null) bySheetRow.get(w.sheetRow)?.problems.push(w);
      const eventWide = warnings.filter((w) => w.sheetRow === null);
      await this.repository.committed(manager, id, recorded.event.id, rows, eventWide);
      this.logger.log(`import ${found.id}: recorded as event ${recorded.event.id}`);
      const after = (await this.repository.lock(manager, id))!;
      return this.result(after, eventWide, rows);
    });
  }

  /**
   * An import by id. An import is the draft of the key that sent it: a key acting for some
   * governments only sees its own (its rows hold NIPs, perhaps of another government's officials).
   */
  async find(id: string, actor: Actor | null): Promise<Import> {
    if (!isDatabaseId(id)) throw importNotFound();
    const found = await this.dataSource.getRepository(Import).findOneBy({ id });
    if (!found || !sees(actor, found)) throw importNotFound();
    return found;
  }

  latest(limit: number, actor: Actor | null): Promise<Import[]> {
    const own = actor && actor.governments !== 'ALL' ? { apiKeyId: actor.keyId } : {};
    return this.dataSource.getRepository(Import).find({ where: own, order: { id: 'DESC' }, take: limit });
  }

  /** The annex's problems and its rows', errors first. */
  async problems(i: Import): Promise<ImportProblem[]> {
    const rows: { p: ImportProblem }[] = await this.dataSource.query('SELECT jsonb_array_elements(problems) AS p FROM import_rows WHERE import_id = $1 ORDER BY sheet_row', [i.id]);
    return sortProblems([...i.problems, ...rows.map((r) => r.p)]);
  }

  rows(id: string, after: number, limit: number): Promise<StoredRow[]> {
    return this.repository.rows(this.dataSource.manager, id, after, limit);
  }

  private result(found: Import, problems: ImportProblem[], rows: StoredRow[]): ImportResult {
    // `problems`: the annex's own (its header, its layout, the event); the rows carry theirs.
    const all = sortProblems([...problems, ...rows.flatMap((r) => r.problems)]);
    return { import: found, valid: !hasErrors(all), problems: all, rows };
  }

  /** The columns found (or given), and a warning for each header not read. */
  private layout(rows: SheetRow[], mapping: Record<string, string> | null) {
    const found = findLayout(rows);
    const fields = Object.values(AnnexField) as string[];
    if (mapping !== null && (typeof mapping !== 'object' || Array.isArray(mapping))) {
      throw new ImportError(ImportErrorCode.MAPPING_INVALID, 'The mapping must be an object of field → column letter, e.g. {"nip": "C"}.');
    }
    if (mapping) {
      const wrong = Object.entries(mapping).filter(([field, column]) => !fields.includes(field) || typeof column !== 'string' || !/^[A-Z]{1,3}$/.test(column));
      if (wrong.length) {
        throw new ImportError(
          ImportErrorCode.MAPPING_INVALID,
          `The mapping names unknown fields or columns: ${wrong.map(([f, c]) => `${f} → ${JSON.stringify(c)}`).join(', ')}. Fields are ${fields.join(', ')}; columns are letters.`,
        );
      }
    }
    if (!found && !mapping) {
      throw new ImportError(
        ImportErrorCode.HEADER_NOT_FOUND,
        'No header row found: the table needs a header row naming its columns (e.g. No, Nama, NIP, Jabatan Lama, Jabatan Baru, Keterangan), or give the mapping.',
      );
    }
    // Mapped by hand and no header recognised: the data starts at the first row whose NIP column reads as a NIP.
    const nipColumn = mapping?.nip ?? mapping?.nameAndNip;
    const firstData = nipColumn ? rows.find((r) => /(?:\d[\s.]*){18}/.test(cellText(r.cells.get(nipColumn) ?? null))) : undefined;
    const headerRows = found?.headerRows ?? [firstData ? firstData.number - 1 : (rows[0]?.number ?? 1)];
    const headerRow = rows.find((r) => r.number === headerRows[0]);
    const columns: ColumnMapping[] = (found?.columns ?? []).filter((c) => !mapping || !(c.field in mapping) || mapping[c.field] === c.column);
    for (const [field, column] of Object.entries(mapping ?? {})) {
      if (columns.some((c) => c.field === field && c.column === column)) continue;
      const index = columns.findIndex((c) => c.column === column);
      if (index >= 0) columns.splice(index, 1);
      columns.push({ column, header: cellText(headerRow?.cells.get(column) ?? null) || column, field: field as AnnexField });
    }
    if (!columns.some((c) => c.field === AnnexField.NIP || c.field === AnnexField.NAME_AND_NIP)) {
      throw new ImportError(ImportErrorCode.MAPPING_INVALID, 'No column holds the NIP: the official is found by NIP. Name the NIP column in the mapping.');
    }
    const used = new Set(columns.map((c) => c.column));
    const problems = [...(headerRow?.cells ?? [])]
      .map(([column, cell]) => [column, cellText(cell)] as const)
      .filter(([column, text]) => !used.has(column) && text)
      .map(([column, text]) =>
        problem('UNKNOWN_COLUMN', `Column ${column} ("${text}") is not read: it is none of the known columns. Map it if it holds one.`, { sheetRow: headerRows[0], column, header: text, value: null }, 'WARNING'),
      );
    return { headerRows, columns, problems };
  }

  /** The event's fields: the request's, else those written above the table (a problem there names its row); dates in any usual form. */
  private header(
    given: EventHeaderInput,
    above: { values: SheetHeader; rowOf: Partial<Record<keyof SheetHeader, number>> },
  ): { header: Record<string, string | null>; headerProblems: ImportProblem[] } {
    const header: Record<string, string | null> = {};
    const sheetRowOf: Record<string, number | null> = {};
    const problems: ImportProblem[] = [];
    for (const key of EVENT_HEADER_FIELDS) {
      const fromRequest = given[key]?.toString().trim() || null;
      const fromSheet = (above.values as Record<string, string | undefined>)[key]?.trim() || null;
      header[key] = fromRequest ?? fromSheet;
      sheetRowOf[key] = fromRequest ? null : ((above.rowOf as Record<string, number | undefined>)[key] ?? null);
    }
    const where = (key: string) => ({ sheetRow: sheetRowOf[key] ?? null, column: null, header: key, value: header[key] });
    for (const key of DATE_FIELDS) {
      if (!header[key]) continue;
      const date = readDate(header[key]);
      if (!date) problems.push(problem('DATE_INVALID', `${key} "${header[key]}" is not a date: write it as 6 Februari 2026, 06-02-2026 or 2026-02-06.`, where(key)));
      header[key] = date ?? header[key];
    }
    if (header.swornInAt) {
      // "14.00", "14:00 WIB": the time as HH:MM.
      const m = /^(\d{1,2})[.:](\d{2})(?:\s*(?:wib|wita|wit))?$/i.exec(header.swornInAt);
      const time = m && Number(m[1]) < 24 && Number(m[2]) < 60 ? `${m[1].padStart(2, '0')}:${m[2]}` : null;
      if (!time) problems.push(problem('TIME_INVALID', `swornInAt "${header.swornInAt}" is not a time of day: write it as 14.00 or 14:00.`, { sheetRow: null, column: null, header: 'swornInAt', value: header.swornInAt }));
      header.swornInAt = time ?? header.swornInAt;
    }
    for (const key of ['title', 'issuer', 'swornInOn'] as const) {
      if (!header[key]) problems.push(problem('HEADER_REQUIRED', `The event's ${key} is missing: give it with the file, or write it above the table.`, { sheetRow: null, column: null, header: key, value: null }));
    }
    return { header, headerProblems: problems };
  }

  /** A row that repeats an earlier one cell for cell is reported once, not recorded twice. */
  private markDuplicates(drafts: RowDraft[], columns: ColumnMapping[]): void {
    const seen = new Map<string, number>();
    for (const d of drafts) {
      const key = JSON.stringify(Object.entries(d.cells).filter(([f]) => f !== AnnexField.NO).sort());
      const first = seen.get(key);
      if (first === undefined) seen.set(key, d.sheetRow);
      else d.problems.push(problem('DUPLICATE_ROW', `This row repeats row ${first}.`, at(d, columns, [AnnexField.NIP, AnnexField.NAME_AND_NIP])));
    }
  }

  /** Officials by NIP (a name that is someone else's is a problem) and posts by code, title or similarity, for all rows at once. */
  private async resolve(drafts: RowDraft[], columns: ColumnMapping[]): Promise<void> {
    const nips = [...new Set(drafts.map((d) => d.nip).filter((n): n is string => !!n))];
    const officials = new Map<string, string>(
      ((await this.dataSource.query('SELECT nip, name FROM officials WHERE nip = ANY($1::text[])', [nips])) as { nip: string; name: string }[]).map((o) => [o.nip, o.name]),
    );
    for (const d of drafts) {
      const name = d.nip ? officials.get(d.nip) : undefined;
      if (name && d.name && !sameName(name, d.name)) {
        d.problems.push(problem('NAME_MISMATCH', `NIP ${d.nip} is ${name}'s, not ${d.name}'s: check the NIP and the name.`, at(d, columns, [AnnexField.NAME, AnnexField.NAME_AND_NIP])));
      }
    }
    const refs = drafts.flatMap((d) => [d.to, d.from].filter((r) => r !== null));
    const matches = await this.posts.match(this.dataSource.manager, refs);
    let k = 0;
    for (const d of drafts) {
      for (const end of ['to', 'from'] as const) {
        if (d[end] === null) continue;
        const match = matches[k++];
        const field = end === 'to' ? 'toPositionCode' : 'fromPositionCode';
        const where = at(d, columns, end === 'to' ? [AnnexField.TO_CODE, AnnexField.TO_POST] : [AnnexField.FROM_CODE, AnnexField.FROM_POST]);
        // A task's "Jabatan Lama" is the functional post kept beside it, not a task left.
        const kept = end === 'from' && d.transfer.capacity === Capacity.ADDITIONAL_TASK && (match.status !== 'FOUND' || match.category !== PositionCategory.UNIT_HEAD);
        if (kept) continue;
        if (match.status === 'FOUND') (d.transfer as Record<string, unknown>)[field] = match.code;
        else d.problems.push(postProblem(match, where, field));
      }
    }
  }

  /** The recorder's dry run over the rows that map to a lampiran row; its problems placed on the sheet. */
  private async check(header: Record<string, string | null>, rows: StoredRow[], columns: ColumnMapping[], headerProblems: ImportProblem[], actor: Actor | null): Promise<ImportProblem[]> {
    const mapped = rows.filter(mappable);
    if (mapped.length === 0 || hasErrors(headerProblems)) return [];
    const input = { ...header, transfers: mapped.map((r) => r.transfer) } as unknown as RotationEventInput;
    const { problems } = await this.recorder.validate(input, actor);
    const eventWide: ImportProblem[] = [];
    for (const p of problems) {
      const placed = placeRecorderProblem(p, mapped, columns);
      if (placed.sheetRow === null) eventWide.push(placed);
      else mapped[p.index!].problems.push(placed);
    }
    return eventWide;
  }
}

/** A row's lampiran row as far as it was read (null without a NIP); recorded only when `mappable`. */
function transferOf(d: RowDraft): Record<string, unknown> | null {
  return d.nip ? { nip: d.nip, ...d.transfer } : null;
}

/** Whether a row goes into the lampiran: a transfer, and no problem of the import left (a post unconfirmed, a NIP unread). */
const mappable = (r: StoredRow) => r.transfer !== null && !r.problems.some((p) => p.severity === 'ERROR' && IMPORT_CODES.has(p.code));

function postProblem(match: Exclude<PostMatch, { status: 'FOUND' }>, where: Pick<ImportProblem, 'sheetRow' | 'column' | 'header' | 'value'>, field: string): ImportProblem {
  const best = match.candidates[0];
  switch (match.status) {
    case 'PROPOSED':
      return problem('POST_PROPOSED', `No post is named "${where.value}"; the closest is ${best.title} (${best.code}, ${best.unit}, score ${best.score}). Confirm it (or another candidate) to import this row.`, where, 'ERROR', { field, candidates: match.candidates });
    case 'AMBIGUOUS':
      return problem('POST_AMBIGUOUS', `"${where.value}" is the title of ${match.candidates.length} posts (${match.candidates.map((c) => `${c.code}, ${c.unit}`).join('; ')}): add the unit (Unit Kerja) or use the post's code.`, where, 'ERROR', { field, candidates: match.candidates });
    case 'UNKNOWN':
      return problem('POST_UNKNOWN', `No post is named "${where.value}"${best ? ` (nearest: ${best.title}, ${best.code}, score ${best.score})` : ''}.`, where, 'ERROR', { field, candidates: match.candidates });
  }
}

/** Applies the clerk's confirmations to the rows' proposed posts; a confirmed row gets its transfer. */
function confirm(rows: StoredRow[], confirmations: Confirmations): void {
  for (const row of rows) {
    const given = confirmations.rows?.[String(row.sheetRow)] ?? {};
    const left: ImportProblem[] = [];
    for (const p of row.problems) {
      const field = p.field as 'toPositionCode' | 'fromPositionCode' | undefined;
      const chosen = field && (p.code === 'POST_PROPOSED' || p.code === 'POST_AMBIGUOUS') ? (given[field] ?? (confirmations.all && p.code === 'POST_PROPOSED' ? p.candidates?.[0]?.code : undefined)) : undefined;
      if (chosen && p.candidates?.some((c) => c.code === chosen)) {
        row.transfer = { ...(row.transfer ?? {}), [field!]: chosen };
      } else {
        left.push(p);
      }
    }
    row.problems = left;
  }
}

function rejected(problems: ImportProblem[]): ImportError {
  const errors = problems.filter((p) => p.severity === 'ERROR');
  const first = errors[0];
  return new ImportError(
    ImportErrorCode.IMPORT_REJECTED,
    `The annex was not recorded: ${errors.length} error${errors.length === 1 ? '' : 's'}${first ? ` (${first.sheetRow !== null ? `row ${first.sheetRow}: ` : ''}${first.message}${errors.length > 1 ? '; …' : ''})` : ''}.`,
    problems.map((p) => ({ ...p, index: p.sheetRow })),
  );
}

/** Two names are one person's when, titles left out, one contains the other's words. */
function sameName(a: string, b: string): boolean {
  const [x, y] = [bareName(a), bareName(b)];
  if (!x || !y) return true;
  return x === y || x.includes(y) || y.includes(x) || x.replace(/ /g, '') === y.replace(/ /g, '');
}

const sees = (actor: Actor | null, i: Pick<Import, 'apiKeyId'>) => actor === null || actor.governments === 'ALL' || i.apiKeyId === actor.keyId;
