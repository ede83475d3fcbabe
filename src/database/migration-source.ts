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
