import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root (where package.json is), from src/web under ts-jest or dist/src/web when built. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

const root = projectRoot();

/** Stylesheet and images, served as they are in the source tree. */
export const ASSETS_DIR = join(root, 'src/web/assets');
/** The browser scripts, compiled by tsconfig.web.json. */
export const CLIENT_DIR = join(root, 'dist/web-client/client');
/** What the browser scripts import beside them (typed documents, words), compiled by the same config. */
export const CLIENT_SHARED_DIRS: Record<string, string> = { gql: join(root, 'dist/web-client/gql'), i18n: join(root, 'dist/web-client/i18n'), views: join(root, 'dist/web-client/views') };
/** Preact's browser modules, which the import map of every page names. */
export const PREACT_FILES: Record<string, string> = {
  'preact.mjs': join(root, 'node_modules/preact/dist/preact.mjs'),
  'hooks.mjs': join(root, 'node_modules/preact/hooks/dist/hooks.mjs'),
  'jsx-runtime.mjs': join(root, 'node_modules/preact/jsx-runtime/dist/jsxRuntime.mjs'),
};
