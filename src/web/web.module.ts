import { Module } from '@nestjs/common';
import { ExplorerController } from './explorer.controller.js';
import { HrPagesController } from './hr-pages.controller.js';
import { NotFoundPageFallback } from './not-found-page.fallback.js';
import { PublicPagesController } from './public-pages.controller.js';
import { WebGraphql } from './web-graphql.service.js';
import { WebPages } from './web-pages.service.js';

/** The web pages: public pages, the HR workspace, the analyst's downloads, the explorer. They read only the public API. */
@Module({
  controllers: [PublicPagesController, ExplorerController, HrPagesController],
  providers: [WebGraphql, WebPages, NotFoundPageFallback],
})
export class WebModule {}
