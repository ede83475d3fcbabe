import type { Page } from 'playwright-core';
import { loadDemo } from '../seeds/load-demo.js';
import { startTestApp, type TestApp } from './support/app.js';
import { BrowserHarness } from './support/browser.js';

/** A day as an Indonesian writes it, worked out here rather than by the pages' own formatter. */
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const inWords = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};

/** The row of a table that names a post, by its link. */
const rowOf = (page: Page, table: string, title: string) => page.locator(`${table} tbody tr`).filter({ has: page.getByRole('link', { name: title, exact: true }) });

/** The unit, vacancies and search pages, and the 404 page, in real Chromium over the Kota Bekasi demo. */
describe('unit, vacancy and search pages in a browser', () => {
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

  it('the DINKES page on 6 February 2026 lists its Puskesmas posts with the head the API names', async () => {
    const res = await t.gql(
      `{ organization(code: "DINKES") { name children { code name } }
         snapshot(organizationCode: "DINKES", on: "2026-02-06", first: 100) { totalCount edges { node { position { title } holder { capacity official { displayName } } } } }
         vacancies(organizationCode: "DINKES", on: "2026-02-06", first: 1) { totalCount } }`,
    );
    const { organization, snapshot, vacancies } = res.data;
    const puskesmas = snapshot.edges.map((e: any) => e.node).filter((n: any) => /Puskesmas/.test(n.position.title));
    expect(puskesmas.length).toBeGreaterThan(5);
    const headed = puskesmas.find((n: any) => n.holder);
    expect(headed).toBeDefined();

    const page = await browser.visit('/unit/DINKES?tanggal=2026-02-06', 'unit');
    await expect(page.title()).resolves.toBe('Dinas Kesehatan (6 Februari 2026) · Mutasi');
    expect(await page.locator('meta[name=description]').getAttribute('content')).toBe(
      `Dinas Kesehatan: ${snapshot.totalCount} jabatan, ${vacancies.totalCount} kosong pada 6 Februari 2026.`,
    );
    expect(await page.locator('h2#jabatan').innerText()).toBe('Jabatan pada Jumat, 6 Februari 2026');
    // Every Puskesmas post of the first page is a row; the head the API names is in his post's row, his capacity in words.
    for (const p of puskesmas) expect(await rowOf(page, 'table.stack', p.position.title).count()).toBe(1);
    const row = await rowOf(page, 'table.stack', headed.position.title).innerText();
    expect(row).toContain(headed.holder.official.displayName);
    if (headed.holder.capacity === 'ADDITIONAL_TASK') expect(row).toContain('Tugas tambahan');
    expect(row).not.toMatch(/ADDITIONAL_TASK|DEFINITIVE/);
    // Its parent and its sub-units are links.
    await expect(page.locator('dl.facts').getByRole('link', { name: 'Pemerintah Kota Bekasi' }).count()).resolves.toBe(1);
    const sub = organization.children[0];
    expect(await page.locator('#sub-unit + ul').getByRole('link', { name: sub.name, exact: true }).getAttribute('href')).toBe(`/unit/${sub.code}`);
    await page.context().close();
  });

  it('marks a vacant post on its unit\'s page with the day it fell vacant, in words', async () => {
    const city = await t.gql(`{ vacancies(organizationCode: "PEMKOT-BKS", on: "2026-02-06", first: 100) { edges { node { position { code title organization { code } } vacantSince } } } }`);
    const vacant = city.data.vacancies.edges.map((e: any) => e.node).find((n: any) => n.vacantSince);
    expect(vacant).toBeDefined();
    const code = vacant.position.organization.code;
    const unit = await t.gql(`query($c: String!) { snapshot(organizationCode: $c, on: "2026-02-06", first: 100) { edges { node { position { code } } } } }`, { c: code });
    expect(unit.data.snapshot.edges.map((e: any) => e.node.position.code)).toContain(vacant.position.code);

    const page = await browser.newPage();
    await page.goto(`/unit/${code}?tanggal=2026-02-06`);
    expect(await rowOf(page, 'table.stack', vacant.position.title).innerText()).toContain(`Kosong sejak ${inWords(vacant.vacantSince)}`);
    await page.context().close();
  });

  it('marks an acting holder (Plt) in the post, in words', async () => {
    const res = await t.gql(`{ position(code: "KEC-JATISAMPURNA-CAMAT") { title organization { code } appointments { capacity startedOn official { displayName } } } }`);
    const { title, organization, appointments } = res.data.position;
    const plt = appointments.find((a: any) => a.capacity === 'ACTING');
    expect(plt).toBeDefined();
    const page = await browser.newPage();
    await page.goto(`/unit/${organization.code}?tanggal=${plt.startedOn}`);
    const row = await rowOf(page, 'table.stack', title).innerText();
    expect(row).toContain(plt.official.displayName);
    expect(row).toContain('Pelaksana Tugas (Plt)');
    await page.context().close();
  });

  it('pages through more than 100 posts by a link that carries the cursor', async () => {
    const first = await t.gql(`{ snapshot(organizationCode: "PEMKOT-BKS", on: "2026-02-06", first: 100) { totalCount pageInfo { endCursor } } }`);
    const { totalCount, pageInfo } = first.data.snapshot;
    expect(totalCount).toBeGreaterThan(100);
    const second = await t.gql(`query($a: String) { snapshot(organizationCode: "PEMKOT-BKS", on: "2026-02-06", first: 100, after: $a) { edges { node { position { title } } } } }`, {
      a: pageInfo.endCursor,
    });
    const page = await browser.newPage();
    await page.goto('/unit/PEMKOT-BKS?tanggal=2026-02-06');
    expect(await page.locator('table.stack tbody tr').count()).toBe(100);
    await page.getByRole('link', { name: '100 berikutnya →' }).click();
    await page.waitForURL(/setelah=/);
    expect(new URL(page.url()).searchParams.get('tanggal')).toBe('2026-02-06');
    expect(await page.locator('table.stack tbody tr').count()).toBe(Math.min(100, totalCount - 100));
    expect(await page.locator('table.stack tbody tr').first().getByRole('link').first().innerText()).toBe(second.data.snapshot.edges[0].node.position.title);
    await page.context().close();
  });

  it('shows, for a unit with moves on 6 February 2026, a post with its holder before and after', async () => {
    const moves = await t.gql(`{ transfers(from: "2026-02-06", to: "2026-02-06", first: 100) { edges { node { toPosition { organization { code } } } } } }`);
    const unitCodes = [...new Set(moves.data.transfers.edges.map((e: any) => e.node.toPosition?.organization.code).filter(Boolean))] as string[];
    let code = '';
    let change: any;
    // The first unit of those whose change list shows someone on both days.
    for (const c of unitCodes) {
      const res = await t.gql(
        `query($c: String!) { changes(organizationCode: $c, from: "2026-01-01", to: "2026-02-07", first: 100) { edges { node { position { code title } before { official { id displayName } } after { official { id displayName } } } } } }`,
        { c },
      );
      change = res.data.changes.edges.map((e: any) => e.node).find((n: any) => n.before && n.after);
      if (change) {
        code = c;
        break;
      }
    }
    expect(change).toBeDefined();

    const page = await browser.newPage();
    await page.goto(`/unit/${code}?tanggal=2026-02-06`);
    await page.getByLabel('Dari tanggal').fill('2026-01-01');
    await page.getByLabel('Sampai tanggal').fill('2026-02-07');
    await page.getByRole('button', { name: 'Bandingkan' }).click();
    await page.waitForURL(/dari=2026-01-01&sampai=2026-02-07/);
    const row = rowOf(page, 'table.changes', change.position.title);
    expect(await row.count()).toBe(1);
    const [, before, after] = await row.locator('td').all();
    expect(await before.getByRole('link').getAttribute('href')).toBe(`/pejabat/${change.before.official.id}`);
    expect(await before.innerText()).toContain(change.before.official.displayName);
    expect(await after.getByRole('link').getAttribute('href')).toBe(`/pejabat/${change.after.official.id}`);
    expect(await after.innerText()).toContain(change.after.official.displayName);
    // The day asked for the posts is kept.
    expect(new URL(page.url()).searchParams.get('tanggal')).toBe('2026-02-06');
    await page.context().close();
  });

  it('lists the vacancies across the city on a day, each with the day it fell vacant in words', async () => {
    const res = await t.gql(`{ governments { code name regionCode } }`);
    const city = res.data.governments.find((g: { regionCode: string }) => g.regionCode === '32.75');
    const vac = await t.gql(
      `query($c: String!) { vacancies(organizationCode: $c, on: "2026-02-06", first: 100) { totalCount edges { node { position { title } vacantSince vacantDays } } } }`,
      { c: city.code },
    );
    const { totalCount, edges } = vac.data.vacancies;
    expect(totalCount).toBeGreaterThan(0);
    const post = edges.map((e: any) => e.node).find((n: any) => n.vacantSince);
    expect(post).toBeDefined();

    const page = await browser.visit(`/unit/${city.code}/jabatan-kosong?tanggal=2026-02-06`, 'vacancies');
    await expect(page.title()).resolves.toBe(`${totalCount} jabatan kosong di ${city.name} pada 6 Februari 2026 · Mutasi`);
    expect(await page.locator('table.vacancies tbody tr').count()).toBe(Math.min(totalCount, 100));
    const row = rowOf(page, 'table.vacancies', post.position.title).first();
    expect(await row.locator('td[data-label="Kosong sejak"]').innerText()).toBe(inWords(post.vacantSince));
    expect(await row.locator('td[data-label="Lama kosong"]').innerText()).toContain(`${post.vacantDays} hari`);
    await page.context().close();
  });

  it('says so when a date cannot be read, instead of failing', async () => {
    browser.allowStatus.add('400 /unit/DINKES');
    const page = await browser.newPage();
    const response = await page.goto('/unit/DINKES?tanggal=2026-02-31');
    expect(response?.status()).toBe(400);
    expect(await page.getByRole('alert').innerText()).toContain('Tanggal “2026-02-31” tidak dapat dibaca');
    await page.context().close();
  });

  it('finds an official by a name with a title and a typo, and a post by its words', async () => {
    const res = await t.gql(`{ officials(first: 50) { edges { node { id name displayName honorificPrefix } } } }`);
    const official = res.data.officials.edges.map((e: any) => e.node).find((o: any) => o.honorificPrefix && o.name.split(' ').some((w: string) => w.length >= 6));
    expect(official).toBeDefined();
    // One letter of the longest word changed, the title kept in front.
    const words: string[] = official.name.split(' ');
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
    const i = Math.floor(longest.length / 2);
    const typo = longest.slice(0, i) + (longest[i] === 'a' ? 'e' : 'a') + longest.slice(i + 1);
    const asked = `${official.honorificPrefix} ${words.map((w) => (w === longest ? typo : w)).join(' ')}`;
    expect(asked).not.toContain(official.name);

    const page = await browser.visit(`/cari?q=${encodeURIComponent(asked)}`, 'search');
    expect(await page.locator('h1').innerText()).toBe(`Hasil pencarian “${asked}”`);
    const found = page.locator('#hasil-pejabat + ul').getByRole('link', { name: official.displayName, exact: true });
    expect(await found.getAttribute('href')).toBe(`/pejabat/${official.id}`);
    await page.context().close();

    // The header's search box, by keyboard.
    const search = await browser.newPage();
    await search.goto('/');
    await search.locator('#site-search').fill('puskesmas jatiraden');
    await search.locator('#site-search').press('Enter');
    await search.waitForURL(/\/cari\?q=puskesmas\+jatiraden/);
    const post = search.locator('#hasil-jabatan + ul').getByRole('link', { name: 'Kepala UPTD Puskesmas Jatiraden', exact: true });
    expect(await post.getAttribute('href')).toBe('/jabatan/PKM-JATIRADEN-KEPALA');
    await search.goto('/cari?q=zzqxv');
    expect(await search.getByRole('status').innerText()).toContain('Tidak ada pejabat, jabatan atau unit kerja yang cocok dengan “zzqxv”');
    await search.goto('/cari');
    await expect(search.title()).resolves.toBe('Cari · Mutasi');
    await search.context().close();
  });

  it('answers an unknown page path or unit with the HTML 404 page, and leaves the API its JSON', async () => {
    browser.allowStatus.add('404 /tidak-ada');
    browser.allowStatus.add('404 /unit/TIDAK-ADA');
    const page = await browser.visit('/tidak-ada', 'page-not-found');
    expect(await page.locator('main h1').innerText()).toBe('Tidak ditemukan');
    await page.goto('/unit/TIDAK-ADA');
    expect(await page.locator('main h1').innerText()).toBe('Tidak ditemukan');
    await page.context().close();

    const english = await t.http().get('/tidak-ada/lagi').set('cookie', 'lang=en');
    expect(english.status).toBe(404);
    expect(english.headers['content-type']).toMatch(/^text\/html/);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('Not found');

    for (const path of ['/exports/a/b', '/imports/1/tidak-ada', '/rotation-events/1/tidak-ada', '/health/tidak-ada', '/assets/tidak-ada.css', '/explorer/tidak-ada']) {
      const res = await t.http().get(path);
      expect([path, res.status, res.headers['content-type']]).toEqual([path, 404, expect.stringMatching(/^application\/json/)]);
    }
    // Under /graphql Apollo answers everything itself, as before.
    expect((await t.http().get('/graphql/tidak-ada')).headers['content-type']).toMatch(/^application\/json/);
    const api = await t.http().get('/graphql?query={__typename}').set('apollo-require-preflight', 'true');
    expect(api.body).toEqual({ data: { __typename: 'Query' } });
    expect((await t.http().get('/health')).status).toBe(200);
  });
});
