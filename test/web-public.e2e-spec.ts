import type { Page } from 'playwright-core';
import { loadDemo } from '../seeds/load-demo.js';
import { startTestApp, type TestApp } from './support/app.js';
import { BrowserHarness } from './support/browser.js';

/** The public pages in real Chromium, over the Kota Bekasi demo. */
describe('public pages in a browser', () => {
  let t: TestApp;
  let browser: BrowserHarness;
  let eventId: string;
  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
    const res = await t.gql(`{ rotationEvents(from: "2026-02-06", to: "2026-02-06") { edges { node { id } } } }`);
    eventId = res.data.rotationEvents.edges[0].node.id;
    browser = await BrowserHarness.start(await t.app.getUrl());
  });
  afterEach(() => browser.expectClean());
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const rows = (page: Page) => page.locator('table.lampiran tbody tr');

  it('home lists the latest swearing-ins, newest first: the Provinsi\'s move of 17 April 2026, then the 6 February 2026 one, with their head counts', async () => {
    const page = await browser.visit('/', 'home');
    await expect(page.title()).resolves.toBe('Pelantikan dan mutasi pejabat · Mutasi');
    // The demo's move between governments (seeds/README.md) comes after the Kota's ceremony.
    const [first, second] = [page.locator('.cards .card').first(), page.locator('.cards .card').nth(1)];
    await expect(first.innerText()).resolves.toContain('Jumat, 17 April 2026');
    await expect(first.innerText()).resolves.toContain('1 pejabat');
    await expect(second.innerText()).resolves.toContain('Jumat, 6 Februari 2026');
    await expect(second.innerText()).resolves.toContain('61 pejabat');
    await page.context().close();
    // The browser itself refuses anything from elsewhere.
    const res = await t.http().get('/');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self' 'sha256-/);
  });

  it('the swearing-in page shows its decree, the whole lampiran of 61 rows and its summary', async () => {
    const page = await browser.visit(`/pelantikan/${eventId}`, 'event');
    expect(await page.locator('meta[name=description]').getAttribute('content')).toMatch(/^61 pejabat dilantik pada Jumat, 6 Februari 2026/);
    expect(await rows(page).count()).toBe(61);
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toContain('Wali Kota Bekasi');
    expect(facts).toContain('14.00 WIB');
    // The summary's words, not the API's codes.
    const summary = await page.locator('#ringkasan + .charts').innerText();
    expect(summary).toContain('Tugas tambahan');
    expect(summary).not.toMatch(/ADDITIONAL_TASK|ROTATION|III_A/);
    expect(await page.locator('#ringkasan + .charts svg').count()).toBe(3);
    await page.context().close();
  });

  it('filters the lampiran by words and by kind, and sorts it by a column, by keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(`/pelantikan/${eventId}`);
    await page.getByLabel('Saring', { exact: true }).fill('puskesmas');
    await page.getByLabel('Saring', { exact: true }).press('Enter');
    await page.waitForURL(/q=puskesmas/);
    const puskesmas = await rows(page).count();
    expect(puskesmas).toBeGreaterThanOrEqual(17);
    expect(puskesmas).toBeLessThan(61);
    for (const text of await rows(page).allInnerTexts()) expect(text.toLowerCase()).toContain('puskesmas');

    await page.getByLabel('Jenis', { exact: true }).selectOption({ label: 'Tugas tambahan' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/jenis=ADDITIONAL_TASK_START/);
    expect(await rows(page).count()).toBe(7);

    await page.goto(`/pelantikan/${eventId}`);
    await page.getByRole('link', { name: 'Nama' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/urut=nama/);
    const names = await page.locator('table.lampiran tbody tr td:nth-child(2)').allInnerTexts();
    expect(names).toHaveLength(61);
    expect(names).toEqual([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect(await page.locator('th[aria-sort=ascending]').innerText()).toContain('Nama');
    await page.context().close();
  });

  it('switches to English and back, and keeps the choice', async () => {
    const page = await browser.newPage();
    await page.goto(`/pelantikan/${eventId}`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(new RegExp(`/pelantikan/${eventId}$`));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    expect(await page.locator('dl.facts').innerText()).toContain('Friday, 6 February 2026');
    await page.goto('/');
    await expect(page.title()).resolves.toBe('Swearing-ins and transfers of officials · Mutasi');
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('id');
    await page.context().close();
  });

  it('answers an unknown swearing-in with a page that says so, in words', async () => {
    browser.allowStatus.add('404 /pelantikan/999999');
    const page = await browser.visit('/pelantikan/999999', 'not-found');
    expect(await page.locator('main').innerText()).toContain('Tidak ditemukan');
    await page.context().close();
  });

  it('serves the GraphQL explorer from this server alone, also to a browser opening /graphql', async () => {
    const page = await browser.newPage();
    await page.goto('/graphql');
    expect(new URL(page.url()).pathname).toBe('/explorer');
    await page.locator('.graphiql-container').waitFor();
    await page.context().close();
  });
});
