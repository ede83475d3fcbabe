import { Controller, Get, Header } from '@nestjs/common';
import { ruruHTML } from 'ruru/server';

/**
 * The GraphQL explorer for developers: Ruru, Graphile's build of GraphiQL, whose scripts come
 * from the npm package and are served from /explorer/static/ (web-assets.ts): nothing from a CDN.
 */
@Controller('explorer')
export class ExplorerController {
  private readonly html = ruruHTML({ endpoint: '/graphql', staticPath: '/explorer/static/' });

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return this.html;
  }
}
