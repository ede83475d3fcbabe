import { parseHTML } from 'linkedom';
import { loadDemo } from '../seeds/load-demo.js';
import { createPosition } from './factories/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { officials, record, unitWithPosts } from './support/rotations.js';

const VOID = `mutation ($id: ID!, $v: Int!, $reason: String!) { voidRotationEvent(id: $id, expectedVersion: $v, reason: $reason) { id status } }`;

/** The cells of each row of a page's table, as text. */
const tableRows = (html: string, table: string) =>
  Array.from(parseHTML(html).document.querySelectorAll(`table.${table} tbody tr`), (tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent!.trim()));

describe('voided events are left out unless asked for (issue 17)', () => {
  let t: TestApp;
  let unitId: string;
  let kept: string;
  let voided: string;
  beforeAll(async () => {
    t = await startTestApp();
    const { unit, posts } = await unitWithPosts(t, 'VD', 2);
    unitId = unit;
    const [a, b] = await officials(t, 'Voided', 2);
    kept = (await record(t, [{ officialId: a.id, toPositionId: posts[0].id }, { officialId: b.id, toPositionId: posts[1].id }], { swornInOn: '2025-01-06', decreeDate: '2025-01-02' })).event.id;
    // A swap, then cancelled: the decree was never valid.
    const swap = (await record(t, [{ officialId: a.id, toPositionId: posts[1].id }, { officialId: b.id, toPositionId: posts[0].id }], { swornInOn: '2025-06-02', decreeDate: '2025-05-28' })).event;
    voided = swap.id;
    const res = await t.hr(VOID, { id: voided, v: swap.version, reason: 'SK dibatalkan' });
    expect(res.data.voidRotationEvent).toEqual({ id: voided, status: 'VOIDED' });
  });
  afterAll(() => t.close());

  it('rotationEvents: the voided event is absent by default, present and marked with includeVoided: true', async () => {
    const Q = `query ($org: ID, $all: Boolean!) { rotationEvents(organizationId: $org, includeVoided: $all) { totalCount edges { node { id status } } } }`;
    const plain = (await t.gql(Q, { org: unitId, all: false })).data.rotationEvents;
    expect(plain).toEqual({ totalCount: 1, edges: [{ node: { id: kept, status: 'RECORDED' } }] });
    // Without a unit too: the default leaves it out everywhere.
    const everywhere = await t.gql(`{ rotationEvents { edges { node { id } } } }`);
    expect(everywhere.data.rotationEvents.edges.map((e: any) => e.node.id)).not.toContain(voided);
    const all = (await t.gql(Q, { org: unitId, all: true })).data.rotationEvents;
    expect(all).toEqual({ totalCount: 2, edges: [{ node: { id: voided, status: 'VOIDED' } }, { node: { id: kept, status: 'RECORDED' } }] });
  });

  it('transfers: the voided lampiran is absent by default, present with its event marked VOIDED with includeVoided: true', async () => {
    const Q = `query ($org: ID, $all: Boolean!) { transfers(organizationId: $org, includeVoided: $all) { totalCount edges { node { seq event { id status } } } } }`;
    const rows = (res: any) => res.data.transfers.edges.map((e: any) => [e.node.event.id, e.node.event.status, e.node.seq]);
    const plain = await t.gql(Q, { org: unitId, all: false });
    expect(plain.data.transfers.totalCount).toBe(2);
    expect(rows(plain)).toEqual([[kept, 'RECORDED', 1], [kept, 'RECORDED', 2]]);
    const all = await t.gql(Q, { org: unitId, all: true });
    expect(all.data.transfers.totalCount).toBe(4);
    expect(rows(all)).toEqual([[kept, 'RECORDED', 1], [kept, 'RECORDED', 2], [voided, 'VOIDED', 1], [voided, 'VOIDED', 2]]);
  });

  it('movers: moves of a voided event do not count by default, and do with includeVoided: true', async () => {
    const Q = `query ($org: ID, $all: Boolean!, $min: Int!) { movers(organizationId: $org, includeVoided: $all, minMoves: $min) { totalCount edges { node { moves lastMoveOn } } } }`;
    const plain = (await t.gql(Q, { org: unitId, all: false, min: 1 })).data.movers;
    expect(plain.edges.map((e: any) => e.node)).toEqual([
      { moves: 1, lastMoveOn: '2025-01-06' },
      { moves: 1, lastMoveOn: '2025-01-06' },
    ]);
    expect((await t.gql(Q, { org: unitId, all: false, min: 2 })).data.movers.totalCount).toBe(0);
    const all = (await t.gql(Q, { org: unitId, all: true, min: 2 })).data.movers;
    expect(all.edges.map((e: any) => e.node)).toEqual([
      { moves: 2, lastMoveOn: '2025-06-02' },
      { moves: 2, lastMoveOn: '2025-06-02' },
    ]);
  });

  it('rotationEvent(id) still answers for a voided event, with its own summary: a link does not break', async () => {
    const res = await t.gql(`query ($id: ID!) { rotationEvent(id: $id) { status voidReason summary { transfers } transfers { seq } } }`, { id: voided });
    expect(res.data.rotationEvent).toEqual({ status: 'VOIDED', voidReason: 'SK dibatalkan', summary: { transfers: 2 }, transfers: [{ seq: 1 }, { seq: 2 }] });
    const page = await t.http().get(`/pelantikan/${voided}`);
    expect(page.status).toBe(200);
  });

  it('the home page lists the recorded event and not the voided one', async () => {
    const res = await t.http().get('/');
    expect(res.status).toBe(200);
    const links = Array.from(parseHTML(res.text).document.querySelectorAll('.cards a'), (a) => a.getAttribute('href'));
    expect(links).toContain(`/pelantikan/${kept}`);
    expect(links).not.toContain(`/pelantikan/${voided}`);
  });
});

describe('changes covers posts established or abolished between the two days (issue 17)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
  });
  afterAll(() => t.close());

  const CHANGES = `query ($code: String, $org: ID, $from: Date!, $to: Date!) {
    changes(organizationCode: $code, organizationId: $org, from: $from, to: $to, first: 100) {
      totalCount edges { node { position { code } existedBefore existedAfter before { official { name } } after { capacity official { name } } } } } }`;

  it('DINKES from 2026-01-01 to 2026-02-07 includes the Puskesmas Jatiraden head, established on 2 January, with its head after', async () => {
    const res = await t.gql(CHANGES, { code: 'DINKES', from: '2026-01-01', to: '2026-02-07' });
    expect(res.errors).toBeUndefined();
    const jatiraden = res.data.changes.edges.map((e: any) => e.node).find((n: any) => n.position.code === 'PKM-JATIRADEN-KEPALA');
    expect(jatiraden).toMatchObject({ existedBefore: false, existedAfter: true, before: null, after: { capacity: 'ADDITIONAL_TASK' } });
    const holder = await t.gql(`{ position(code: "PKM-JATIRADEN-KEPALA") { holder(on: "2026-02-07") { definitive { official { name } } } } }`);
    expect(jatiraden.after.official.name).toBe(holder.data.position.holder.definitive.official.name);
    // Every other post existed on both days.
    expect(res.data.changes.edges.filter((e: any) => !(e.node.existedBefore && e.node.existedAfter))).toHaveLength(1);
  });

  it('an abolished post appears with "no post" after, a new one with "no post" before; posts that existed on neither day, or did not change, do not', async () => {
    const { unit, posts } = await unitWithPosts(t, 'CHG', 1);
    const old = await createPosition(t, unit, { code: 'CHG-OLD', abolishedOn: '2025-03-01' });
    const created = await createPosition(t, unit, { code: 'CHG-NEW', establishedOn: '2025-03-01' });
    await createPosition(t, unit, { code: 'CHG-EMPTY', establishedOn: '2025-03-15' });
    await createPosition(t, unit, { code: 'CHG-BRIEF', establishedOn: '2025-02-10', abolishedOn: '2025-03-10' });
    const [mover, stayer] = await officials(t, 'Berubah', 2);
    await record(t, [{ officialId: mover.id, toPositionId: old }, { officialId: stayer.id, toPositionId: posts[0].id }], { swornInOn: '2025-01-06', decreeDate: '2025-01-02' });
    await record(t, [{ officialId: mover.id, toPositionId: created }], { swornInOn: '2025-03-01', decreeDate: '2025-02-26' });

    const res = await t.gql(CHANGES, { org: unit, from: '2025-02-01', to: '2025-04-01' });
    expect(res.errors).toBeUndefined();
    const name = (a: any) => a?.official.name ?? null;
    expect(res.data.changes.edges.map(({ node: n }: any) => [n.position.code, n.existedBefore, name(n.before), n.existedAfter, name(n.after)])).toEqual([
      ['CHG-OLD', true, mover.name, false, null],
      ['CHG-NEW', false, null, true, mover.name],
      ['CHG-EMPTY', false, null, true, null],
    ]);
    expect(res.data.changes.totalCount).toBe(3);

    // The unit page says which side had no post.
    const code = (await t.gql(`query ($id: ID) { organization(id: $id) { code } }`, { id: unit })).data.organization.code;
    const page = await t.http().get(`/unit/${code}?dari=2025-02-01&sampai=2025-04-01`);
    expect(page.status).toBe(200);
    const rows = tableRows(page.text, 'changes');
    expect(rows).toHaveLength(3);
    expect(rows[0][2]).toBe('Jabatan dihapus');
    expect(rows[1][1]).toBe('Belum ada jabatan');
    expect(rows[2].slice(1)).toEqual(['Belum ada jabatan', 'Kosong']);
    const english = await t.http().get(`/unit/${code}?dari=2025-02-01&sampai=2025-04-01`).set('cookie', 'lang=en');
    expect(tableRows(english.text, 'changes')[0][2]).toBe('Post abolished');
  });
});
