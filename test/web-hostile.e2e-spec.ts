import { loadDemo } from '../seeds/load-demo.js';
import { createOfficial, createOrganization, createPosition } from './factories/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { BrowserHarness } from './support/browser.js';
import { record } from './support/rotations.js';

/** Markup that would run or break the page if it were not escaped. */
const MARKUP = `<script>alert(1)</script>"'</title><img src=x onerror=alert(2)>`;
/** One word longer than a phone is wide, as a pasted code or a typo without spaces makes it. */
const LONG_WORD = 'Perencanaan'.repeat(12);

/** The pages as an outsider attacks them: odd addresses, other methods, hostile data. */
describe('web pages under hostile input', () => {
  let t: TestApp;
  let browser: BrowserHarness;
  let officialId: string;
  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
    const orgId = await createOrganization(t, { code: 'UJI-MARKUP', name: `${MARKUP} Dinas ${LONG_WORD}` });
    await createPosition(t, orgId, { code: 'UJI-MARKUP-KABID', title: `${MARKUP} Kepala Bidang ${LONG_WORD}` });
    officialId = await createOfficial(t, { name: `Budi O'Neil`, honorificPrefix: '<b>Dr.</b>', honorificSuffix: '"><svg onload=alert(3)>' });
    await record(t, [{ officialId, toPositionCode: 'UJI-MARKUP-KABID', kind: 'APPOINTMENT' }], { title: `${MARKUP} Pelantikan`, swornInOn: '2026-03-02' });
    browser = await BrowserHarness.start(await t.app.getUrl());
  });
  afterEach(() => browser.expectClean());
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each(['/pejabat/%00', '/unit/%00/jabatan-kosong', '/jabatan/a%00b', '/kelola/pelantikan/%00'])('%s (a NUL in the address) is a page in words with 400, not the API’s JSON', async (path) => {
    const res = await t.http().get(path);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'self'/);
    expect(res.text).toContain('Teks ini memuat karakter yang tidak diterima.');
    expect(res.text).not.toMatch(/TEXT_INVALID|VALIDATION_FAILED/);
  });

  it('a form or script POSTing to a page’s address gets a 405 page in words; unknown API paths keep their JSON', async () => {
    const res = await t.http().post('/pejabat/1').set('cookie', 'lang=en').send('x=1');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('This page can only be read: open it by its link.');
    const api = await t.http().post('/exports/nope');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/json/);
  });

  it.each(['/unit/UJI-MARKUP', '/jabatan/UJI-MARKUP-KABID', '/unit/UJI-MARKUP/jabatan-kosong?tanggal=2026-03-01'])(
    '%s shows markup in names as text and a very long word within a phone’s width',
    async (path) => {
      const page = await browser.visit(path, `hostile-${path.split('/')[1]}`);
      await expect(page.title()).resolves.toContain(MARKUP);
      await expect(page.locator('main h1').innerText()).resolves.toContain(MARKUP);
      // Nothing of the names became an element.
      expect(await page.locator('img[src="x"], main script, svg[onload]').count()).toBe(0);
      await page.context().close();
    },
  );

  it('a name holding a right-to-left override does not turn the tab title around', async () => {
    const id = await createOfficial(t, { name: 'Siti \u202eAminah' });
    const res = await t.http().get(`/pejabat/${id}`);
    const title = /<title>([^<]*)<\/title>/.exec(res.text)?.[1];
    expect(title).toMatch(/^Siti Aminah\b.* — riwayat jabatan · Mutasi$/);
  });

  it('an official whose titles hold markup: shown as text, charts included', async () => {
    const page = await browser.visit(`/pejabat/${officialId}`, 'hostile-official');
    await expect(page.locator('main h1').innerText()).resolves.toContain('<b>Dr.</b> Budi O\'Neil, "><svg onload=alert(3)>');
    expect(await page.locator('main b, svg[onload], img[src="x"]').count()).toBe(0);
    await page.context().close();
  });
});
