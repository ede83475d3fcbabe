import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { loadDemo } from '../seeds/load-demo.js';
import { createOfficial, createOrganization, createPosition } from './factories/index.js';
import { startTestApp, type TestApp } from './support/app.js';
import { BrowserHarness, WIDTHS } from './support/browser.js';
import { record } from './support/rotations.js';

type Cells = (string | number | null)[];

/** An .xlsx as a clerk makes it: rows of cells from A1 (as test/imports.e2e-spec.ts makes them). */
async function xlsx(rows: Cells[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lampiran');
  rows.forEach((row, r) => row.forEach((value, c) => value !== null && (sheet.getCell(r + 1, c + 1).value = value)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const HEADER = ['No', 'Nama', 'NIP', 'Pangkat/Gol. Ruang', 'Jabatan Lama', 'Jabatan Baru', 'Keterangan'];
const NIPS = { ayu: '198604122010012011', bagus: '198709032011011004', citra: '198811252012122009' };

/** The annex of a swearing-in at the Dinas Arsip dan Perpustakaan: data rows at sheet rows 5, 6 and 7. */
function annex(citraNip: string | number): Promise<Buffer> {
  return xlsx([
    ['LAMPIRAN KEPUTUSAN WALI KOTA BEKASI'],
    ['Nomor : 821.2/Kep.300-BKPSDM/III/2026'],
    [],
    HEADER,
    ['1', 'Ayu Pratiwi', NIPS.ayu, 'III/d', '', 'Kepala Seksi Pelestarian Arsip Digital', ''],
    // Misspelt, as clerks do: close to one post, so the import proposes it.
    ['2', 'Bagus Wicaksono', NIPS.bagus, 'III/d', '', 'Kepala Seksi Layanan Perpustakan Keliling', ''],
    ['3', 'Citra Anggraini', citraNip, 'III/c', '', 'Kepala Seksi Pengolahan Bahan Pustaka Daerah', ''],
  ]);
}

/** The HR workspace in real Chromium, over the Kota Bekasi demo, with an HR key pasted as a clerk would. */
describe('HR workspace in a browser', () => {
  let t: TestApp;
  let browser: BrowserHarness;
  let key: string;
  /** Every URL any page of these tests asked for: the key may be in none. */
  const requested: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await loadDemo(t.app);
    key = t.auth.HR.authorization.replace(/^Bearer /, '');
    const unit = await createOrganization(t, { code: 'UJI-ARSIP', name: 'Bidang Uji Kearsipan', kind: 'AGENCY', parentCode: 'PEMKOT-BKS' });
    for (const [code, title] of [
      ['UJI-ARSIP-DIGITAL', 'Kepala Seksi Pelestarian Arsip Digital'],
      ['UJI-ARSIP-KELILING', 'Kepala Seksi Layanan Perpustakaan Keliling'],
      ['UJI-ARSIP-OLAH', 'Kepala Seksi Pengolahan Bahan Pustaka Daerah'],
    ]) {
      await createPosition(t, unit, { code, title, echelon: 'IV_A', category: 'SUPERVISOR' });
    }
    await createOfficial(t, { nip: NIPS.ayu, name: 'Ayu Pratiwi', rank: 'III_D', honorificSuffix: 'S.Sos.' });
    await createOfficial(t, { nip: NIPS.bagus, name: 'Bagus Wicaksono', rank: 'III_D', honorificSuffix: 'S.IP.' });
    await createOfficial(t, { nip: NIPS.citra, name: 'Citra Anggraini', rank: 'III_C', honorificSuffix: 'S.Hum.' });
    browser = await BrowserHarness.start(await t.app.getUrl());
  });
  afterEach(() => browser.expectClean());
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A watched page whose requests are all noted. */
  async function newPage(width: number = WIDTHS.desktop): Promise<Page> {
    const page = await browser.newPage(width);
    page.on('request', (r) => requested.push(r.url()));
    return page;
  }

  async function signIn(page: Page, pasted = key): Promise<void> {
    await page.goto('/kelola');
    await page.getByLabel('Kunci API', { exact: true }).fill(pasted);
    await page.getByRole('button', { name: 'Masuk' }).click();
  }

  /** Signed in, on a workspace page at both widths: axe, screenshots, nothing wider than a phone. */
  async function visitSignedIn(path: string, name: string, ready: (page: Page) => Promise<unknown>): Promise<Page> {
    let page: Page | null = null;
    for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
      page = await newPage(width);
      await signIn(page);
      await page.getByText('Anda masuk dengan kunci BKPSDM').waitFor();
      await page.goto(path);
      await ready(page);
      await checkPage(page, name);
      if (width === WIDTHS.phone) await page.context().close();
    }
    return page!;
  }

  async function checkPage(page: Page, name: string): Promise<void> {
    const width = page.viewportSize()!.width;
    await browser.axe(page, width === WIDTHS.phone ? `${name} at 375 px` : name);
    await browser.screenshot(page, name);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) browser.problems.push(`${name} is ${overflow} px wider than ${width} px`);
  }

  async function upload(page: Page, file: Buffer, name: string): Promise<void> {
    await page.getByLabel('Berkas lampiran (.xlsx atau .csv)').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.getByRole('button', { name: /Periksa berkas/ }).click();
    await page.locator('table.sheet').waitFor();
  }

  async function fillDecree(page: Page): Promise<void> {
    await page.getByLabel('Judul pelantikan').fill('Pelantikan Pejabat Pengawas Dinas Arsip');
    await page.getByLabel('Penerbit keputusan').fill('Wali Kota Bekasi');
    await page.getByLabel('Tanggal keputusan').fill('2026-03-02');
    await page.getByLabel('Tanggal pelantikan').fill('2026-03-05');
    await page.getByLabel('Tempat').fill('Aula H. Nonon Sonthanie');
  }

  it('signs in by a pasted key, says what the key may do, and signs out; the page itself is accessible', async () => {
    const shell = await browser.visit('/kelola', 'hr-signin');
    expect(await shell.title()).toBe('Masuk ke ruang kerja BKPSDM · Mutasi');
    await shell.context().close();

    const page = await newPage();
    await signIn(page, `Bearer ${key}`);
    await expect(page.getByRole('status').filter({ hasText: 'Anda masuk dengan kunci BKPSDM (HR)' }).innerText()).resolves.toContain('mengimpor lampiran');
    // Kept for this tab only: in session storage, never in a cookie.
    expect(await page.evaluate(() => sessionStorage.getItem('mutasi.apiKey'))).toBe(key);
    expect((await page.context().cookies()).map((c) => c.value).join(' ')).not.toContain(key);
    await page.reload();
    await page.getByText('Anda masuk dengan kunci BKPSDM').waitFor();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByLabel('Kunci API', { exact: true }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('mutasi.apiKey'))).toBeNull();
    await page.context().close();
  });

  it('refuses a wrong key, and a key that is not HR, in words', async () => {
    browser.allowStatus.add('401 /graphql');
    browser.allowStatus.add('403 /graphql');
    const page = await newPage();
    await signIn(page, 'mts_bukan-kunci-yang-benar');
    const alert = page.getByRole('alert');
    await expect(alert.innerText()).resolves.toMatch(/^Kunci ini tidak dikenal atau sudah dicabut/);
    expect(await page.evaluate(() => sessionStorage.getItem('mutasi.apiKey'))).toBeNull();
    await page.getByLabel('Kunci API', { exact: true }).fill(t.auth.ANALYST.authorization.replace(/^Bearer /, ''));
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/bukan kunci BKPSDM \(HR\)/);
    expect(await page.locator('main').innerText()).not.toMatch(/UNAUTHENTICATED|FORBIDDEN|INVALID_API_KEY/);
    await page.context().close();
    browser.allowStatus.clear();
  });

  it('imports an annex with problems: shows them on their rows and cells in words, takes the fixed file, the confirmed post, and records the event', async () => {
    const page = await newPage();
    await signIn(page);
    await page.getByText('Anda masuk dengan kunci BKPSDM').waitFor();
    await page.getByRole('link', { name: 'Impor lampiran keputusan' }).first().click();
    await fillDecree(page);

    // The NIP typed as a number: Excel keeps 15 digits of it, so the last are lost.
    await page.getByLabel('Berkas lampiran (.xlsx atau .csv)').setInputFiles({ name: 'lampiran-arsip.xlsx', mimeType: 'application/octet-stream', buffer: await annex(Number(NIPS.citra)) });
    const check = page.getByRole('button', { name: 'Periksa berkas' });
    await check.click();
    await page.locator('table.sheet').waitFor();

    const row = (n: number) => page.locator(`table.sheet tbody tr[data-row="${n}"]`);
    const cell = (n: number, column: string) => row(n).locator(`td[data-column="${column}"]`);
    expect(await page.locator('table.sheet tbody tr').count()).toBe(3);
    // Row 5 is clean; row 6's post (column F) is proposed; row 7's NIP (column C) is damaged.
    expect(await row(5).getAttribute('class')).toBeNull();
    expect(await row(6).getAttribute('class')).toBe('problem-error');
    expect(await cell(6, 'F').getAttribute('class')).toBe('cell-error');
    expect(await cell(6, 'F').innerText()).toBe('Kepala Seksi Layanan Perpustakan Keliling');
    expect(await cell(6, 'C').getAttribute('class')).toBeNull();
    expect(await row(7).getAttribute('class')).toBe('problem-error');
    expect(await cell(7, 'C').getAttribute('class')).toBe('cell-error');
    expect(await cell(7, 'F').getAttribute('class')).toBeNull();
    const problems6 = await row(6).locator('.sheet-problems').innerText();
    expect(problems6).toContain('kolom F (Jabatan Baru): Nama jabatan ini tidak persis ada; pilih jabatan yang dimaksud.');
    const problems7 = await row(7).locator('.sheet-problems').innerText();
    expect(problems7).toContain('kolom C (NIP): NIP rusak oleh Excel');
    expect(`${problems6}\n${problems7}`).not.toMatch(/POST_PROPOSED|NIP_DAMAGED/);
    // With an error left there is nothing to record yet.
    await expect(page.getByRole('button', { name: 'Catat pelantikan' }).count()).resolves.toBe(0);
    expect(await page.locator('#commit-heading + .notice').innerText()).toMatch(/^Masih ada 2 kesalahan/);
    await checkPage(page, 'hr-import');

    // The clerk fixes the file and sends it again; the decree's fields are still filled.
    expect(await page.getByLabel('Judul pelantikan').inputValue()).toBe('Pelantikan Pejabat Pengawas Dinas Arsip');
    await page.getByLabel('Berkas lampiran (.xlsx atau .csv)').setInputFiles({ name: 'lampiran-arsip-perbaikan.xlsx', mimeType: 'application/octet-stream', buffer: await annex(NIPS.citra) });
    await page.getByRole('button', { name: 'Periksa berkas lagi' }).click();
    await page.locator('table.sheet tbody tr[data-row="7"]:not(.problem-error)').waitFor();
    expect(await page.locator('table.sheet tbody tr.problem-error').count()).toBe(1);
    await expect(page.locator('table.sheet caption').innerText()).resolves.toContain('Lampiran sebagaimana terbaca');

    // Confirming the proposed post is what is left: then the event can be recorded.
    const select = page.getByLabel('Jabatan yang dimaksud di baris 6');
    const options = await select.locator('option').allInnerTexts();
    expect(options[1]).toBe('Kepala Seksi Layanan Perpustakaan Keliling · Bidang Uji Kearsipan (UJI-ARSIP-KELILING)');
    await select.selectOption('UJI-ARSIP-KELILING');
    await page.getByRole('button', { name: 'Catat pelantikan' }).click();
    await page.waitForURL(/\/pelantikan\/\d+$/);
    const eventId = new URL(page.url()).pathname.split('/').pop()!;

    expect(await page.locator('h1').innerText()).toBe('Pelantikan Pejabat Pengawas Dinas Arsip');
    expect(await page.locator('dl.facts').innerText()).toContain('821.2/Kep.300-BKPSDM/III/2026');
    const rows = await page.locator('table.lampiran tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('Ayu Pratiwi');
    expect(rows[0]).toContain('Kepala Seksi Pelestarian Arsip Digital');
    expect(rows[1]).toContain('Bagus Wicaksono');
    expect(rows[1]).toContain('Kepala Seksi Layanan Perpustakaan Keliling');
    expect(rows[2]).toContain('Citra Anggraini');
    // Recorded as the API sees it, with the post the clerk confirmed.
    const recorded = await t.gql(`{ rotationEvent(id: "${eventId}") { swornInOn transfers { official { name } toPosition { code } } } }`);
    expect(recorded.data.rotationEvent.swornInOn).toBe('2026-03-05');
    expect(recorded.data.rotationEvent.transfers.map((x: any) => x.toPosition.code)).toEqual(['UJI-ARSIP-DIGITAL', 'UJI-ARSIP-KELILING', 'UJI-ARSIP-OLAH']);
    await page.context().close();
  });

  it('shows the dry run of an annex with problems at phone width too, usable and accessible', async () => {
    const page = await newPage(WIDTHS.phone);
    await signIn(page);
    await page.getByText('Anda masuk dengan kunci BKPSDM').waitFor();
    await page.goto('/kelola/impor');
    await fillDecree(page);
    await upload(page, await annex(Number(NIPS.citra)), 'lampiran-arsip.xlsx');
    expect(await page.locator('table.sheet tbody tr.problem-error').count()).toBeGreaterThanOrEqual(1);
    await checkPage(page, 'hr-import');
    await page.context().close();
  });

  it('voids a swearing-in with a reason; the public page then shows it voided', async () => {
    const unit = await createOrganization(t, { code: 'UJI-BATAL', name: 'Bidang Uji Pembatalan', kind: 'AGENCY' });
    const post = await createPosition(t, unit, { code: 'UJI-BATAL-1', title: 'Kepala Seksi Uji Pembatalan', echelon: 'IV_A', category: 'SUPERVISOR' });
    const official = await createOfficial(t, { nip: '198902142014031002', name: 'Dimas Saputra', rank: 'III_C' });
    const recorded = await record(t, [{ officialId: official, toPositionId: post }], { title: 'Pelantikan yang akan dibatalkan', decreeNumber: '821.2/Kep.301-BKPSDM/III/2026', decreeDate: '2026-03-09', swornInOn: '2026-03-10' });
    const id = recorded.event.id as string;

    const page = await visitSignedIn(`/kelola/pelantikan/${id}`, 'hr-event', (p) => p.getByRole('heading', { name: 'Pelantikan yang akan dibatalkan' }).waitFor());
    // The reason is required: without it the browser keeps the form and nothing is sent.
    await page.getByRole('button', { name: 'Batalkan pelantikan' }).click();
    expect(await page.getByLabel(/^Alasan pembatalan/).evaluate((e: HTMLTextAreaElement) => e.validity.valueMissing)).toBe(true);
    await page.getByLabel(/^Alasan pembatalan/).fill('SK ditarik karena salah nama');
    await page.getByRole('button', { name: 'Batalkan pelantikan' }).click();
    await page.getByText('Pelantikan ini dibatalkan.').waitFor();
    expect(await page.locator('dl.facts').innerText()).toContain('Dibatalkan: SK ditarik karena salah nama');

    await page.getByRole('link', { name: 'Lihat halaman publik pelantikan ini' }).click();
    await page.waitForURL(new RegExp(`/pelantikan/${id}$`));
    expect(await page.locator('main .notice').innerText()).toBe('Dibatalkan: SK ditarik karena salah nama');
    await page.context().close();
  });

  it('amends a swearing-in’s decree details with a reason, and says in words when the version has moved on', async () => {
    const unit = await createOrganization(t, { code: 'UJI-UBAH', name: 'Bidang Uji Perubahan', kind: 'AGENCY' });
    const post = await createPosition(t, unit, { code: 'UJI-UBAH-1', title: 'Kepala Seksi Uji Perubahan', echelon: 'IV_A', category: 'SUPERVISOR' });
    const official = await createOfficial(t, { nip: '199001172015032003', name: 'Eka Rahmawati', rank: 'III_C' });
    const recorded = await record(t, [{ officialId: official, toPositionId: post }], { title: 'Pelantikan yang akan diubah', decreeNumber: '821.2/Kep.302-BKPSDM/III/2026', decreeDate: '2026-03-11', swornInOn: '2026-03-12' });
    const id = recorded.event.id as string;

    const page = await newPage();
    await signIn(page);
    await page.getByText('Anda masuk dengan kunci BKPSDM').waitFor();
    await page.goto(`/kelola/pelantikan/${id}`);
    await page.getByLabel('Tempat').fill('Gedung Swatantra Wibawa Mukti');
    await page.getByLabel(/^Alasan perubahan/).fill('Tempat salah ketik');
    // Meanwhile someone else amends it: this page's version is stale.
    const other = await t.hr(`mutation ($id: ID!) { amendRotationEvent(id: $id, expectedVersion: 1, reason: "Lain", input: { title: "Pelantikan yang akan diubah", issuer: "Wali Kota Bekasi", decreeNumber: "821.2/Kep.302-BKPSDM/III/2026", decreeDate: "2026-03-11", swornInOn: "2026-03-12", transfers: [{ officialId: "${official}", toPositionId: "${post}" }] }) { event { version } } }`, { id });
    expect(other.data.amendRotationEvent.event.version).toBe(2);
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toBe('Pelantikan ini baru saja diubah orang lain; muat ulang halaman lalu periksa lagi.');
    // What the clerk typed is still there.
    expect(await page.getByLabel('Tempat').inputValue()).toBe('Gedung Swatantra Wibawa Mukti');

    await page.reload();
    await page.getByLabel('Tempat').fill('Gedung Swatantra Wibawa Mukti');
    await page.getByLabel(/^Alasan perubahan/).fill('Tempat salah ketik');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByText('Perubahan dicatat (versi 3).').waitFor();
    const after = await t.gql(`{ rotationEvent(id: "${id}") { location version transfers { official { name } toPosition { code } } } }`);
    expect(after.data.rotationEvent).toEqual({ location: 'Gedung Swatantra Wibawa Mukti', version: 3, transfers: [{ official: { name: 'Eka Rahmawati' }, toPosition: { code: 'UJI-UBAH-1' } }] });
    await page.context().close();
  });

  it('creates an official, shows it with a link and in the lookup with its personal data; a taken NIP is said next to the field', async () => {
    const page = await visitSignedIn('/kelola/baru', 'hr-create', (p) => p.getByRole('heading', { name: 'Pejabat baru', exact: true }).waitFor());
    const form = page.locator('section[aria-labelledby="new-official"]');
    await form.getByLabel('Nama (tanpa gelar)').fill('Fajar Nugraha');
    await form.getByLabel('NIP', { exact: true }).fill('19910305 201503 1 002');
    await form.getByLabel('Gelar belakang').fill('S.T.');
    // The test key acts for every government, and the database holds several: the clerk says which.
    await form.getByLabel('Pemerintah daerah').fill('32.75');
    await form.getByRole('button', { name: 'Catat pejabat' }).click();
    const created = form.getByRole('status');
    await expect(created.innerText()).resolves.toBe('Pejabat tercatat: Fajar Nugraha, S.T. (NIP 199103052015031002)');
    const link = await created.getByRole('link').getAttribute('href');
    const official = await t.gql(`{ officials(search: "Fajar Nugraha", first: 1) { edges { node { id name } } } }`);
    expect(link).toBe(`/pejabat/${official.data.officials.edges[0].node.id}`);

    // The same NIP again: refused, in words, beside the NIP field; what was typed stays.
    await form.getByRole('button', { name: 'Catat pejabat' }).click();
    await expect(form.locator('#official-nip-error').innerText()).resolves.toBe('NIP ini sudah tercatat untuk pejabat lain.');
    expect(await form.getByLabel('NIP', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Nama (tanpa gelar)').inputValue()).toBe('Fajar Nugraha');

    // A unit whose code is taken, in words beside the code.
    const units = page.locator('section[aria-labelledby="new-unit"]');
    await units.getByLabel(/^Kode \(huruf besar/).fill('DINKES');
    await units.getByLabel('Nama', { exact: true }).fill('Dinas Kesehatan Kedua');
    await units.getByLabel('Kode unit induk').fill('PEMKOT-BKS');
    await units.getByRole('button', { name: 'Catat unit kerja' }).click();
    await expect(units.locator('#org-code-error').innerText()).resolves.toBe('Kode ini sudah dipakai unit kerja lain.');

    // The lookup gives what an HR key may see: NIP, birth date and gender from the NIP.
    await page.goto('/kelola/pejabat?q=Fajar%20Nugraha');
    const first = page.locator('table.officials tbody tr').first();
    await first.waitFor();
    const text = await first.innerText();
    expect(text).toContain('Fajar Nugraha, S.T.');
    expect(text).toContain('199103052015031002');
    expect(text).toContain('5 Maret 1991');
    expect(text).toContain('Laki-laki');
    await page.context().close();
  });

  it('never put the key in any URL the browser asked for', () => {
    expect(requested.length).toBeGreaterThan(50);
    expect(requested.filter((u) => u.includes(key) || u.includes(encodeURIComponent(key)))).toEqual([]);
  });
});
