import { XMLParser } from 'fast-xml-parser';
import { parseFeed } from '@rowanmanning/feed-parser';
import { loadDemo } from '../seeds/load-demo.js';
import { createOrganization } from './factories/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { BrowserHarness } from './support/browser.js';
import { officials, record, unitWithPosts } from './support/rotations.js';

const parseXml = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) }).parse(xml);

/**
 * The public pages and feeds across governments: the Kota Bekasi demo (32.75), the template's
 * test government (99.01), and one more government with a swearing-in of its own.
 */
describe('governments on the public pages and feeds', () => {
  let t: TestApp;
  let browser: BrowserHarness;
  let other: { code: string; regionCode: string; name: string };
  let otherEvent: { id: string; title: string; version: number };
  let bekasiEvents: number;

  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
    const id = await createOrganization(t, { kind: 'GOVERNMENT', name: 'Pemerintah Kabupaten Lain' });
    const res = await t.gql(`query ($id: ID!) { organization(id: $id) { code regionCode name } }`, { id });
    other = res.data.organization;
    await unitWithPosts(t, 'LAIN', 1, { parentId: id });
    const [person] = await officials(t, 'Pejabat Lain', 1, { government: other.code });
    const recorded = await record(t, [{ officialId: person.id, toPositionCode: 'LAIN-1' }], { title: 'Pelantikan Kabupaten Lain', issuer: 'Bupati Lain', swornInOn: '2026-03-02' });
    otherEvent = { id: recorded.event.id, title: 'Pelantikan Kabupaten Lain', version: recorded.event.version };
    bekasiEvents = (await t.gql(`{ rotationEvents(government: "32.75") { totalCount } }`)).data.rotationEvents.totalCount;
    browser = await BrowserHarness.start(await t.app.getUrl());
  });
  afterEach(() => browser.expectClean());
  /** The body as text, whatever the type (supertest leaves Atom and CSV unread). */
  const get = async (path: string) => {
    const res = await t.http().get(path).buffer(true).parse((r, cb) => {
      let body = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => (body += chunk));
      r.on('end', () => cb(null, body));
    });
    return { status: res.status, headers: res.headers, text: res.body as string };
  };
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('home lists every government with its type and region code in words, each linking to its page', async () => {
    const page = await browser.visit('/', 'home-governments');
    const items = await page.locator('ul.governments li').allInnerTexts();
    const held = (await t.gql(`{ governments { code } }`)).data.governments;
    expect(items).toHaveLength(held.length);
    expect(items).toContainEqual(expect.stringContaining('Pemerintah Kota Bekasi · Kota · kode wilayah 32.75'));
    expect(items).toContainEqual(expect.stringContaining('Pemerintah Daerah Uji · Kota · kode wilayah 99.01'));
    expect(items).toContainEqual(expect.stringContaining(`${other.name} · Kota · kode wilayah ${other.regionCode}`));
    expect(await page.getByRole('link', { name: 'Pemerintah Kota Bekasi', exact: true }).getAttribute('href')).toBe('/pemerintah/32.75');
    await page.context().close();
  });

  it('/pemerintah/32.75 is Kota Bekasi’s page, with its type, region code and feeds; a unit under a dinas names its government', async () => {
    const page = await browser.visit('/pemerintah/32.75', 'government');
    await expect(page.locator('h1').innerText()).resolves.toBe('Pemerintah Kota Bekasi');
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toMatch(/Kode wilayah\s+32\.75/);
    expect(facts).toMatch(/Jenis\s+Kota/);
    expect(await page.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('href')).toBe('/feeds/pemerintah/32.75/events.atom');
    // Its sub-units are those of the unit page itself.
    await page.locator('#sub-unit + ul').getByRole('link', { name: 'Dinas Kesehatan', exact: true }).click();
    await page.waitForURL(/\/unit\/DINKES$/);
    await page.locator('#sub-unit + ul a').first().click();
    await page.waitForURL((url) => !url.pathname.endsWith('/DINKES'));
    expect(await page.locator('dl.facts').innerText()).toMatch(/Pemerintah\s+Pemerintah Kota Bekasi \(32\.75\)/);
    await page.context().close();

    browser.allowStatus.add('404 /pemerintah/00.99');
    // A page's address like the others: a form POSTing to it is refused in words, a NUL is the reader's 400.
    const posted = await t.http().post('/pemerintah/32.75').send('x=1');
    expect(posted.status).toBe(405);
    expect(posted.headers['content-type']).toMatch(/^text\/html/);
    const nul = await t.http().get('/pemerintah/%00');
    expect(nul.status).toBe(400);
    expect(nul.text).toContain('Teks ini memuat karakter yang tidak diterima.');

    const missing = await browser.newPage();
    const res = await missing.goto('/pemerintah/00.99');
    expect(res?.status()).toBe(404);
    expect(await missing.locator('main').innerText()).toContain('Tidak ditemukan');
    await missing.context().close();
  });

  it('narrows the home page’s swearing-ins to one government by a select, and says an unknown one', async () => {
    const page = await browser.newPage();
    await page.goto('/');
    const all = await page.locator('.cards .card').allInnerTexts();
    expect(all.some((c) => c.includes(otherEvent.title))).toBe(true);

    await page.getByRole('combobox', { name: 'Pemerintah', exact: true }).selectOption(other.regionCode);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(new RegExp(`pemerintah=${other.regionCode.replace('.', '\\.')}`));
    expect(await page.locator('.cards .card a').allInnerTexts()).toEqual([otherEvent.title]);
    expect(await page.locator('#latest').innerText()).toBe(`Pelantikan terbaru: ${other.name}`);
    expect(await page.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('href')).toBe(`/feeds/pemerintah/${other.regionCode}/events.atom`);

    await page.goto('/?pemerintah=32.75');
    const bekasi = await page.locator('.cards .card').allInnerTexts();
    expect(bekasi.length).toBe(Math.min(20, bekasiEvents));
    expect(bekasi.some((c) => c.includes(otherEvent.title))).toBe(false);
    expect(await page.locator('[role=status]').first().innerText()).toContain(`${bekasiEvents} pelantikan menyangkut Pemerintah Kota Bekasi`);
    await page.context().close();

    browser.allowStatus.add('400 /');
    const unknown = await browser.visit('/?pemerintah=00.99', 'home-unknown-government');
    expect(await unknown.locator('[role=alert]').innerText()).toContain('Tidak ada pemerintah berkode “00.99”');
    expect(await unknown.locator('.cards .card').count()).toBe(all.length);
    await unknown.context().close();
  });

  it('search spans every government and names each result’s government', async () => {
    const page = await browser.visit('/cari?q=LAIN', 'search-governments');
    const units = await page.locator('section[aria-labelledby=hasil-unit] li').allInnerTexts();
    expect(units).toContainEqual(expect.stringContaining(`${other.name}\nPemerintah · Kota · kode wilayah ${other.regionCode}`));
    // Its unit names the government it belongs to.
    expect(units.some((u) => u.includes('di bawah') && u.includes(`${other.name} (${other.regionCode})`))).toBe(true);
    await page.goto('/cari?q=Dinas Kesehatan');
    const posts = await page.locator('section[aria-labelledby=hasil-jabatan] li').allInnerTexts();
    expect(posts.length).toBeGreaterThan(0);
    for (const p of posts) expect(p).toMatch(/Pemerintah [^()]+ \((\d\d)(\.\d\d)?\)/);
    await page.context().close();
  });

  it('the downloads page adds government= to every export link, and the export answers', async () => {
    const page = await browser.visit('/unduh', 'downloads-governments');
    await page.getByRole('combobox', { name: 'Pemerintah', exact: true }).selectOption('32.75');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/pemerintah=32\.75/);
    expect(await page.locator('#dl-active').innerText()).toContain('pemerintah Pemerintah Kota Bekasi (32.75)');
    const links = await page.locator('a[data-export]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links).toHaveLength(6);
    for (const href of links) expect(new URL(href, 'http://x').searchParams.get('government')).toBe('32.75');
    await page.context().close();

    const transfers = await get(`/exports/transfers.csv?government=${other.regionCode}`);
    expect(transfers.status).toBe(200);
    expect(transfers.text).toContain('Pejabat Lain A');
    expect(transfers.text).not.toContain('Dinas Kesehatan');

    // A unit of another government than the chosen one is said before any download fails.
    const mismatch = await browser.newPage();
    await mismatch.goto(`/unduh?pemerintah=${other.regionCode}&unit=DINKES`);
    expect(await mismatch.locator('[role=alert]').innerText()).toContain('bukan bagian dari pemerintah');
    expect(await mismatch.locator('a[data-export]').count()).toBe(0);
    await mismatch.context().close();
  });

  it('serves valid Atom feeds per government, with only the events and corrections touching it', async () => {
    const res = await get(`/feeds/pemerintah/${other.regionCode}/events.atom`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const parsed = parseFeed(res.text);
    expect(parsed.title).toBe(`Pelantikan baru: ${other.name} · Mutasi`);
    expect(parsed.items.map((i) => i.title)).toEqual([otherEvent.title]);
    const { feed } = parseXml(res.text);
    expect(feed.id).toBe(`tag:mutasi.local,2026:government/${other.code}/events`);
    expect(feed.link).toContainEqual(expect.objectContaining({ '@rel': 'self', '@href': expect.stringMatching(new RegExp(`/feeds/pemerintah/${other.regionCode.replace('.', '\\.')}/events\\.atom$`)) }));
    expect(feed.entry[0].link).toContainEqual(expect.objectContaining({ '@rel': 'alternate', '@href': expect.stringMatching(new RegExp(`/pelantikan/${otherEvent.id}$`)) }));

    // The government's feed is its top unit's: the same entries under another address.
    const bekasi = parseXml((await get('/feeds/pemerintah/32.75/events.atom')).text).feed;
    const unit = parseXml((await get('/feeds/units/PEMKOT-BKS/events.atom')).text).feed;
    expect(bekasi.entry.map((e: { id: string }) => e.id)).toEqual(unit.entry.map((e: { id: string }) => e.id));
    expect(bekasi.entry.length).toBe(Math.min(50, bekasiEvents));
    expect(bekasi.entry.map((e: { title: string }) => e.title)).not.toContain(otherEvent.title);

    // A correction of the other government's event is in its corrections feed only (the last test: the event is voided).
    const voided = await t.hr(`mutation ($id: ID!, $v: Int!) { voidRotationEvent(id: $id, expectedVersion: $v, reason: "SK salah") { id } }`, { id: otherEvent.id, v: otherEvent.version });
    expect(voided.errors).toBeUndefined();
    const otherCorrections = parseFeed((await get(`/feeds/pemerintah/${other.regionCode}/corrections.atom`)).text);
    expect(otherCorrections.items.map((i) => i.title)).toEqual([`Pembatalan: ${otherEvent.title}`]);
    const corrections = await get('/feeds/pemerintah/32.75/corrections.atom');
    expect(corrections.status).toBe(200);
    const bekasiCorrections = parseFeed(corrections.text);
    expect(bekasiCorrections.title).toBe('Koreksi: Pemerintah Kota Bekasi · Mutasi');
    expect(bekasiCorrections.items.map((i) => i.title)).not.toContain(`Pembatalan: ${otherEvent.title}`);
    // By code too; an unknown government is a 404.
    expect((await get('/feeds/pemerintah/PEMKOT-BKS/events.atom')).status).toBe(200);
    expect((await get('/feeds/pemerintah/00.99/events.atom')).status).toBe(404);
  });
});
