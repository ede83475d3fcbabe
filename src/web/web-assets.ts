import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { serveStatic } from 'ruru/static';
import { ASSETS_DIR, CLIENT_DIR, CLIENT_SHARED_DIRS, PREACT_FILES } from './web-paths.js';

/** The files the pages load, all from this server: stylesheet, browser scripts, Preact, the explorer's bundle. */
export function serveWebAssets(app: NestExpressApplication): void {
  const day = 24 * 3600;
  app.useStaticAssets(ASSETS_DIR, { prefix: '/assets/', maxAge: day * 1000, fallthrough: true });
  app.useStaticAssets(CLIENT_DIR, { prefix: '/assets/js/', maxAge: 0 });
  // A script at /assets/js/x.js importing '../i18n/lang.js' asks for /assets/i18n/lang.js.
  for (const [name, dir] of Object.entries(CLIENT_SHARED_DIRS)) app.useStaticAssets(dir, { prefix: `/assets/${name}/`, maxAge: 0 });
  for (const [name, file] of Object.entries(PREACT_FILES)) {
    app.use(`/assets/vendor/${name}`, (_req: Request, res: Response) => res.type('text/javascript').sendFile(file));
  }
  // A browser opening the API's address gets the explorer (Apollo's landing page, from a CDN, is off).
  app.use('/graphql', (req: Request, res: Response, next: NextFunction) =>
    req.method === 'GET' && req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html' ? res.redirect(302, '/explorer') : next(),
  );
  // Mounted at the root: it matches its prefix on the whole URL itself.
  app.use(serveStatic('/explorer/static/'));
}
