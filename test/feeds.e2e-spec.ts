import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { createOrganization } from './factories/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { eventInput, officials, record, unitWithPosts } from './support/rotations.js';

const AMEND = `mutation ($id: ID!, $v: Int!, $input: RotationEventInput!, $reason: String!) {
  amendRotationEvent(id: $id, expectedVersion: $v, input: $input, reason: $reason) { event { id version } }
}`;

/** Elements that may repeat, as arrays, so a feed of one entry reads like one of many. */
const parseXml = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) }).parse(xml);

describe('Atom feeds', () => {
  let t: TestApp;
  const events: Record<string, string> = {};
  let decreeA: string;

  beforeAll(async () => {
    t = await startTestApp({ FEED_TAG_AUTHORITY: 'mutasi.example.go.id' });
    const parent = await createOrganization(t, { code: 'FEED-PEMKOT', kind: 'GOVERNMENT' });
    const a = await unitWithPosts(t, 'FEED-A', 2, { parentId: parent });
    await unitWithPosts(t, 'FEED-SUB', 1, { parentId: a.unit });
    await unitWithPosts(t, 'FEED-B', 2, { parentId: parent });
    const people = await officials(t, 'Umpan', 4);
    const inputA = eventInput([{ officialId: people[0].id, toPositionCode: 'FEED-A-1' }], { title: 'Pelantikan <Dinas> & "A"', swornInOn: '2026-01-05', decreeDate: '2026-01-02' });
    decreeA = inputA.decreeNumber;
    const a1 = (await t.hr(`mutation ($input: RotationEventInput!) { recordRotationEvent(input: $input) { event { id version } } }`, { input: inputA })).data.recordRotationEvent.event;
    events.a = a1.id;
    events.sub = (await record(t, [{ officialId: people[1].id, toPositionCode: 'FEED-SUB-1' }], { swornInOn: '2026-01-06', decreeDate: '2026-01-02' })).event.id;
    events.b = (await record(t, [{ officialId: people[2].id, toPositionCode: 'FEED-B-1' }], { swornInOn: '2026-01-07', decreeDate: '2026-01-02' })).event.id;
    const res = await t.hr(AMEND, { id: a1.id, v: a1.version, reason: 'Jabatan tujuan salah', input: { ...inputA, transfers: [{ officialId: people[0].id, toPositionCode: 'FEED-A-2' }] } });
    expect(res.errors).toBeUndefined();
  });

  afterAll(() => t?.close());

  const get = (path: string, headers: Record<string, string> = {}) => t.http().get(path).set(headers).buffer(true).parse((res, cb) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (body += chunk));
    res.on('end', () => cb(null, body));
  });

  it('serves new events as Atom with the elements RFC 4287 requires, without a key', async () => {
    const res = await get('/feeds/events.atom');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const { feed } = parseXml(res.body);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('tag:mutasi.example.go.id,2026:events');
    expect(feed.title).toEqual(expect.any(String));
    expect(Date.parse(feed.updated)).not.toBeNaN();
    expect(feed.author.name).toBe('Mutasi');
    expect(feed.link).toContainEqual(expect.objectContaining({ '@rel': 'self', '@href': expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/feeds\/events\.atom$/) }));
    expect(feed.entry.length).toBe(3);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^tag:mutasi\.example\.go\.id,2026:event\/\d+$/);
      expect(entry.title).toEqual(expect.any(String));
      expect(Date.parse(entry.updated)).not.toBeNaN();
      expect(Date.parse(entry.published)).not.toBeNaN();
      expect(entry.link).toContainEqual(expect.objectContaining({ '@rel': 'alternate', '@href': expect.stringMatching(/\/pelantikan\/\d+$/) }));
    }
    // Newest recorded first; the feed's updated is its latest entry's.
    expect(feed.entry.map((e: any) => e.id.split('/').pop())).toEqual([events.b, events.sub, events.a]);
    expect(feed.updated).toBe([...feed.entry.map((e: any) => e.updated)].sort().at(-1));
  });

  it('reads back with a feed parser, in Indonesian words, its markup escaped', async () => {
    const feed = parseFeed((await get('/feeds/events.atom')).body);
    const item = feed.items.find((i) => i.id === `tag:mutasi.example.go.id,2026:event/${events.a}`)!;
    expect(item.title).toBe('Pelantikan <Dinas> & "A"');
    expect(item.url).toMatch(new RegExp(`/pelantikan/${events.a}$`));
    expect(item.description).toBe(`SK ${decreeA} tanggal 2 Januari 2026 (Wali Kota Bekasi): 1 mutasi, dilantik 5 Januari 2026, berlaku (TMT) 5 Januari 2026.`);
    expect(feed.self).toMatch(/\/feeds\/events\.atom$/);
  });

  it('answers 304 with no body to a current ETag or Last-Modified, and a new event changes the ETag', async () => {
    const first = await get('/feeds/events.atom');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[^"]+"$/); // strong
    const lastModified = first.headers['last-modified'];
    const cached = await get('/feeds/events.atom', { 'if-none-match': etag });
    expect(cached.status).toBe(304);
    expect(cached.body).toBe('');
    expect(cached.headers.etag).toBe(etag);
    expect((await get('/feeds/events.atom', { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get('/feeds/events.atom', { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).status).toBe(200);

    const people = await officials(t, 'Baru', 1);
    const added = await record(t, [{ officialId: people[0].id, toPositionCode: 'FEED-B-2' }], { swornInOn: '2026-03-02', decreeDate: '2026-03-02' });
    const after = await get('/feeds/events.atom', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(parseXml(after.body).feed.entry[0].id).toBe(`tag:mutasi.example.go.id,2026:event/${added.event.id}`);
    // The unit feed of A did not change.
    const unit = await get('/feeds/units/FEED-A-UNIT-1/events.atom');
    expect((await get('/feeds/units/FEED-A-UNIT-1/events.atom', { 'if-none-match': unit.headers.etag })).status).toBe(304);
  });

  it('has per unit (with its sub-units) and per post only the events touching them', async () => {
    const ids = async (path: string) => parseXml((await get(path)).body).feed.entry?.map((e: any) => e.id.split('/').pop()) ?? [];
    expect(await ids('/feeds/units/FEED-A-UNIT-1/events.atom')).toEqual([events.sub, events.a]);
    expect(await ids('/feeds/units/FEED-SUB-UNIT-2/events.atom')).toEqual([events.sub]);
    expect(await ids('/feeds/posts/FEED-A-2/events.atom')).toEqual([events.a]);
    expect(await ids('/feeds/posts/FEED-A-1/events.atom')).toEqual([]); // amended away
    const unitFeed = parseXml((await get('/feeds/units/FEED-A-UNIT-1/events.atom')).body).feed;
    expect(unitFeed.id).toBe('tag:mutasi.example.go.id,2026:unit/FEED-A-UNIT-1/events');
    expect((await get('/feeds/units/NOPE/events.atom')).status).toBe(404);
  });

  it('serves corrections with the reason and a short difference, all and per unit', async () => {
    const res = await get('/feeds/corrections.atom');
    expect(res.status).toBe(200);
    const feed = parseFeed(res.body);
    expect(feed.items.map((i) => i.id)).toEqual([`tag:mutasi.example.go.id,2026:correction/${events.a}/2`]);
    const [item] = feed.items;
    expect(item.title).toBe('Koreksi: Pelantikan <Dinas> & "A"');
    expect(item.content).toContain('Alasan: Jabatan tujuan salah');
    expect(item.content).toContain('toCode FEED-A-1 → FEED-A-2');
    expect(parseFeed((await get('/feeds/units/FEED-A-UNIT-1/corrections.atom')).body).items).toHaveLength(1);
    expect(parseFeed((await get('/feeds/units/FEED-B-UNIT-3/corrections.atom')).body).items).toHaveLength(0);
    // Per post: the post the amendment moved the row from, and the one it moved it to; not a post it never touched.
    expect(parseFeed((await get('/feeds/posts/FEED-A-1/corrections.atom')).body).items).toHaveLength(1);
    expect(parseFeed((await get('/feeds/posts/FEED-A-2/corrections.atom')).body).items).toHaveLength(1);
    expect(parseFeed((await get('/feeds/posts/FEED-B-1/corrections.atom')).body).items).toHaveLength(0);
    expect((await get('/feeds/posts/NOPE/corrections.atom')).status).toBe(404);
  });

  it('is advertised by the home page, in its head and beside the latest events', async () => {
    const home = await get('/');
    expect(home.body).toContain('<link rel="alternate" type="application/atom+xml" href="/feeds/events.atom"');
    expect(home.body).toContain('href="/feeds/corrections.atom"');
  });
});
