import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import type { OwnerRole } from './data-dir-owner.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

export const EMBEDDED_DATABASE = 'mutasi';

export interface ResolveDatabaseOptions {
  /** `server` for `npm start` (the DATA_DIR to itself), `cli` for commands (may use a running server's). */
  role: OwnerRole;
  /** Called when the embedded server this process started dies under it. */
  onServerExit?: (reason: string) => void;
}

/**
 * DATABASE_URL when set; otherwise starts (or, for the CLI, shares) the embedded PostgreSQL
 * under DATA_DIR and returns its URL, with the server to stop on shutdown.
 */
export async function resolveDatabase(config: AppConfig, options: ResolveDatabaseOptions): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const logger = new Logger('EmbeddedPostgres');
  const embedded = new EmbeddedPostgres({
    dataDir: config.dataDir,
    role: options.role,
    onLog: (line) => logger.debug(line.trim()),
    onNotice: (message) => logger.log(message),
    onUnexpectedExit: options.onServerExit,
  });
  await embedded.start();
  try {
    await embedded.ensureDatabase(EMBEDDED_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url(EMBEDDED_DATABASE), embedded };
}
