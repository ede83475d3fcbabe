import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { ProjectionRepository } from '../src/history/projection.repository.js';
import { ProjectionService } from '../src/history/projection.service.js';
import { insertEvent, insertOfficial, insertOrganization, insertPosition, insertTransfer } from './factories/rows.js';
import { openMediumDatabase } from './support/medium-database.js';

/** The projection (service and repository) on a fresh database, rows inserted directly: no app, no API. */
describe('projection on the database', () => {
  let dataSource: DataSource;
  let db: pg.Client;
  let close: () => Promise<void>;
  const projection = new ProjectionService(new ProjectionRepository());
  const rebuild = (officialIds: string[], since: string | null = null) =>
    dataSource.transaction(async (manager) => {
      const result = await projection.project(manager, officialIds, since);
      await projection.write(manager, result);
      return result;
    });
  const appointments = async () =>
    (
      await db.query(
        `SELECT id::text, official_id::text AS official, position_id::text AS post, capacity, started_on::text AS start, ended_on::text AS "end"
         FROM appointments ORDER BY official_id, started_on`,
      )
    ).rows;

  let post: { a: string; b: string; c: string };
  let x: string;
  let y: string;

  beforeAll(async () => {
    ({ dataSource, db, close } = await openMediumDatabase());
    const org = await insertOrganization(db);
    post = { a: await insertPosition(db, org), b: await insertPosition(db, org), c: await insertPosition(db, org, { echelon: 'II_B' }) };
    x = await insertOfficial(db);
    y = await insertOfficial(db);
    const first = await insertEvent(db, '2020-01-02');
    await insertTransfer(db, first, x, { seq: 1, to_position_id: post.a, kind: 'APPOINTMENT' });
    await insertTransfer(db, first, y, { seq: 2, to_position_id: post.b, kind: 'APPOINTMENT' });
    // Origin and kind left for the projection to derive.
    const second = await insertEvent(db, '2022-03-01');
    await insertTransfer(db, second, x, { to_position_id: post.c, kind: 'TRANSFER', kind_stated: false, from_stated: false });
  });

  afterAll(() => close?.());

  it('folds the transfers into appointments and stores the origins and kinds it derived', async () => {
    const result = await rebuild([x, y]);
    expect(result.issues).toEqual([]);
    expect(result.overlaps).toEqual([]);
    expect((await appointments()).map(({ id: _id, ...a }) => a)).toEqual([
      { official: x, post: post.a, capacity: 'DEFINITIVE', start: '2020-01-02', end: '2022-03-01' },
      { official: x, post: post.c, capacity: 'DEFINITIVE', start: '2022-03-01', end: null },
      { official: y, post: post.b, capacity: 'DEFINITIVE', start: '2020-01-02', end: null },
    ]);
    const { rows } = await db.query(`SELECT from_position_id::text AS "from", kind FROM transfers WHERE to_position_id = $1`, [post.c]);
    // III.b to II.b is a promotion.
    expect(rows).toEqual([{ from: post.a, kind: 'PROMOTION' }]);
  });

  it('rewrites only what lasts until `since`: earlier appointments keep their rows', async () => {
    const before = await appointments();
    const third = await insertEvent(db, '2024-07-01');
    await insertTransfer(db, third, x, { to_position_id: post.b, from_position_id: post.c, from_stated: true, kind: 'DEMOTION', kind_stated: true });
    await insertTransfer(db, third, y, { seq: 2, to_position_id: post.a, kind: 'ROTATION' });
    await rebuild([x, y], '2024-07-01');
    const after = await appointments();
    const keptA = before.find((a) => a.post === post.a)!;
    expect(after.find((a) => a.post === post.a && a.official === x)).toEqual(keptA);
    expect(after.filter((a) => a.official === x).map((a) => [a.post, a.start, a.end])).toEqual([
      [post.a, '2020-01-02', '2022-03-01'],
      [post.c, '2022-03-01', '2024-07-01'],
      [post.b, '2024-07-01', null],
    ]);
    expect(after.filter((a) => a.official === y).map((a) => [a.post, a.start, a.end])).toEqual([
      [post.b, '2020-01-02', '2024-07-01'],
      [post.a, '2024-07-01', null],
    ]);
  });

  it('finds two holders of one post, which the exclusion constraint refuses to store', async () => {
    const clash = await insertEvent(db, '2025-01-02');
    await insertTransfer(db, clash, y, { to_position_id: post.b, kind: 'ROTATION' });
    const before = await appointments();
    const result = await dataSource.transaction((manager) => projection.project(manager, [y], '2025-01-02'));
    expect(result.overlaps.map((o) => [o.positionId, o.earlier.officialId, o.later.officialId])).toEqual([[post.b, x, y]]);
    // Written anyway, the deferred exclusion constraint refuses it at commit: the other writes here commit, so they overlap nowhere.
    await expect(rebuild([y], '2025-01-02')).rejects.toMatchObject({ driverError: { code: '23P01', constraint: 'appointments_position_no_overlap' } });
    expect(await appointments()).toEqual(before);
    await db.query('DELETE FROM transfers WHERE event_id = $1', [clash]);
  });

  it('rebuilds the whole projection to exactly what incremental writes gave', async () => {
    const incremental = (await appointments()).map(({ id: _id, ...a }) => a);
    const count = await dataSource.transaction((manager) => projection.rebuildAll(manager));
    const rebuilt = (await appointments()).map(({ id: _id, ...a }) => a);
    expect(rebuilt).toEqual(incremental);
    expect(count).toBe(rebuilt.length);
  });
});
