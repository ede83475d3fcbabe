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

export const insertOrganization = (db: pg.ClientBase, o: Record<string, unknown> = {}) => {
  const n = next();
  return insert(db, 'organizations', { code: `ORG-${n}`, name: `Dinas ${n}`, kind: 'AGENCY', ...o });
};

export const insertPosition = (db: pg.ClientBase, organizationId: string, o: Record<string, unknown> = {}) => {
  const n = next();
  return insert(db, 'positions', { code: `POS-${n}`, title: `Kepala Bidang ${n}`, organization_id: organizationId, echelon: 'III_B', category: 'ADMINISTRATOR', ...o });
};

export const insertOfficial = (db: pg.ClientBase, o: Record<string, unknown> = {}) =>
  insert(db, 'officials', { name: `Pejabat ${next()}`, employment: 'PNS', rank: 'III_D', ...o });

export const insertEvent = (db: pg.ClientBase, effectiveOn: string, o: Record<string, unknown> = {}) =>
  insert(db, 'rotation_events', { title: `Pelantikan ${next()}`, issuer: 'Wali Kota Bekasi', sworn_in_on: effectiveOn, effective_on: effectiveOn, ...o });

/** A transfer (definitive, kind stated as ROTATION unless overridden); `seq` defaults to 1. */
export const insertTransfer = (db: pg.ClientBase, eventId: string, officialId: string, o: Record<string, unknown> = {}) =>
  insert(db, 'transfers', { event_id: eventId, seq: 1, official_id: officialId, kind: 'ROTATION', ...o });
