import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { LoggedRequest } from '../common/logging/request-logging.js';
import { langOfRequest } from './i18n/lang.js';
import { PageError, type Page, type PageContext, type PageLoader } from './page.js';
import { errorPage } from './pages/error.page.js';
import { CONTENT_SECURITY_POLICY, renderDocument } from './views/layout.js';
import { WebGraphql } from './web-graphql.service.js';

/** Runs a page's loader and sends the document: the one place pages meet HTTP. */
@Injectable()
export class WebPages {
  constructor(private readonly graphql: WebGraphql) {}

  async render(req: Request, res: Response, loader: PageLoader, params: Record<string, string> = {}): Promise<void> {
    const lang = langOfRequest(req.query, req.headers.cookie);
    const query = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
    const ctx: PageContext = { lang, url: req.originalUrl, query, req, gql: (document, variables) => this.graphql.query(req, document, variables) };
    let page: Page;
    try {
      page = await loader(ctx, params);
    } catch (error) {
      const known = error instanceof PageError ? error : new PageError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      // A page that cannot be shown for a reason the API gave is the reader's business; anything else is ours.
      if (!(error instanceof PageError) || known.status >= 500) (req as LoggedRequest).log?.error({ context: 'Web' }, error instanceof Error ? (error.stack ?? error.message) : String(error));
      page = errorPage(lang, known, (req as LoggedRequest).id);
    }
    // The database unreachable: a retry shortly may find it (or a replica) back.
    if (page.status === 503) res.set('retry-after', '5');
    res
      .status(page.status ?? 200)
      .set({
        'content-type': 'text/html; charset=utf-8',
        vary: 'Cookie',
        'cache-control': 'no-cache',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
      })
      .send(renderDocument({ lang, title: page.title, description: page.description, url: ctx.url, scripts: page.scripts, feed: page.feed, children: page.body }));
  }
}
