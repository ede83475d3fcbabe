import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { createWriteStream, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createDataSource } from '../../ormconfig.js';
import { ApiKeysService } from '../api-keys/api-keys.service.js';
import { Role } from '../auth/role.enum.js';
import { LogLevel } from '../config/env.dto.js';
import { createApp } from '../bootstrap.js';
import { bootLogger } from '../common/logging/app-logger.js';
import { loadConfig, type AppConfig } from '../config/app-config.js';
import { resolveDatabase } from '../database/database-url.js';
import { migrationIndex, migrationSource } from '../database/migration-source.js';
import { DataSource } from 'typeorm';
import { loadDemo } from '../../seeds/load-demo.js';
import { ProjectionService } from '../history/projection.service.js';
import { problemsOf } from '../common/validation.js';
import { ExportFilters } from '../exports/dto/export-filters.js';
import { ExportsService, type ExportName } from '../exports/exports.service.js';
import { IMPORT_USAGE, importCommand } from './import-command.js';

export const USAGE = `Usage: npm run cli -- <command>

  migration:run              apply pending migrations
  migration:revert           undo the last applied migration
  migration:show             list migrations and whether each is applied
  migration:generate <Name>  write migrations/<timestamp>-<Name>.ts from the entities' difference to the database
  schema                     write schema.gql from the code-first GraphQL types
  seed                       load the Kota Bekasi demo (idempotent)
  projection:rebuild         rebuild every appointment from the transfers (after a bulk load)
  export appointments|transfers|popolo --format csv|ndjson|xlsx|json --out FILE
         [--organization-code CODE | --organization-id ID] [--government CODE] [--from DATE] [--to DATE]
         [--echelon E] [--category C] [--kind K] [--bom (csv: a UTF-8 mark for Excel)]
                             stream an export to a file (NIP included), with progress on stderr
${IMPORT_USAGE}
  keys create --role ROLE --label TEXT [--government CODE ...]
                             make an API key (ADMIN, HR or ANALYST) and print its secret on its own line;
                             it acts for the governments named (code or region code, e.g. 32.75),
                             or for every government without --government (the superuser ADMIN)
  help, --help, -h           print this

Without DATABASE_URL the embedded PostgreSQL under DATA_DIR is used: the one of a running
\`npm start\` on the same DATA_DIR (left running), or else started for the command and stopped after.`;

interface Context {
  config: AppConfig;
  databaseUrl: string;
}

type Run = (context: Context) => Promise<void>;

/**
 * Each command checks its arguments and returns what to run once the database is there, so
 * that a typo is reported before PostgreSQL is started.
 */
const COMMANDS: Record<string, (args: string[]) => Run | Promise<Run>> = {
  'migration:run': () =>
    withDataSource(async (dataSource) => {
      const done = await dataSource.runMigrations({ transaction: 'each' });
      console.log(done.length ? done.map((m) => `Applied ${m.name}`).join('\n') : 'No pending migrations.');
    }),
  'migration:revert': () => withDataSource((dataSource) => dataSource.undoLastMigration({ transaction: 'each' })),
  'migration:show': () => withDataSource(showMigrations),
  'migration:generate': ([name]) => {
    if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new UsageError('migration:generate needs a PascalCase name, e.g. AddRankIndex');
    return withDataSource(async (dataSource) => {
      const sql = await dataSource.driver.createSchemaBuilder().log();
      if (sql.upQueries.length === 0) {
        console.log('No changes: the entities and the database agree.');
        return;
      }
      const timestamp = Date.now();
      const file = resolve('migrations', `${timestamp}-${name}.ts`);
      writeFileSync(file, migrationSource(`${name}${timestamp}`, sql.upQueries, sql.downQueries.reverse()));
      writeFileSync(resolve('migrations', 'index.ts'), migrationIndex(readdirSync(resolve('migrations'))));
      console.log(`Wrote ${file} and listed it in migrations/index.ts. Review it before committing.`);
    });
  },
  schema: () => {
    const file = resolve('schema.gql');
    return withApp(async () => console.log(`Wrote ${file}`), { schemaFile: file });
  },
  seed: () =>
    withApp(async (app) => {
      const report = await loadDemo(app, (line) => console.error(line));
      console.log(`Added ${report.organizations} units, ${report.positions} posts, ${report.officials} officials, ${report.events} events.`);
    }),
  'projection:rebuild': () =>
    withApp(async (app) => {
      const started = Date.now();
      const n = await app.get(DataSource).transaction((manager) => app.get(ProjectionService).rebuildAll(manager));
      console.log(`Rebuilt ${n} appointments in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }, { quiet: true }),
  export: exportTo,
  import: (args) => withApp(importCommand(args)),
  keys,
};

/** Runs one command line; `env` stands for process.env (the tests pass their own). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('No command given.');
  if (['help', '--help', '-h'].includes(command)) {
    console.log(USAGE);
    return;
  }
  if (!Object.hasOwn(COMMANDS, command)) throw new UsageError(`Unknown command "${command}".`);
  const run = await COMMANDS[command](rest);
  const config = loadConfig(env);
  Logger.overrideLogger(bootLogger(config.logLevel, 2));
  const database = await resolveDatabase(config, { role: 'cli' });
  try {
    await run({ config, databaseUrl: database.url });
  } finally {
    await database.embedded?.stop();
  }
}

/** Runs `fn` on the whole application (its services, its schema) and closes it after; `quiet` logs warnings only. */
function withApp(fn: (app: INestApplication) => Promise<void>, options: { quiet?: boolean; schemaFile?: string } = {}): Run {
  return async ({ config, databaseUrl }) => {
    const app = await createApp({ config: options.quiet ? { ...config, logLevel: LogLevel.WARN } : config, databaseUrl, schemaFile: options.schemaFile, logFd: 2 });
    try {
      // Initialising builds the GraphQL schema: only the schema command needs it.
      if (options.schemaFile) await app.init();
      await fn(app);
    } finally {
      await app.close();
    }
  };
}

function withDataSource(fn: (dataSource: DataSource) => Promise<void>): Run {
  return async ({ databaseUrl }) => {
    const dataSource = createDataSource(databaseUrl);
    await dataSource.initialize();
    try {
      await fn(dataSource);
    } finally {
      await dataSource.destroy();
    }
  };
}

/** TypeORM's showMigrations only logs through its logger (silent at our settings): list them here. */
async function showMigrations(dataSource: DataSource): Promise<void> {
  const [{ present }] = await dataSource.query(`SELECT to_regclass('migrations') IS NOT NULL AS present`);
  const rows: { name: string }[] = present ? await dataSource.query('SELECT name FROM migrations ORDER BY id') : [];
  const applied = new Set(rows.map((r) => r.name));
  const known = dataSource.migrations.map((m) => m.name ?? m.constructor.name);
  for (const name of known) console.log(`${applied.has(name) ? '[X]' : '[ ]'} ${name}`);
  // Applied by another version of Mutasi (a newer one, before a downgrade).
  for (const name of applied) if (!known.includes(name)) console.log(`[?] ${name} (applied, unknown to this version)`);
  const pending = known.filter((name) => !applied.has(name)).length;
  console.log(`${known.length - pending} applied, ${pending} pending.`);
}

/** parseArgs' own errors (unknown option, missing value) are usage errors too. */
function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    if (String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message);
    throw error;
  }
}

export class UsageError extends Error {}

/** `keys create`: the way in for the first ADMIN key, which has no other. */
function keys(args: string[]): Run {
  const { positionals, values } = parseOptions({
    args,
    options: { role: { type: 'string' }, label: { type: 'string' }, government: { type: 'string', multiple: true } },
    allowPositionals: true,
  });
  if (positionals[0] !== 'create') throw new UsageError('keys: the only subcommand is "create".');
  const role = values.role?.toUpperCase();
  if (!role || !Object.values(Role).includes(role as Role)) throw new UsageError(`keys create needs --role ${Object.values(Role).join('|')}`);
  const label = values.label?.trim();
  if (!label) throw new UsageError('keys create needs --label "who the key is for"');
  return withApp(
    async (app) => {
      const { apiKey, secret } = await app.get(ApiKeysService).create(role as Role, label, null, values.government);
      const scope = apiKey.allGovernments ? 'every government' : values.government!.join(', ');
      console.error(`Created ${apiKey.role} key ${apiKey.id} ("${apiKey.label}") for ${scope}. Its secret, shown only now:`);
      console.log(secret);
    },
    { quiet: true },
  );
}

const EXPORTS: Record<string, ExportName> = {
  'appointments/csv': 'appointments.csv',
  'appointments/ndjson': 'appointments.ndjson',
  'appointments/xlsx': 'appointments.xlsx',
  'transfers/csv': 'transfers.csv',
  'transfers/xlsx': 'transfers.xlsx',
  'popolo/json': 'popolo.json',
};

const text = { type: 'string' } as const;
const EXPORT_OPTIONS = { format: text, out: text, 'organization-code': text, 'organization-id': text, government: text, from: text, to: text, echelon: text, category: text, kind: text };

/** `export`: the same streams as GET /exports/…, into a file, with progress every second. */
async function exportTo(args: string[]): Promise<Run> {
  const { positionals, values } = parseOptions({
    args,
    allowPositionals: true,
    options: { ...EXPORT_OPTIONS, bom: { type: 'boolean' } },
  });
  const what = positionals[0];
  const format = values.format ?? (what === 'popolo' ? 'json' : 'csv');
  const name = EXPORTS[`${what}/${format}`];
  if (!name) throw new UsageError(`export: choose appointments (csv, ndjson, xlsx), transfers (csv, xlsx) or popolo (json); got ${what ?? 'nothing'} as ${format}`);
  if (values.bom && format !== 'csv') throw new UsageError('--bom applies to csv only');
  if (!values.out) throw new UsageError('export needs --out FILE');
  const filters = plainToInstance(ExportFilters, {
    organizationCode: values['organization-code'],
    government: values.government,
    organizationId: values['organization-id'],
    from: values.from,
    to: values.to,
    echelon: values.echelon,
    category: values.category,
    kind: values.kind,
    bom: values.bom,
  });
  const errors = await validate(filters);
  if (errors.length) throw new UsageError(problemsOf(errors).map((p) => `--${p.field}: ${p.message}`).join('\n'));
  const out = values.out;
  return withApp(
    async (app) => {
      const exports = app.get(ExportsService);
      const started = Date.now();
      const progress = { rows: 0, bytes: 0 };
      const report = () =>
        process.stderr.write(`\r${name}: ${progress.rows.toLocaleString('en')} rows, ${(progress.bytes / 1e6).toFixed(1)} MB, ${((Date.now() - started) / 1000).toFixed(0)} s   `);
      const timer = setInterval(report, 1000);
      try {
        await exports.write(name, await exports.prepare(filters, null, true), true, createWriteStream(out), progress);
      } finally {
        clearInterval(timer);
        report();
        process.stderr.write('\n');
      }
    },
    { quiet: true },
  );
}
