import { Body, Controller, Get, Param, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { actsFor, canSeePersonalData, type AuthenticatedRequest } from '../auth/actor.js';
import { Role } from '../auth/role.enum.js';
import { Roles } from '../auth/roles.decorator.js';
import { isDatabaseId } from '../common/input-safety.js';
import { ImportError, ImportErrorCode, importNotFound } from './imports.errors.js';
import { EVENT_HEADER_FIELDS, ImportsService, type EventHeaderInput, type ImportResult } from './imports.service.js';
import { LampiranRepository } from './lampiran.repository.js';
import { writeLampiran, writeTemplate } from './lampiran-writer.js';
import { rotationEventNotFound } from './lampiran.errors.js';

type Req = Request & AuthenticatedRequest;
/** The part of multer's file that is used. */
interface UploadedAnnex {
  buffer: Buffer;
  originalname: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Text fields of a form: one string each, at most 2,000 characters. */
function text(body: Record<string, unknown>, key: string): string | null {
  const value = body[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > 2000) throw new ImportError(ImportErrorCode.MAPPING_INVALID, `${key} must be one text of at most 2000 characters.`, [{ field: key, code: 'INVALID', message: `${key} must be text` }]);
  return value;
}

/** JSON in a form field (the mapping). */
function json<T>(raw: string | null, key: string): T | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new ImportError(ImportErrorCode.MAPPING_INVALID, `${key} must be JSON, e.g. {"nip": "C"}.`, [{ field: key, code: 'INVALID_JSON', message: `${key} is not JSON` }]);
  }
}

/** What the client gets: the import, every problem, and every row with the lampiran row it maps to. */
function view(result: ImportResult) {
  const { import: i } = result;
  return {
    import: { id: i.id, status: i.status, fileName: i.fileName, fileSha256: i.fileSha256, fileSize: i.fileSize, sheetName: i.sheetName, eventId: i.eventId, header: i.header, columns: i.columns, rowCount: i.rowCount, errorCount: i.errorCount, warningCount: i.warningCount },
    valid: result.valid,
    problems: result.problems,
    rows: result.rows.map((r) => ({ sheetRow: r.sheetRow, cells: r.cells, transfer: r.transfer, problems: r.problems })),
  };
}

/**
 * The annex import (HR): `POST /imports` reads a lampiran spreadsheet and answers the dry run;
 * `POST /imports/:id/commit` records it. `GET /imports/template.xlsx` is a blank lampiran.
 */
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly lampiran: LampiranRepository,
  ) {}

  @Post()
  @Roles(Role.HR)
  @UseInterceptors(FileInterceptor('file'))
  async dryRun(@UploadedFile() file: UploadedAnnex | undefined, @Body() body: Record<string, unknown>, @Req() req: Req) {
    if (!file) throw new ImportError(ImportErrorCode.FILE_REQUIRED, 'Send the lampiran as the multipart field "file" (.xlsx or .csv).', [{ field: 'file', code: ImportErrorCode.FILE_REQUIRED, message: 'No file' }]);
    const header = Object.fromEntries(EVENT_HEADER_FIELDS.map((k) => [k, text(body, k)])) as EventHeaderInput;
    const result = await this.imports.dryRun(
      { file: file.buffer, fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'), header, sheet: text(body, 'sheet'), mapping: json<Record<string, string>>(text(body, 'mapping'), 'mapping') },
      req.actor ?? null,
    );
    return view(result);
  }

  @Get('template.xlsx')
  async template(@Res() res: Response): Promise<void> {
    res.status(200).set({ 'content-type': XLSX, 'content-disposition': 'attachment; filename="lampiran-template.xlsx"', 'cache-control': 'no-store' });
    await writeTemplate(res, await this.lampiran.posts());
    res.end();
  }

  @Get(':id')
  @Roles(Role.HR)
  async read(@Param('id') id: string, @Req() req: Req) {
    if (!isDatabaseId(id)) throw importNotFound();
    const found = await this.imports.find(id, req.actor ?? null);
    return view({ import: found, valid: found.errorCount === 0, problems: found.problems, rows: await this.imports.rows(id, 0, 1_000_000) });
  }

  @Post(':id/commit')
  @Roles(Role.HR)
  async commit(@Param('id') id: string, @Body() body: { confirm?: Record<string, { toPositionCode?: string; fromPositionCode?: string }>; confirmAllProposals?: boolean } | undefined, @Req() req: Req) {
    if (!isDatabaseId(id)) throw importNotFound();
    const result = await this.imports.commit(id, { rows: body?.confirm ?? {}, all: body?.confirmAllProposals === true }, req.actor ?? null);
    return view(result);
  }
}

/** `GET /rotation-events/:id/lampiran.xlsx`: the event's annex, NIPs only for keys that may see them. */
@Controller('rotation-events')
export class LampiranController {
  constructor(private readonly lampiran: LampiranRepository) {}

  @Get(':id/lampiran.xlsx')
  async download(@Param('id') id: string, @Req() req: Req, @Res() res: Response): Promise<void> {
    const event = isDatabaseId(id) ? await this.lampiran.event(id) : null;
    if (!event) throw rotationEventNotFound();
    const rows = await this.lampiran.rows(id, req.actor && req.actor.governments !== 'ALL' ? req.actor.governments : null);
    res.status(200).set({ 'content-type': XLSX, 'content-disposition': `attachment; filename="lampiran-${id}.xlsx"`, 'cache-control': 'no-store' });
    // NIPs for keys that may see personal data and act for the decree's government (of the officials they may see).
    await writeLampiran(res, event, rows, canSeePersonalData(req.actor) && actsFor(req.actor, event.governmentId));
    res.end();
  }
}
