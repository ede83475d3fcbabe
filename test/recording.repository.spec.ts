import type pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { RecordingRepository } from '../src/rotations/recording/recording.repository.js';
import { insertOfficial, insertOrganization, insertPosition } from './factories/rows.js';
import { openMediumDatabase } from './support/medium-database.js';

/**
 * The lookups a recording starts with, on a fresh database: each must search its unique
 * index. Checked with sequential scans disabled, so the plan is the one a large table gets
 * however small this one is; a parameter of the wrong type (text[] against the NIP's
 * char(18)) makes PostgreSQL cast the column, and the index is then only walked whole.
 */
describe('recording lookups on the database', () => {
  let dataSource: DataSource;
  let db: pg.Client;
  let close: () => Promise<void>;
  const repository = new RecordingRepository();

  beforeAll(async () => {
    ({ dataSource, db, close } = await openMediumDatabase());
  });
  afterAll(() => close?.());

  /** The rows `lookup` returns and the plan of each statement it sent. */
  async function plans<T>(lookup: (manager: EntityManager) => Promise<T>): Promise<{ result: T; plans: string[] }> {
    return dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      const sent: [string, unknown[]][] = [];
      const spy = { query: (sql: string, params: unknown[]) => (sent.push([sql, params]), manager.query(sql, params)) } as unknown as EntityManager;
      const result = await lookup(spy);
      const plans: string[] = [];
      for (const [sql, params] of sent) plans.push((await manager.query(`EXPLAIN ${sql}`, params)).map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
      return { result, plans };
    });
  }

  it('finds officials by id and by NIP through their indexes', async () => {
    const byId = await insertOfficial(db);
    const nip = '198503152010012003';
    const byNip = await insertOfficial(db, { nip, birth_date: '1985-03-15', gender: 'FEMALE' });
    const { result, plans: [plan] } = await plans((m) => repository.findOfficials(m, [byId], [nip]));
    expect(result.map((o) => String(o.id)).sort()).toEqual([byId, byNip].sort());
    expect(plan).toMatch(/Index Scan using officials_nip_key on officials/);
  });

  it('finds posts by id and by code through their indexes', async () => {
    const org = await insertOrganization(db);
    const byId = await insertPosition(db, org);
    const byCode = await insertPosition(db, org, { code: 'DINKES-SEK' });
    const { result, plans: [plan] } = await plans((m) => repository.findPositions(m, [byId], ['DINKES-SEK']));
    expect(result.map((p) => String(p.id)).sort()).toEqual([byId, byCode].sort());
    expect(plan).toMatch(/Index Scan using positions_code_key on positions/);
  });
});
