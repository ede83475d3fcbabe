import type { MigrationInterface } from 'typeorm';
import { Init1795836648958 } from './1795836648958-Init.js';
import { ApiKeys1795837149156 } from './1795837149156-ApiKeys.js';

/** Every migration, oldest first. `npm run migration:generate` prints the line to add here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [Init1795836648958, ApiKeys1795837149156];
