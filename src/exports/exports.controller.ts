import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { canSeePersonalData, type AuthenticatedRequest } from '../auth/actor.js';
import { Role } from '../auth/role.enum.js';
import { Roles } from '../auth/roles.decorator.js';
import { validationFailed } from '../common/errors/common.errors.js';
import { ExportFilters } from './dto/export-filters.js';
import { CONTENT_TYPES, ExportsService, isExportName } from './exports.service.js';

/** Streamed exports for analysts: `GET /exports/appointments.csv|.ndjson|.xlsx`, `/exports/transfers.csv|.xlsx`, `/exports/popolo.json`. */
@Controller('exports')
@Roles(Role.ANALYST)
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
    const resolved = await this.exports.prepare(filters);
    res.status(200).set({ 'content-type': CONTENT_TYPES[name], 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' });
    res.flushHeaders();
    await this.exports.write(name, resolved, canSeePersonalData(req.actor), res).catch(() => res.destroy());
  }
}
