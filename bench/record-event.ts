import 'reflect-metadata';
import { benchEnvironment, gql, percentile } from './support.js';

/**
 * Records a 61-transfer and a 2,000-transfer event over GraphQL against a database of
 * OFFICIALS officials (default 100,000), most in posts with one appointment each.
 * Usage: npm run build && node dist/bench/record-event.js [officials] [repetitions]
 */
const OFFICIALS = Number(process.argv[2] ?? 100_000);
const REPS = Number(process.argv[3] ?? 5);

const RECORD = `mutation ($input: RotationEventInput!) { recordRotationEvent(input: $input) { event { id } warnings { code } } }`;

async function main() {
  const env = await benchEnvironment();
  const db = env.pool;
  const posts = Math.floor(OFFICIALS * 0.8);
  const t0 = Date.now();
  // One government (a top-level unit with its region code) and its units; the trigger sets their government_id.
  await db.query(`INSERT INTO organizations (code, name, kind, region_code, government_type) VALUES ('GOV', 'Pemerintah Bench', 'GOVERNMENT', '99.99', 'CITY')`);
  await db.query(
    `INSERT INTO organizations (code, name, kind, parent_id) SELECT 'ORG-' || g, 'Unit ' || g, 'AGENCY', (SELECT id FROM organizations WHERE code = 'GOV') FROM generate_series(1, $1) g`,
    [Math.ceil((posts + 10000) / 20) + 1],
  );
  await db.query(
    `INSERT INTO positions (code, title, organization_id, echelon, category)
     SELECT 'POS-' || g, 'Jabatan ' || g, (SELECT min(id) FROM organizations WHERE parent_id IS NOT NULL) + (g - 1) / 20, (ARRAY['III_A','III_B','IV_A','IV_B'])[1 + g % 4]::echelon, 'ADMINISTRATOR'
     FROM generate_series(1, $1 + 10000) g`,
    [posts],
  );
  await db.query(
    `INSERT INTO officials (nip, name, employment, rank, gender, birth_date, government_id)
     SELECT to_char(b, 'YYYYMMDD') || to_char(b + interval '25 years', 'YYYYMM') || '1' || lpad(((g / 10080) % 1000)::text, 3, '0'),
            'Pegawai ' || g, 'PNS', 'IV_A', 'MALE', b, (SELECT id FROM organizations WHERE code = 'GOV')
     FROM generate_series(1, $1) g,
          LATERAL (SELECT make_date(1965 + g % 30, 1 + (g / 30) % 12, 1 + (g / 360) % 28) AS b) d`,
    [OFFICIALS],
  );
  // One founding event appoints the first `posts` officials; its transfers and appointments are written directly.
  await db.query(`INSERT INTO rotation_events (title, issuer, sworn_in_on, effective_on, government_id) SELECT 'Bench founding', 'Bench', '2015-01-05', '2015-01-05', id FROM organizations WHERE code = 'GOV'`);
  await db.query(
    `WITH o AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM officials), p AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM positions)
     INSERT INTO transfers (event_id, seq, official_id, to_position_id, kind)
     SELECT (SELECT max(id) FROM rotation_events), o.n, o.id, p.id, 'APPOINTMENT' FROM o JOIN p ON p.n = o.n WHERE o.n <= $1`,
    [posts],
  );
  await db.query(
    `INSERT INTO appointments (official_id, position_id, capacity, started_on, started_by_transfer_id)
     SELECT official_id, to_position_id, 'DEFINITIVE', '2015-01-05', id FROM transfers`,
  );
  await db.query('ANALYZE');
  const officials = (await db.query('SELECT count(*)::int AS n FROM officials')).rows[0].n;
  console.error(`loaded ${officials} officials, ${posts} in posts, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const { app, baseUrl, keys } = await env.app();
  const occupied: { official_id: string; position_id: string }[] = (await db.query(`SELECT official_id, position_id FROM appointments ORDER BY official_id`)).rows;
  const free: { id: string }[] = (await db.query(`SELECT id FROM positions WHERE id NOT IN (SELECT position_id FROM appointments) ORDER BY id`)).rows;
  let cursor = 0;
  let freeCursor = 0;
  let day = 0;
  /** An event of n transfers: a cycle of n−1 officials through their own posts, plus one into an empty post. */
  const event = (n: number) => {
    const chosen = occupied.slice(cursor, cursor + n - 1);
    cursor += n - 1;
    day++;
    const date = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    return {
      title: `Bench ${n}`,
      issuer: 'Bench',
      swornInOn: date,
      transfers: [
        ...chosen.map((o, i) => ({ officialId: o.official_id, toPositionId: chosen[(i + 1) % chosen.length].position_id })),
        { officialId: occupied[occupied.length - 1 - day].official_id, toPositionId: free[freeCursor++].id },
      ],
    };
  };

  const results: string[] = [];
  for (const size of [61, 2000]) {
    const times: number[] = [];
    for (let i = 0; i < REPS + 1; i++) {
      const input = event(size);
      const start = performance.now();
      const res = await gql(baseUrl, RECORD, { input }, keys.HR);
      const ms = performance.now() - start;
      if (res.errors) throw new Error(JSON.stringify(res.errors).slice(0, 2000));
      if (i > 0) times.push(ms); // the first run warms caches and JIT
    }
    results.push(`| ${size} | ${percentile(times, 50).toFixed(0)} ms | ${Math.max(...times).toFixed(0)} ms | ${REPS} |`);
  }
  console.log(`Recording an event over GraphQL (localhost round trip), ${officials} officials\n\n| transfers | p50 | max | runs |\n| --- | --- | --- | --- |\n${results.join('\n')}`);
  await app.close();
  await env.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
