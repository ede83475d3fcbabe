import { appointments, footprint, officials, record, RECORD, unitWithPosts, VALIDATE, eventInput } from './support/rotations.js';
import { startTestApp, type TestApp } from './support/app.js';

describe('recording rotations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('appoints, then rotates, deriving the kinds and rebuilding the history', async () => {
    const { posts } = await unitWithPosts(t, 'SMOKE', 2);
    const [a] = await officials(t, 'Smoke', 1);
    const first = await record(t, [{ officialId: a.id, toPositionCode: posts[0].code }], { swornInOn: '2020-01-06', decreeDate: '2020-01-02' });
    expect(first.event.transfers).toEqual([
      { seq: 1, kind: 'APPOINTMENT', capacity: 'DEFINITIVE', official: { id: a.id, name: a.name }, fromPosition: null, toPosition: { code: 'SMOKE-1' } },
    ]);
    const second = await record(t, [{ nip: a.nip, toPositionId: posts[1].id }], { swornInOn: '2023-02-06', decreeDate: '2023-02-01' });
    expect(second.event.transfers[0]).toMatchObject({ kind: 'ROTATION', fromPosition: { code: 'SMOKE-1' }, toPosition: { code: 'SMOKE-2' } });
    expect(await appointments(t, `p.code LIKE 'SMOKE-%'`)).toEqual([
      { official: a.name, position: 'SMOKE-1', capacity: 'DEFINITIVE', started_on: '2020-01-06', ended_on: '2023-02-06' },
      { official: a.name, position: 'SMOKE-2', capacity: 'DEFINITIVE', started_on: '2023-02-06', ended_on: null },
    ]);
  });
});
