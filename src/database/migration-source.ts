import type { Query } from 'typeorm/driver/Query.js';

function statements(queries: Query[]): string {
  return queries
    .map((q) => `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`)
    .join('\n');
}

/** The text of a TypeORM migration class with the given up and down queries. */
export function migrationSource(className: string, up: Query[], down: Query[]): string {
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${statements(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${statements(down)}
  }
}
`;
}

/** migrations/index.ts for the migration files `files` (named <timestamp>-<Name>.ts), oldest first. */
export function migrationIndex(files: string[]): string {
  const migrations = files
    .map((f) => /^(\d+)-([A-Za-z0-9]+)\.ts$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => ({ file: `${m[1]}-${m[2]}`, className: `${m[2]}${m[1]}` }));
  return `import type { MigrationInterface } from 'typeorm';
${migrations.map((m) => `import { ${m.className} } from './${m.file}.js';`).join('\n')}

/** Every migration, oldest first; written by \`npm run migration:generate\`. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [${migrations.map((m) => m.className).join(', ')}];
`;
}
