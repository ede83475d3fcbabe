import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { PageError, type PageLoader } from './page.js';
import { PAGE_PATHS } from './public-pages.controller.js';
import { WebPages } from './web-pages.service.js';

/** Paths of the API and of files, whose unknown addresses keep Nest's JSON 404. */
const NOT_PAGES = /^\/(?:graphql|exports|imports|rotation-events|feeds|health|assets|explorer)(?:\/|$)/;

const notFound: PageLoader = () => Promise.reject(PageError.notFound());
const notAllowed: PageLoader = () => Promise.reject(new PageError(405, 'METHOD_NOT_ALLOWED', 'Method not allowed'));

/**
 * Any other GET that no route answered gets the HTML 404 page, in the reader's language; any
 * other method on a page's address (a form or a script POSTing to it) a 405 page: pages are only read.
 *
 * Mounted as the last Express middleware before Nest's own not-found handler: Nest mounts every
 * controller's routes (registerRouter), then runs the modules' init hooks, where this one
 * mounts (as Apollo mounts /graphql in its own), and only then its not-found handler
 * (registerRouterHooks). So this sees exactly the requests nothing answered, whatever order
 * the web controllers come in. A catch-all route (`@Get('*path')`) would shadow any page
 * route declared after it and Apollo's GET /graphql; a branch in the app's exception filter
 * would make the API's error handling depend on the web pages.
 */
@Injectable()
export class NotFoundPageFallback implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly pages: WebPages,
  ) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter.use((req: Request, res: Response, next: NextFunction) => {
      const read = req.method === 'GET' || req.method === 'HEAD';
      if (NOT_PAGES.test(req.path) || (!read && !PAGE_PATHS.test(req.path))) return next();
      if (!read) res.set('allow', 'GET, HEAD');
      void this.pages.render(req, res, read ? notFound : notAllowed).catch(next);
    });
  }
}
