import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { canSeePersonalData, type AuthenticatedRequest } from '../auth/actor.js';
import { validationFailed } from '../common/errors/common.errors.js';
import { ExportFilters } from './dto/export-filters.js';
import { CONTENT_TYPES, ExportsService, isExportName } from './exports.service.js';

/**
 * Streamed exports: `GET /exports/appointments.csv|.ndjson|.xlsx`, `/exports/transfers.csv|.xlsx`,
 * `/exports/popolo.json`. Public facts need no key (anonymous callers are rate-limited by
 * address, see bootstrap.ts); NIP, birth date and gender only for keys that may see personal data.
 * No @Roles: a wrong or revoked key is still refused by the global RolesGuard, not served as anonymous.
 */
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get(':name')
  async export(@Param('name') name: string, @Query() filters: ExportFilters, @Req() req: Request & AuthenticatedRequest, @Res() res: Response): Promise<void> {
    if (!isExportName(name)) {
      throw validationFailed([{ field: 'name', code: 'UNKNOWN_EXPORT', message: `Exports are ${Object.keys(CONTENT_TYPES).join(', ')}` }]);
    }
    if (filters.bom && !name.endsWith('.csv')) {
      throw validationFailed([{ field: 'bom', code: 'BOM_CSV_ONLY', message: 'bom applies to CSV exports only' }]);
    }
    const personal = canSeePersonalData(req.actor);
    const resolved = await this.exports.prepare(filters, req.actor ?? null, personal);
    // Vary: the columns depend on the key, so no cache may give one caller's file to another.
    res.status(200).set({ 'content-type': CONTENT_TYPES[name], 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store', vary: 'Authorization' });
    res.flushHeaders();
    await this.exports.write(name, resolved, personal, res).catch(() => res.destroy());
  }
}
