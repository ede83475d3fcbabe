import type { NestExpressApplication } from '@nestjs/platform-express';
import { serveStatic } from 'ruru/static';
import { ASSETS_DIR, CLIENT_DIR, PREACT_FILES } from './web-paths.js';

/** The files the pages load, all from this server: stylesheet, browser scripts, Preact, the explorer's bundle. */
export function serveWebAssets(app: NestExpressApplication): void {
  const day = 24 * 3600;
  app.useStaticAssets(ASSETS_DIR, { prefix: '/assets/', maxAge: day * 1000, fallthrough: true });
  app.useStaticAssets(CLIENT_DIR, { prefix: '/assets/js/', maxAge: 0 });
  for (const [name, file] of Object.entries(PREACT_FILES)) {
    app.use(`/assets/vendor/${name}`, (_req: unknown, res: { type(t: string): { sendFile(f: string): void } }) => res.type('text/javascript').sendFile(file));
  }
  // Mounted at the root: it matches its prefix on the whole URL itself.
  app.use(serveStatic('/explorer/static/'));
}
