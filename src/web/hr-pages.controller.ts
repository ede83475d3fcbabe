import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { hrCreatePage, hrEventPage, hrImportPage, hrOfficialsPage, hrSignInPage } from './pages/hr.page.js';
import { PageExceptionFilter } from './page-exception.filter.js';
import { WebPages } from './web-pages.service.js';

/** The HR workspace: pages whose browser scripts call the API with the clerk's key. */
@Controller('kelola')
@UseFilters(PageExceptionFilter)
export class HrPagesController {
  constructor(private readonly pages: WebPages) {}

  @Get()
  signIn(@Req() req: Request, @Res() res: Response) {
    return this.pages.render(req, res, hrSignInPage);
  }

  @Get('impor')
  import(@Req() req: Request, @Res() res: Response) {
    return this.pages.render(req, res, hrImportPage);
  }

  @Get('pelantikan/:id')
  event(@Req() req: Request, @Res() res: Response, @Param('id') id: string) {
    return this.pages.render(req, res, hrEventPage, { id });
  }

  @Get('baru')
  create(@Req() req: Request, @Res() res: Response) {
    return this.pages.render(req, res, hrCreatePage);
  }

  @Get('pejabat')
  officials(@Req() req: Request, @Res() res: Response) {
    return this.pages.render(req, res, hrOfficialsPage);
  }
}
