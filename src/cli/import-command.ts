import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportProblem } from '../imports/dto/import-views.js';
import { ImportsService, type EventHeaderInput } from '../imports/imports.service.js';

export const IMPORT_USAGE = `  import FILE [--dry-run] [--confirm-all-proposals] [--sheet NAME] [--mapping JSON]
         [--title T] [--issuer I] [--decree-number N] [--decree-date D] [--sworn-in-on D]
         [--effective-on D] [--location L]
                             read a lampiran (.xlsx or .csv) and record it as one event
                             (--dry-run: check only); progress on stderr, problems as a table`;

const HEADER_OPTIONS = { title: 'title', issuer: 'issuer', 'decree-number': 'decreeNumber', 'decree-date': 'decreeDate', 'sworn-in-on': 'swornInOn', 'effective-on': 'effectiveOn', location: 'location' } as const;

export class ImportFailed extends Error {}

/** The problems as a fixed-width table a clerk can read in a terminal. */
export function problemTable(problems: ImportProblem[]): string {
  const rows = problems.map((p) => [p.severity, String(p.sheetRow ?? '-'), p.column ? `${p.column} ${p.header ?? ''}`.trim() : '-', p.code, p.message]);
  const head = ['SEVERITY', 'ROW', 'COLUMN', 'CODE', 'MESSAGE'];
  const widths = head.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.slice(0, widths[i]).padEnd(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/** Parses `import …` and returns what to run on the application. */
export function importCommand(args: string[]): (app: INestApplication) => Promise<void> {
  const options = {
    'dry-run': { type: 'boolean', default: false },
    'confirm-all-proposals': { type: 'boolean', default: false },
    sheet: { type: 'string' },
    mapping: { type: 'string' },
    ...Object.fromEntries(Object.keys(HEADER_OPTIONS).map((k) => [k, { type: 'string' as const }])),
  } as const;
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw new ImportFailed(`${(error as Error).message}\n\nUsage:\n${IMPORT_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new ImportFailed('import needs one FILE (.xlsx or .csv).');
  const path = positionals[0];
  const header = Object.fromEntries(Object.entries(HEADER_OPTIONS).map(([option, key]) => [key, (values as Record<string, unknown>)[option] ?? null])) as EventHeaderInput;
  let mapping: Record<string, string> | null = null;
  if (values.mapping) {
    try {
      mapping = JSON.parse(values.mapping as string);
    } catch {
      throw new ImportFailed('--mapping must be JSON, e.g. {"nip":"C"}.');
    }
  }
  return async (app) => {
    const imports = app.get(ImportsService);
    const started = Date.now();
    const dry = await imports.dryRun({ file: readFileSync(path), fileName: basename(path), header, sheet: (values.sheet as string) ?? null, mapping }, null, (phase, rows) =>
      console.error(`${phase}: ${rows} rows (${((Date.now() - started) / 1000).toFixed(1)} s)`),
    );
    console.error(`import ${dry.import.id}: ${dry.import.rowCount} rows, ${dry.import.errorCount} errors, ${dry.import.warningCount} warnings`);
    if (dry.problems.length) console.log(problemTable(dry.problems));
    if (values['dry-run']) {
      if (!dry.valid && !values['confirm-all-proposals']) throw new ImportFailed('The annex has errors (above).');
      return;
    }
    const done = await imports.commit(dry.import.id, { all: values['confirm-all-proposals'] as boolean }, null);
    console.error(`recorded as event ${done.import.eventId} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
}
