import type { Page } from 'playwright-core';
import { loadDemo } from '../seeds/load-demo.js';
import { formatDay } from '../src/web/i18n/dates.js';
import { startTestApp, type TestApp } from './support/app.js';
import { BrowserHarness } from './support/browser.js';

const CAMAT = 'KEC-JATISAMPURNA-CAMAT';

interface Holder {
  capacity: string;
  startedOn: string;
  endedOn: string | null;
  official: { id: string; displayName: string };
}

/** An official's and a post's pages in real Chromium, over the Kota Bekasi demo. */
describe('official and post pages in a browser', () => {
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

  const holderOnDay = (page: Page) => page.locator('#pemegang-hari').innerText();
  const holderRows = (page: Page) => page.locator('table.holders tbody tr');

  it('shows the Plt of Camat Jatisampurna the day before 6 February 2026 and the definitive camat from that day, on a timeline and in a table', async () => {
    const res = await t.gql<{ position: { before: { heads: Holder[]; acting: Holder[] }; on: { heads: Holder[]; acting: Holder[] }; appointments: Holder[] } }>(
      `query ($code: String!) { position(code: $code) {
        before: holder(on: "2026-02-05") { heads { ...H } acting { ...H } }
        on: holder(on: "2026-02-06") { heads { ...H } acting { ...H } }
        appointments { ...H }
      } }
      fragment H on Appointment { capacity startedOn endedOn official { id displayName } }`,
      { code: CAMAT },
    );
    const { before, on, appointments } = res.data!.position;
    // The story the demo tells: vacant with a Plt, then a definitive camat sworn in that day.
    expect(before.heads).toEqual([]);
    expect(before.acting).toHaveLength(1);
    expect(before.acting[0].capacity).toBe('ACTING');
    expect(on.heads).toHaveLength(1);
    expect(on.heads[0].capacity).toBe('DEFINITIVE');
    expect(on.heads[0].startedOn).toBe('2026-02-06');
    const plt = before.acting[0];

    const page = await browser.visit(`/jabatan/${CAMAT}?tanggal=2026-02-05`, 'post');
    await expect(page.title()).resolves.toBe('Camat Jatisampurna — pemegang jabatan · Mutasi');
    expect(await page.locator('meta[name=description]').getAttribute('content')).toContain('Pada 5 Februari 2026: kosong');
    const dayBefore = await holderOnDay(page);
    expect(dayBefore).toContain('Kamis, 5 Februari 2026');
    expect(dayBefore).toContain('Kosong');
    expect(dayBefore).toContain(`${plt.official.displayName} Pelaksana Tugas (Plt)`);
    expect(dayBefore).not.toContain('ACTING');

    // The whole history: the Plt period is a row of its own, in words, with its dates and decrees.
    expect(await holderRows(page).count()).toBe(appointments.length + 1);
    const pltRow = holderRows(page).filter({ hasText: 'Pelaksana Tugas (Plt)' });
    expect(await pltRow.count()).toBe(1);
    expect(await pltRow.locator('td[data-label=Pejabat]').innerText()).toBe(plt.official.displayName);
    expect(await pltRow.locator('td[data-label=Mulai]').innerText()).toBe(formatDay('id', plt.startedOn));
    expect(await pltRow.locator('td[data-label=Sampai]').innerText()).toBe('6 Februari 2026');
    expect(await pltRow.locator('td[data-label="Diakhiri dengan"] a').getAttribute('href')).toBe(`/pelantikan/${eventId}`);
    // And on the timeline, drawn as Plt beside the vacancy it filled.
    const timeline = page.locator('#riwayat ~ .chart');
    expect(await timeline.locator('svg[role=img]').count()).toBeGreaterThanOrEqual(1);
    const bars = await timeline.locator('svg title').allTextContents();
    expect(bars).toContain(`${plt.official.displayName}: ${formatDay('id', plt.startedOn)} – 6 Februari 2026 (Pelaksana Tugas (Plt))`);
    expect(bars).toContain(`Kosong: ${formatDay('id', plt.startedOn)} – 6 Februari 2026`);

    // The date form, by keyboard: the definitive camat from 6 February 2026.
    await page.getByLabel('Tanggal', { exact: true }).fill('2026-02-06');
    await page.getByLabel('Tanggal', { exact: true }).press('Enter');
    await page.waitForURL(/tanggal=2026-02-06/);
    const onTheDay = await holderOnDay(page);
    expect(onTheDay).toContain('Jumat, 6 Februari 2026');
    expect(onTheDay).toContain(`${on.heads[0].official.displayName} Definitif`);
    expect(onTheDay).not.toContain('Kosong');
    expect(onTheDay).not.toContain('Plt');
    await page.context().close();
  });

  it('shows a Puskesmas headed by additional task, in words', async () => {
    const res = await t.gql(
      `{ positions(category: UNIT_HEAD, search: "puskesmas", first: 100) { edges { node {
        code title organization { name kind } holder(on: "2026-02-06") { heads { capacity official { displayName } } }
      } } } }`,
    );
    const posts: { code: string; title: string; organization: { name: string; kind: string }; holder: { heads: { capacity: string; official: { displayName: string } }[] } }[] =
      res.data.positions.edges.map((e: { node: unknown }) => e.node);
    const post = posts.find((p) => p.organization.kind === 'TECHNICAL_UNIT' && p.organization.name.startsWith('UPTD Puskesmas') && p.holder.heads[0]?.capacity === 'ADDITIONAL_TASK');
    expect(post).toBeDefined();

    const page = await browser.newPage();
    await page.goto(`/jabatan/${post!.code}?tanggal=2026-02-06`);
    await expect(page.locator('h1').innerText()).resolves.toBe(post!.title);
    expect(await page.locator('dl.facts').innerText()).toContain('Kepala UPTD');
    const held = await holderOnDay(page);
    expect(held).toContain(`${post!.holder.heads[0].official.displayName} Tugas tambahan`);
    expect(held).not.toContain('Kosong');
    expect(await page.content()).not.toContain('ADDITIONAL_TASK');
    await page.context().close();
  });

  it('lists the post before and after 6 February 2026 in the career of a moved official, each linked to that decree; the event page links there', async () => {
    const res = await t.gql(
      `query ($id: ID!) { rotationEvent(id: $id) { transfers { kind capacity official { id displayName } fromPosition { code title } toPosition { code title } } } }`,
      { id: eventId },
    );
    const move = res.data.rotationEvent.transfers.find(
      (r: { kind: string; capacity: string; fromPosition: unknown; toPosition: unknown }) => r.kind === 'ROTATION' && r.capacity === 'DEFINITIVE' && r.fromPosition && r.toPosition,
    );
    expect(move).toBeDefined();

    // From the swearing-in's lampiran to the official, by the link in the row.
    const page = await browser.newPage();
    await page.goto(`/pelantikan/${eventId}`);
    await page.locator('table.lampiran').getByRole('link', { name: move.official.displayName, exact: true }).click();
    await page.waitForURL(new RegExp(`/pejabat/${move.official.id}$`));
    await expect(page.locator('h1').innerText()).resolves.toBe(move.official.displayName);
    await expect(page.title()).resolves.toBe(`${move.official.displayName} — riwayat jabatan · Mutasi`);
    expect(await page.locator('meta[name=description]').getAttribute('content')).toContain(`${move.toPosition.title} sejak 6 Februari 2026`);

    const careerRow = (title: string) => page.locator('table.career tbody tr').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    const before = careerRow(move.fromPosition.title);
    const after = careerRow(move.toPosition.title);
    expect(await before.count()).toBe(1);
    expect(await after.count()).toBe(1);
    expect(await before.locator('td[data-label=Sampai]').innerText()).toBe('6 Februari 2026');
    expect(await before.locator('td[data-label="Diakhiri dengan"] a').getAttribute('href')).toBe(`/pelantikan/${eventId}`);
    expect(await after.locator('td[data-label=Mulai]').innerText()).toBe('6 Februari 2026');
    expect(await after.locator('td[data-label=Sampai]').innerText()).toBe('sekarang');
    expect(await after.locator('td[data-label="Dimulai dengan"] a').getAttribute('href')).toBe(`/pelantikan/${eventId}`);
    expect(await after.locator('td[data-label="Dimulai dengan"]').innerText()).toContain('Rotasi, 6 Februari 2026');
    expect(await page.locator('dl.facts').innerText()).toContain(move.toPosition.title);

    // And from the lampiran's post link to the post, whose holder today is this official.
    await page.goto(`/pelantikan/${eventId}`);
    await page.locator('table.lampiran').getByRole('link', { name: move.toPosition.title, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/jabatan/${move.toPosition.code}$`));
    expect(await holderOnDay(page)).toContain(move.official.displayName);
    await page.context().close();
  });

  it('marks a post vacant on a day the API gives it vacant, since when, and keeps the vacancy in its history', async () => {
    const res = await t.gql(`{ vacancies(on: "2026-03-01", first: 20) { edges { node { position { code title } vacantSince acting { id } } } } }`);
    const vacant = res.data.vacancies.edges.map((e: { node: unknown }) => e.node).find((n: { vacantSince: string | null; acting: unknown[] }) => n.vacantSince && n.acting.length === 0);
    expect(vacant).toBeDefined();

    const page = await browser.newPage();
    await page.goto(`/jabatan/${vacant.position.code}?tanggal=2026-03-01`);
    const held = await holderOnDay(page);
    expect(held).toContain(`Kosong sejak ${formatDay('id', vacant.vacantSince)}`);
    expect(await page.locator('#pemegang-hari li').count()).toBe(0);
    const vacancyRow = page.locator('table.holders tbody tr.vacancy').filter({ has: page.locator('td[data-label=Mulai]', { hasText: formatDay('id', vacant.vacantSince) }) });
    expect(await vacancyRow.count()).toBe(1);
    expect(await vacancyRow.locator('td[data-label=Pejabat]').innerText()).toBe('Kosong');
    await page.context().close();
  });

  it('shows an official’s public facts and career, and never the NIP', async () => {
    const official = await t.hr(`query ($code: String!) { position(code: $code) { holder(on: "2026-02-06") { heads { official { id nip birthDate rank } } } } }`, { code: CAMAT });
    const { id, nip, birthDate } = official.data.position.holder.heads[0].official;
    expect(nip).toMatch(/^\d{18}$/);

    const page = await browser.visit(`/pejabat/${id}`, 'official');
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toMatch(/Pangkat\/golongan\s+\S.*[IV]+\/[a-e]/);
    expect(facts).toContain('Camat Jatisampurna');
    // The career as a timeline and as a table: the Sekcam post, the Plt, then the camat.
    expect(await page.locator('#riwayat ~ .chart svg[role=img]').count()).toBeGreaterThanOrEqual(1);
    const capacities = await page.locator('table.career tbody td[data-label=Kedudukan]').allInnerTexts();
    expect(capacities).toEqual(['Definitif', 'Pelaksana Tugas (Plt)', 'Definitif']);
    const html = await page.content();
    expect(html).not.toContain(nip);
    expect(html).not.toContain(birthDate);
    await page.context().close();
  });

  it('answers an unknown or malformed official or post with the not-found page, and an unreadable date with a message', async () => {
    for (const path of ['/pejabat/999999', '/pejabat/abc', '/jabatan/TIDAK-ADA', '/jabatan/kec-jatisampurna-camat']) {
      const res = await t.http().get(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.text).toContain('Tidak ditemukan');
    }
    const page = await browser.newPage();
    const response = await page.goto(`/jabatan/${CAMAT}?tanggal=2026-02-30`);
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('alert').innerText()).toContain('Tanggal “2026-02-30” tidak dapat dibaca');
    await page.context().close();
  });
});
