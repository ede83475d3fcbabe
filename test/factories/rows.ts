import type pg from 'pg';

/*
 * Rows inserted straight into the tables, for medium specs of one repository or service:
 * valid defaults, overridable, no API or service in between. Each returns the new id.
 */

let counter = 0;
const next = () => ++counter;

async function insert(db: pg.ClientBase, table: string, values: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(values);
  const { rows } = await db.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id::text`,
    Object.values(values),
  );
  return rows[0].id;
}

/** The test government every test database starts with (PEMDA-UJI, test/support/environment.ts). */
async function testGovernment(db: pg.ClientBase): Promise<string> {
  const { rows } = await db.query(`SELECT id::text FROM organizations WHERE code = 'PEMDA-UJI'`);
  return rows[0].id;
}

export const insertOrganization = async (db: pg.ClientBase, o: Record<string, unknown> = {}) => {
  const n = next();
  return insert(db, 'organizations', { code: `ORG-${n}`, name: `Dinas ${n}`, kind: 'AGENCY', parent_id: await testGovernment(db), ...o });
};

export const insertPosition = (db: pg.ClientBase, organizationId: string, o: Record<string, unknown> = {}) => {
  const n = next();
  return insert(db, 'positions', { code: `POS-${n}`, title: `Kepala Bidang ${n}`, organization_id: organizationId, echelon: 'III_B', category: 'ADMINISTRATOR', ...o });
};

export const insertOfficial = async (db: pg.ClientBase, o: Record<string, unknown> = {}) =>
  insert(db, 'officials', { name: `Pejabat ${next()}`, employment: 'PNS', rank: 'III_D', government_id: await testGovernment(db), ...o });

export const insertEvent = async (db: pg.ClientBase, effectiveOn: string, o: Record<string, unknown> = {}) =>
  insert(db, 'rotation_events', { title: `Pelantikan ${next()}`, issuer: 'Wali Kota Bekasi', sworn_in_on: effectiveOn, effective_on: effectiveOn, government_id: await testGovernment(db), ...o });

/** A transfer (definitive, kind stated as ROTATION unless overridden); `seq` defaults to 1. */
export const insertTransfer = (db: pg.ClientBase, eventId: string, officialId: string, o: Record<string, unknown> = {}) =>
  insert(db, 'transfers', { event_id: eventId, seq: 1, official_id: officialId, kind: 'ROTATION', ...o });
