import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isLang } from './i18n/lang.js';
import { downloadsPage } from './pages/downloads.page.js';
import { eventPage } from './pages/event.page.js';
import { homePage } from './pages/home.page.js';
import { officialPage } from './pages/official.page.js';
import { positionPage } from './pages/position.page.js';
import { searchPage } from './pages/search.page.js';
import { governmentPage, unitPage } from './pages/unit.page.js';
import { vacanciesPage } from './pages/vacancies.page.js';
import { PageExceptionFilter } from './page-exception.filter.js';
import { WebPages } from './web-pages.service.js';

/** The paths of pages (not their assets), for the rate limiter. */
export const PAGE_PATHS = /^\/(?:$|cari|pelantikan|pejabat|jabatan|unit|pemerintah|kelola|unduh)(?:\/|$)/;

/** The public pages: no key, stable URLs that can be published. */
@Controller()
@UseFilters(PageExceptionFilter)
export class PublicPagesController {
  constructor(private readonly pages: WebPages) {}

  @Get()
  home(@Req() req: Request, @Res() res: Response) {
    return this.pages.render(req, res, homePage);
  }

  @Get('pelantikan/:id')
  event(@Req() req: Request, @Res() res: Response, @Param('id') id: string) {
    return this.pages.render(req, res, eventPage, { id });
  }

  @Get('pejabat/:id')
  official(@Req() req: Request, @Res() res: Response, @Param('id') id: string) {
    return this.pages.render(req, res, officialPage, { id });
  }

  @Get('jabatan/:code')
  position(@Req() req: Request, @Res() res: Response, @Param('code') code: string) {
    return this.pages.render(req, res, positionPage, { code });
  }

  @Get('unit/:code')
  unit(@Req() req: Request, @Res() res: Response, @Param('code') code: string) {
    return this.pages.render(req, res, unitPage, { code });
  }

  /** A government by region code ("32.75") or code: its top unit's page, at an address a reader can guess. */
  @Get('pemerintah/:region')
  government(@Req() req: Request, @Res() res: Response, @Param('region') region: string) {
    return this.pages.render(req, res, governmentPage, { region });
  }

  @Get('unit/:code/jabatan-kosong')
  vacancies(@Req() req: Request, @Res() res: Response, @Param('code') code: string) {
    return this.pages.render(req, res, vacanciesPage, { code });
  }

  @Get('cari')
  search(@Req() req: Request, @Res() res: Response) {
    return this.pages.render(req, res, searchPage);
  }

  @Get('unduh')
  downloads(@Req() req: Request, @Res() res: Response) {
    return this.pages.render(req, res, downloadsPage);
  }

  /** The language switch: remembered in a cookie, then back to the page it was pressed on. */
  @Get('bahasa/:lang')
  language(@Param('lang') lang: string, @Query('kembali') back: unknown, @Res() res: Response) {
    // Only a path of this site: never an open redirect.
    const target = typeof back === 'string' && /^\/(?![/\\])/.test(back) ? back : '/';
    if (isLang(lang)) res.cookie('lang', lang, { maxAge: 365 * 24 * 3600 * 1000, sameSite: 'lax', httpOnly: true, path: '/' });
    res.redirect(303, target);
  }
}
