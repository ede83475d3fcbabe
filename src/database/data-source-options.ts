import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { migrationOptions } from './migration-options.js';

export function dataSourceOptions(url: string): DataSourceOptions {
  return { ...migrationOptions(url), entities: ENTITIES, extra: { max: 10 } };
}
