import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { loadDemo } from '../seeds/load-demo.js';
import { startTestApp, type TestApp } from './support/app.js';
import { BrowserHarness } from './support/browser.js';

/** The analyst's download page (/unduh) in real Chromium, over the Kota Bekasi demo. */
describe('download page in a browser', () => {
  let t: TestApp;
  let browser: BrowserHarness;
  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
    browser = await BrowserHarness.start(await t.app.getUrl());
  });
  afterEach(() => browser.expectClean());
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Clicks a link and returns the file the browser saved, as text. */
  async function downloadBy(page: Page, linkName: string): Promise<{ name: string; text: string; bytes: number }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName, exact: true }).click()]);
    const content = await readFile((await download.path())!);
    return { name: download.suggestedFilename(), text: content.toString('utf8'), bytes: content.length };
  }

  const csvRows = (text: string): Record<string, string>[] => parse(text, { columns: true, skip_empty_lines: true });
  const header = (text: string): string[] => text.slice(0, text.indexOf('\r\n')).split(',');

  /** What the API says the transfers export should hold: recorded transfers under the same filters. */
  async function transferCount(filters: string): Promise<number> {
    const res = await t.gql(`{ transfers(first: 1${filters ? `, ${filters}` : ''}) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    return res.data.transfers.totalCount;
  }

  it('offers every export, with the personal columns explained, and passes axe at both widths', async () => {
    const page = await browser.visit('/unduh', 'downloads');
    await expect(page.title()).resolves.toBe('Unduh data · Mutasi');
    const links = await page.locator('a[data-export]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/exports/appointments.csv', '/exports/appointments.ndjson', '/exports/appointments.xlsx', '/exports/transfers.csv', '/exports/transfers.xlsx', '/exports/popolo.json']);
    const explained = await page.locator('section[aria-labelledby=kunci]').innerText();
    expect(explained).toContain('NIP, tanggal lahir dan jenis kelamin');
    // The script replaced the no-script words with the sign-in box.
    await expect(page.getByLabel('Kunci API', { exact: true }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('without a key, the CSV link downloads the public columns only, every transfer the API counts', async () => {
    const page = await browser.newPage();
    await page.goto('/unduh');
    const file = await downloadBy(page, 'Unduh transfers.csv');
    expect(file.name).toBe('transfers.csv');
    expect(header(file.text)).toContain('official_name');
    expect(header(file.text)).not.toContain('nip');
    const rows = csvRows(file.text);
    expect(rows.length).toBe(await transferCount(''));
    expect(rows.length).toBeGreaterThan(61);
    // The plain link shows nothing of its own: no script took it over.
    await expect(page.locator('[data-status-for="transfers.csv"]').innerText()).resolves.toBe('');
    await page.context().close();
  });

  it('with an analyst key pasted, downloads the file with NIPs through the script and shows its size', async () => {
    const page = await browser.newPage();
    await page.goto('/unduh');
    const secret = t.auth.ANALYST.authorization.replace(/^Bearer /, '');
    await page.getByLabel('Kunci API', { exact: true }).fill(secret);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.locator('#analyst-key').innerText()).resolves.toContain('Kunci API tersimpan di tab ini');
    expect(page.url()).not.toContain(secret);
    await browser.axe(page, 'downloads with a key');

    const file = await downloadBy(page, 'Unduh appointments.csv');
    expect(file.name).toBe('appointments.csv');
    expect(header(file.text)).toContain('nip');
    const rows = csvRows(file.text);
    const anonymous = csvRows((await t.http().get('/exports/appointments.csv')).text);
    expect(rows.length).toBe(anonymous.length);
    expect(rows.filter((r) => /^\d{18}$/.test(r.nip)).length).toBeGreaterThan(rows.length / 2);
    // The size shown is the size saved, to the byte (written as Indonesians group digits).
    const status = page.locator('[data-status-for="appointments.csv"]');
    await expect(status.innerText()).resolves.toMatch(/^Selesai: [\d,]+ kB/);
    expect(await status.locator('.bytes').innerText()).toBe(file.bytes.toLocaleString('id-ID'));
    await browser.screenshot(page, 'downloads-with-key');

    // Signing out brings the plain links back: the next download is public again.
    await page.getByRole('button', { name: 'Keluar' }).click();
    const after = await downloadBy(page, 'Unduh transfers.csv');
    expect(header(after.text)).not.toContain('nip');
    await page.context().close();
  });

  it('a wrong key is refused in words, not served as anonymous', async () => {
    const page = await browser.newPage();
    await page.goto('/unduh');
    browser.allowStatus.add('401 /exports/transfers.xlsx');
    await page.getByLabel('Kunci API', { exact: true }).fill('mts_not-a-real-key');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('link', { name: 'Unduh transfers.xlsx', exact: true }).click();
    const status = page.locator('[data-status-for="transfers.xlsx"] .notice.error');
    await status.waitFor();
    expect(await status.innerText()).toBe('Kunci API ini tidak dikenal atau sudah dicabut.');
    await page.context().close();
  });

  it('filters by unit and by kind change what is downloaded, as the API counts it', async () => {
    const page = await browser.newPage();
    await page.goto('/unduh');
    await page.getByLabel('Kode unit kerja', { exact: true }).fill('DINKES');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/unit=DINKES/);
    expect(await page.locator('#dl-active').innerText()).toContain('Dinas Kesehatan (DINKES) dan sub-unitnya');
    const dinkes = csvRows((await downloadBy(page, 'Unduh transfers.csv')).text);
    const expected = await transferCount('organizationCode: "DINKES"');
    expect(dinkes.length).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(await transferCount(''));

    await page.getByLabel('Jenis mutasi (perpindahan)', { exact: true }).selectOption({ label: 'Tugas tambahan' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/jenis=ADDITIONAL_TASK_START/);
    const tasks = csvRows((await downloadBy(page, 'Unduh transfers.csv')).text);
    expect(tasks.length).toBe(await transferCount('organizationCode: "DINKES", kind: ADDITIONAL_TASK_START'));
    expect(tasks.length).toBeGreaterThan(0);
    for (const row of tasks) expect(row.kind).toBe('ADDITIONAL_TASK_START');
    // The kind applies to transfers only: the appointments link does not carry it.
    expect(await page.getByRole('link', { name: 'Unduh appointments.csv', exact: true }).getAttribute('href')).toBe('/exports/appointments.csv?organizationCode=DINKES');
    await page.context().close();
  });

  it('an unknown unit or a reversed date range is said in words, and no broken link is offered', async () => {
    const page = await browser.newPage();
    await page.goto('/unduh?unit=TIDAK-ADA&dari=2026-03-01&sampai=2026-02-01');
    const alert = await page.getByRole('alert').innerText();
    expect(alert).toContain('Tidak ada unit kerja berkode “TIDAK-ADA”.');
    expect(alert).toContain('Tanggal akhir lebih awal daripada tanggal mulai.');
    await expect(page.locator('a[data-export]').count()).resolves.toBe(0);
    await page.context().close();
  });
});
