import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { bootLogger } from './common/logging/app-logger.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { resolveDatabase } from './database/database-url.js';
import { DataDirInUseError } from './database/data-dir-owner.js';
import type { EmbeddedPostgres } from './database/embedded-postgres.js';
import { isEmpty, loadDemo } from '../seeds/load-demo.js';

const logger = new Logger('Mutasi');
let embedded: EmbeddedPostgres | undefined;

async function main(): Promise<void> {
  const config = loadConfig();
  Logger.overrideLogger(bootLogger(config.logLevel));
  const database = await resolveDatabase(config, {
    role: 'server',
    // The pool cannot outlive its server: exit, for a supervisor to restart us, rather than answer 503 forever.
    onServerExit: (reason) => {
      logger.error(`Embedded PostgreSQL stopped unexpectedly (${reason}); exiting`);
      process.exit(1);
    },
  });
  embedded = database.embedded;
  const app = await createApp({ config, databaseUrl: database.url });
  await app.init();
  if (config.seedDemo && (await isEmpty(app))) {
    logger.log('Empty database: loading the Kota Bekasi demo (SEED_DEMO=false to skip)');
    const started = Date.now();
    await loadDemo(app, (line) => logger.log(line));
    logger.log(`Demo loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await app.listen(config.port);
  logger.log(`Mutasi at http://localhost:${config.port}/ (GraphQL API at /graphql, explorer at /explorer)`);

  // Shut down in order: stop taking requests and close the pool, then stop the database.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch(async (error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof DataDirInUseError ? error.message : error);
  await embedded?.stop();
  process.exit(1);
});
