import type { GovernmentType } from '../src/governments/government-type.enum.js';
import type { INestApplicationContext } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { OfficialsService } from '../src/officials/officials.service.js';
import { OrganizationsService } from '../src/organizations/organizations.service.js';
import type { OrganizationKind } from '../src/organizations/organization-kind.enum.js';
import type { Echelon, FunctionalLevel, PositionCategory } from '../src/positions/position.enums.js';
import { PositionsService } from '../src/positions/positions.service.js';
import type { Employment, Rank } from '../src/officials/official.enums.js';
import type { RotationEventInput } from '../src/rotations/dto/rotation-event.input.js';
import type { Capacity, TransferKind } from '../src/history/history.enums.js';
import { RotationRecorderService } from '../src/rotations/rotation-recorder.service.js';

/** seeds/data, found from this file whether it runs from the sources or from dist/. */
function dataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return join(dir, 'seeds', 'data');
}

const csv = <T>(file: string): T[] => parse(readFileSync(join(dataDir(), file)), { columns: true, skip_empty_lines: true }) as T[];
const orNull = (v: string) => (v === '' ? null : v);

/** No unit recorded yet: a fresh database. */
export async function isEmpty(app: INestApplicationContext): Promise<boolean> {
  const [row] = await app.get(DataSource).query('SELECT NOT EXISTS (SELECT 1 FROM organizations) AS empty');
  return row.empty;
}

export interface SeedReport {
  organizations: number;
  positions: number;
  officials: number;
  events: number;
}

/**
 * Loads the demo (the Kota Bekasi, and the Kabupaten Bekasi and Provinsi Jawa Barat beside it) through the same services an HR clerk's requests go through, so
 * it obeys every rule. Idempotent: units, posts and officials that exist (by code or NIP) are
 * skipped, and each event carries an idempotency key, so a second run changes nothing.
 */
export async function loadDemo(app: INestApplicationContext, log: (line: string) => void = () => undefined): Promise<SeedReport> {
  const db = app.get(DataSource);
  const existing = async (table: string, column: string) => new Set((await db.query(`SELECT ${column} AS v FROM ${table}`)).map((r: { v: string }) => r.v));
  const report: SeedReport = { organizations: 0, positions: 0, officials: 0, events: 0 };

  const organizations = app.get(OrganizationsService);
  const orgCodes = await existing('organizations', 'code');
  type OrgRow = { code: string; name: string; kind: string; parent_code: string; established_on: string; region_code: string; government_type: string };
  for (const o of csv<OrgRow>('organizations.csv')) {
    if (orgCodes.has(o.code)) continue;
    const parentId = o.parent_code ? (await organizations.findOne({ code: o.parent_code })).id : null;
    await organizations.create(
      {
        code: o.code,
        name: o.name,
        kind: o.kind as OrganizationKind,
        parentId,
        establishedOn: orNull(o.established_on),
        regionCode: orNull(o.region_code),
        governmentType: orNull(o.government_type) as GovernmentType | null,
      },
      null,
    );
    report.organizations++;
  }
  const orgIds = new Map<string, string>((await db.query('SELECT code, id::text AS id FROM organizations')).map((r: { code: string; id: string }) => [r.code, r.id]));

  const positions = app.get(PositionsService);
  const postCodes = await existing('positions', 'code');
  type PostRow = { code: string; title: string; organization_code: string; echelon: string; category: string; functional_level: string; seats: string; established_on: string };
  for (const p of csv<PostRow>('positions.csv')) {
    if (postCodes.has(p.code)) continue;
    await positions.create(
      {
        code: p.code,
        title: p.title,
        organizationId: orgIds.get(p.organization_code)!,
        echelon: orNull(p.echelon) as Echelon | null,
        category: p.category as PositionCategory,
        functionalLevel: orNull(p.functional_level) as FunctionalLevel | null,
        seats: Number(p.seats),
        establishedOn: orNull(p.established_on),
      },
      null,
    );
    report.positions++;
  }
  log(`units and posts: ${report.organizations} and ${report.positions} added`);

  const officials = app.get(OfficialsService);
  const nips = await existing('officials', 'nip');
  type OfficialRow = { nip: string; name: string; honorific_prefix: string; honorific_suffix: string; employment: string; rank: string; government_code: string };
  for (const o of csv<OfficialRow>('officials.csv')) {
    if (nips.has(o.nip)) continue;
    await officials.create(
      {
        nip: o.nip,
        name: o.name,
        honorificPrefix: orNull(o.honorific_prefix),
        honorificSuffix: orNull(o.honorific_suffix),
        employment: o.employment as Employment,
        rank: o.rank as Rank,
        government: o.government_code,
      },
      null,
    );
    report.officials++;
  }
  log(`officials: ${report.officials} added`);

  const recorder = app.get(RotationRecorderService);
  const events: (Omit<RotationEventInput, 'transfers'> & { key: string; transfers: { nip: string; toPositionCode?: string; kind?: TransferKind; capacity?: Capacity; note?: string }[] })[] =
    JSON.parse(readFileSync(join(dataDir(), 'events.json'), 'utf8'));
  for (const { key, ...event } of events) {
    const result = await recorder.record(event as RotationEventInput, `demo:${key}`, null);
    if (!result.replayed) {
      report.events++;
      log(`event ${event.swornInOn}: ${event.transfers.length} transfers recorded${result.warnings.length ? `, ${result.warnings.length} warnings` : ''}`);
    }
  }
  return report;
}
