import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

export const EMBEDDED_DATABASE = 'mutasi';

/**
 * DATABASE_URL when set; otherwise starts (or attaches to) the embedded PostgreSQL under
 * DATA_DIR and returns its URL, with the server to stop on shutdown.
 */
export async function resolveDatabase(config: AppConfig): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const logger = new Logger('EmbeddedPostgres');
  const embedded = new EmbeddedPostgres({ dataDir: config.dataDir, onLog: (line) => logger.debug(line.trim()) });
  logger.log(`Starting embedded PostgreSQL with data in ${config.dataDir}`);
  await embedded.start();
  await embedded.ensureDatabase(EMBEDDED_DATABASE);
  return { url: embedded.url(EMBEDDED_DATABASE), embedded };
}
