import { DataSource } from 'typeorm';
import { dataSourceOptions } from './src/database/data-source-options.js';

/**
 * The one DataSource definition the app, the CLI and the tests share. `npm run migration:*`
 * goes through src/cli.ts, which starts the embedded PostgreSQL when DATABASE_URL is unset
 * and then calls this with its URL.
 */
export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url, 10));
}

/** For TypeORM's own CLI (`typeorm -d dist/ormconfig.js …`), which needs DATABASE_URL. */
export default process.env.DATABASE_URL ? createDataSource(process.env.DATABASE_URL) : undefined;
