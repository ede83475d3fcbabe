import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { Ajv } from 'ajv';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { loadDemo } from '../seeds/load-demo.js';
import { startTestApp, type TestApp } from './support/app.js';
import { query } from './support/rotations.js';

const APPOINTMENT_COLUMNS = [
  'appointment_id', 'official_id', 'nip', 'official_name', 'honorific_prefix', 'honorific_suffix', 'display_name',
  'position_id', 'position_code', 'position_title', 'echelon', 'category',
  'organization_id', 'organization_code', 'organization_name', 'organization_path',
  'capacity', 'started_on', 'ended_on',
  'started_by_transfer_id', 'started_by_event_id', 'started_by_decree_number', 'started_by_decree_date',
  'ended_by_transfer_id', 'ended_by_event_id', 'ended_by_decree_number', 'ended_by_decree_date',
];

describe('exports', () => {
  let t: TestApp;
  const get = (path: string, role: 'ANALYST' | 'HR' | 'ADMIN' | null = 'ANALYST') => {
    const req = t.http().get(path).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
    });
    return role ? req.set(t.auth[role]) : req;
  };
  const csv = (text: string) => parse(text, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
  const count = async (sql: string) => (await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM ${sql}`))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
  });
  afterAll(() => t.close());

  describe('appointments.csv', () => {
    it('has one RFC 4180 row per appointment, with a header in the documented order', async () => {
      const res = await get('/exports/appointments.csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
      const text = res.body as string;
      expect(text.split('\r\n')[0]).toBe(APPOINTMENT_COLUMNS.join(','));
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toContain('\n');
      const rows = csv(text);
      expect(rows).toHaveLength(await count('appointments'));
      expect(new Set(rows.map((r) => r.appointment_id)).size).toBe(rows.length);
    });

    it('carries the official, post, unit path, dates and the decrees that began and ended it', async () => {
      const [expected] = await query(
        t,
        `SELECT a.id::text, o.nip, o.name, p.code, a.started_on, a.ended_on, se.decree_number AS started, ee.decree_number AS ended
         FROM appointments a JOIN officials o ON o.id = a.official_id JOIN positions p ON p.id = a.position_id
         JOIN transfers st ON st.id = a.started_by_transfer_id JOIN rotation_events se ON se.id = st.event_id
         JOIN transfers et ON et.id = a.ended_by_transfer_id JOIN rotation_events ee ON ee.id = et.event_id
         WHERE p.code = 'DINKES-SEK' ORDER BY a.id LIMIT 1`,
      );
      const row = csv((await get('/exports/appointments.csv?organizationCode=DINKES')).body).find((r) => r.appointment_id === expected.id)!;
      expect(row).toMatchObject({
        nip: expected.nip,
        official_name: expected.name,
        position_code: 'DINKES-SEK',
        echelon: 'III_A',
        organization_path: 'PEMKOT-BKS/DINKES',
        started_on: expected.started_on,
        ended_on: expected.ended_on,
        started_by_decree_number: expected.started,
        ended_by_decree_number: expected.ended,
      });
    });

    it('filters by unit (with sub-units), overlapping dates, echelon and category', async () => {
      const rows = async (q: string) => csv((await get(`/exports/appointments.csv?${q}`)).body).length;
      expect(await rows('organizationCode=DINKES')).toBe(
        await count(`appointments a JOIN positions p ON p.id = a.position_id JOIN organizations u ON u.id = p.organization_id WHERE u.code = 'DINKES' OR u.parent_id = (SELECT id FROM organizations WHERE code = 'DINKES')`),
      );
      expect(await rows('from=2026-02-06&to=2026-02-06')).toBe(await count(`appointments WHERE started_on <= '2026-02-06' AND (ended_on IS NULL OR ended_on > '2026-02-06')`));
      expect(await rows('echelon=III_A&category=ADMINISTRATOR')).toBe(await count(`appointments a JOIN positions p ON p.id = a.position_id WHERE p.echelon = 'III_A'`));
      expect(await rows('category=UNIT_HEAD&from=2026-02-06&to=2026-02-06')).toBe(56);
    });
  });

  it('appointments.ndjson: the same rows, one JSON object per line', async () => {
    const res = await get('/exports/appointments.ndjson?organizationCode=DINKES');
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = (res.body as string).trimEnd().split('\n').map((l) => JSON.parse(l));
    const fromCsv = csv((await get('/exports/appointments.csv?organizationCode=DINKES')).body);
    expect(lines.map((l) => String(l.appointment_id)).sort()).toEqual(fromCsv.map((r) => r.appointment_id).sort());
    expect(lines[0]).toMatchObject({ organization_code: expect.any(String), capacity: expect.stringMatching(/^(DEFINITIVE|ADDITIONAL_TASK)$/), started_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('transfers.csv: one row per transfer with its decree, filtered', async () => {
    const all = csv((await get('/exports/transfers.csv')).body);
    expect(all).toHaveLength(await count(`transfers t JOIN rotation_events e ON e.id = t.event_id WHERE e.status = 'RECORDED'`));
    expect(Object.keys(all[0])).toEqual([
      'transfer_id', 'event_id', 'seq', 'effective_on', 'sworn_in_on', 'issuer', 'decree_number', 'decree_date', 'event_title',
      'official_id', 'nip', 'official_name', 'display_name',
      'from_position_id', 'from_position_code', 'from_position_title', 'from_organization_code',
      'to_position_id', 'to_position_code', 'to_position_title', 'to_organization_code', 'kind', 'capacity', 'note',
    ]);
    const sworn = csv((await get('/exports/transfers.csv?from=2026-02-06&to=2026-02-06')).body);
    expect(sworn).toHaveLength(61);
    expect(sworn.every((r) => r.decree_number === '821.2/Kep.061-BKPSDM/II/2026' && r.issuer === 'Wali Kota Bekasi')).toBe(true);
    expect(sworn.map((r) => Number(r.seq)).sort((a, b) => a - b)).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
    expect(csv((await get('/exports/transfers.csv?from=2026-02-06&to=2026-02-06&kind=REASSIGNMENT')).body)).toHaveLength(10);
  });

  it('popolo.json: persons, organizations, posts and memberships, valid against the Popolo schemas and consistent', async () => {
    const res = await get('/exports/popolo.json?organizationCode=DINKES');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const doc = JSON.parse(res.body);
    const ajv = new Ajv({ allErrors: true });
    for (const s of ['identifier', 'person', 'organization', 'post', 'membership']) {
      ajv.addSchema(JSON.parse(readFileSync(new URL(`./fixtures/popolo/${s}.json`, import.meta.url), 'utf8')));
    }
    const collections = { persons: 'person', organizations: 'organization', posts: 'post', memberships: 'membership' } as const;
    for (const [key, schema] of Object.entries(collections)) {
      const validate = ajv.getSchema(`https://www.popoloproject.com/schemas/${schema}.json`)!;
      expect(doc[key].length).toBeGreaterThan(0);
      for (const item of doc[key]) expect([key, validate(item), validate.errors ?? null]).toEqual([key, true, null]);
    }
    expect(doc.organizations).toHaveLength(57); // Dinas Kesehatan and its 56 Puskesmas
    const persons = new Set(doc.persons.map((p: any) => p.id));
    const posts = new Set(doc.posts.map((p: any) => p.id));
    const orgs = new Set(doc.organizations.map((o: any) => o.id));
    for (const m of doc.memberships) {
      expect(persons.has(m.person_id) && posts.has(m.post_id) && orgs.has(m.organization_id)).toBe(true);
    }
    expect(doc.persons.every((p: any) => p.identifiers?.[0]?.scheme === 'nip')).toBe(true);
  });

  describe('bom', () => {
    it('starts the CSV with a UTF-8 byte order mark only when asked, the rows unchanged', async () => {
      const plain = (await get('/exports/transfers.csv?kind=REASSIGNMENT')).body as string;
      const marked = await get('/exports/transfers.csv?kind=REASSIGNMENT&bom=true');
      expect(marked.status).toBe(200);
      expect(marked.body).toBe(`\uFEFF${plain}`);
      expect(plain.charCodeAt(0)).not.toBe(0xfeff);
      expect((await get('/exports/transfers.csv?kind=REASSIGNMENT&bom=false')).body).toBe(plain);
      expect((await get('/exports/appointments.csv?organizationCode=DINKES&bom=true', null)).body.charCodeAt(0)).toBe(0xfeff);
    });

    it.each([
      ['appointments.csv?bom=yes', 'IS_BOOLEAN'],
      ['appointments.csv?bom=', 'IS_BOOLEAN'],
      ['appointments.csv?bom=true&bom=true', 'IS_BOOLEAN'],
      ['appointments.ndjson?bom=true', 'BOM_CSV_ONLY'],
      ['appointments.xlsx?bom=true', 'BOM_CSV_ONLY'],
    ])('%s is a 400 naming bom', async (path, code) => {
      const res = await get(`/exports/${path}`);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).error).toMatchObject({ code: 'BAD_USER_INPUT', problems: [expect.objectContaining({ field: 'bom', code })] });
    });
  });

  describe('public facts without a key, personal data with one', () => {
    const PUBLIC_APPOINTMENT_COLUMNS = APPOINTMENT_COLUMNS.filter((c) => c !== 'nip');

    it('anonymous callers get every row without the nip column; the rest is the same', async () => {
      const anonymous = await get('/exports/appointments.csv?organizationCode=DINKES', null);
      expect(anonymous.status).toBe(200);
      expect(anonymous.headers.vary).toMatch(/authorization/i);
      expect((anonymous.body as string).split('\r\n')[0]).toBe(PUBLIC_APPOINTMENT_COLUMNS.join(','));
      const full = csv((await get('/exports/appointments.csv?organizationCode=DINKES')).body);
      const withoutNip = full.map(({ nip: _nip, ...rest }) => rest);
      const byId = (a: Record<string, string>, b: Record<string, string>) => Number(a.appointment_id) - Number(b.appointment_id);
      expect(csv(anonymous.body).sort(byId)).toEqual(withoutNip.sort(byId));

      const transfers = (await get('/exports/transfers.csv?from=2026-02-06&to=2026-02-06', null)).body as string;
      expect(transfers.split('\r\n')[0].split(',')).not.toContain('nip');
      expect(csv(transfers)).toHaveLength(61);

      const ndjson = (await get('/exports/appointments.ndjson?organizationCode=DINKES', null)).body as string;
      const lines = ndjson.trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(lines).toHaveLength(full.length);
      expect(lines.filter((l) => 'nip' in l)).toEqual([]);
      expect(ndjson).not.toMatch(/\b\d{18}\b/); // no NIP anywhere, under any name
    });

    it.each(['ANALYST', 'HR', 'ADMIN'] as const)('a %s key may see personal data and gets the nip column, filled', async (role) => {
      const res = await get('/exports/appointments.csv?organizationCode=DINKES', role);
      expect(res.status).toBe(200);
      expect((res.body as string).split('\r\n')[0]).toBe(APPOINTMENT_COLUMNS.join(','));
      const rows = csv(res.body);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => /^\d{18}$/.test(r.nip))).toBe(true);
    });

    it('Popolo: gender, birth date and the NIP identifier only for a key that may see them', async () => {
      // The demo leaves gender and birth date empty; give them values that the export could leak.
      await query(t, `UPDATE officials SET gender = 'FEMALE', birth_date = '1980-01-02' WHERE nip IS NOT NULL`);
      const anonymous = await get('/exports/popolo.json?organizationCode=DINKES', null);
      expect(anonymous.status).toBe(200);
      const open = JSON.parse(anonymous.body);
      const full = JSON.parse((await get('/exports/popolo.json?organizationCode=DINKES')).body);
      expect(open.persons.length).toBe(full.persons.length);
      expect(open.persons.length).toBeGreaterThan(0);
      for (const p of open.persons) expect([p.id, 'gender' in p, 'birth_date' in p, 'identifiers' in p]).toEqual([p.id, false, false, false]);
      expect(anonymous.body).not.toMatch(/\b\d{18}\b/);
      expect(full.persons.every((p: any) => p.gender === 'female' && p.birth_date === '1980-01-02' && p.identifiers[0].scheme === 'nip')).toBe(true);
      // Only the personal fields differ (rows come in no set order).
      const strip = ({ gender: _g, birth_date: _b, identifiers: _i, ...rest }: any) => rest;
      const sorted = (doc: any) => Object.fromEntries(Object.entries(doc).map(([k, items]) => [k, [...(items as any[])].sort((a, b) => a.id.localeCompare(b.id))]));
      expect(sorted(open)).toEqual(sorted({ ...full, persons: full.persons.map(strip) }));
    });
  });

  it('anonymous callers stay under the anonymous rate limit (by address), keys under their own', async () => {
    const limited = await startTestApp({ RATE_LIMIT_ANONYMOUS: '2', RATE_LIMIT_PER_KEY: '100', RATE_LIMIT_WINDOW_SECONDS: '60' });
    try {
      const ask = (auth?: Record<string, string>) => limited.http().get('/exports/transfers.csv').set(auth ?? {});
      expect([(await ask()).status, (await ask()).status]).toEqual([200, 200]);
      const refused = await ask();
      expect(refused.status).toBe(429);
      expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect((await ask(limited.auth.ANALYST)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  describe('refusals, before any row is sent', () => {
    it('a wrong key is a 401, not an anonymous export', async () => {
      const res = await get('/exports/appointments.csv', null).set('authorization', 'Bearer not-a-key');
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body).error).toMatchObject({ code: 'UNAUTHENTICATED', domainCode: 'INVALID_API_KEY' });
    });

    it.each([
      ['organizationCode=NOPE', 'organizationCode', 'UNKNOWN_ORGANIZATION'],
      ['organizationId=999999', 'organizationId', 'UNKNOWN_ORGANIZATION'],
      ['from=2026-03-01&to=2026-02-01', 'to', 'DATES_OUT_OF_ORDER'],
      ['from=2026-02-30', 'from', 'DATE_INVALID'],
      ['echelon=III_C', 'echelon', 'IS_ENUM'],
    ])('%s is a 400 naming %s', async (q, field, code) => {
      const res = await get(`/exports/appointments.csv?${q}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(res.body).error).toMatchObject({ code: 'BAD_USER_INPUT', problems: [expect.objectContaining({ field, code })] });
    });

    it('an unknown export is a 400', async () => {
      expect((await get('/exports/everything.xml')).status).toBe(400);
      // Not an export, though every object has it.
      expect(JSON.parse((await get('/exports/toString')).body).error).toMatchObject({ code: 'BAD_USER_INPUT', problems: [expect.objectContaining({ field: 'name', code: 'UNKNOWN_EXPORT' })] });
    });
  });

  describe('stops the query when the client disconnects', () => {
    let total: number;
    beforeAll(async () => {
      // Enough rows that the export cannot finish before the client goes away.
      await query(
        t,
        `INSERT INTO appointments (official_id, position_id, position_seats, capacity, started_on, started_by_transfer_id)
         SELECT a.official_id, a.position_id, a.position_seats, 'ACTING', a.started_on, a.started_by_transfer_id FROM appointments a, generate_series(1, 600)`,
      );
      total = await count('appointments');
    });
    afterAll(() => query(t, `DELETE FROM appointments WHERE capacity = 'ACTING' AND ended_on IS NULL AND id > (SELECT max(id) - 600 * 400 FROM appointments)`));

    it.each(['appointments.csv', 'appointments.xlsx'])('%s', async (name) => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const address = t.app.getHttpServer().address() as { port: number };
      await new Promise<void>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port: address.port, path: `/exports/${name}`, headers: t.auth.ANALYST }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', (e) => (e.message.includes('socket hang up') ? resolve() : reject(e)));
      });
      let running = 1;
      for (let i = 0; i < 50 && running > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        running = (await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'COPY (%' AND state = 'active' AND pid <> pg_backend_pid()`))[0].n;
      }
      expect(running).toBe(0);
      // The export itself says it stopped, well short of the end.
      for (let i = 0; i < 50 && warn.mock.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      const said = String(warn.mock.calls[0]?.[0]);
      warn.mockRestore();
      expect(said).toContain(name);
      const stoppedAt = Number(/stopped after (\d+) rows/.exec(said)?.[1]);
      expect(stoppedAt).toBeLessThan(total / 2);
    });
  });
});
