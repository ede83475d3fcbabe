import { DownloadsPageDocument, DownloadsUnitDocument } from '../gql/graphql.js';
import type { Echelon, PositionCategory, TransferKind } from '../gql/schema-enums.js';
import { formatDay } from '../i18n/dates.js';
import { errorWords } from '../i18n/error-words.js';
import { categoryLabel, echelonLabel, kindLabel, TRANSFER_KINDS } from '../i18n/labels.js';
import { tr, type Lang } from '../i18n/lang.js';
import { PageError, type PageLoader } from '../page.js';
import { chosenGovernment, GovernmentSelect, governmentKey, type GovernmentLike } from '../views/common.js';

// Records keyed by the schema's enums: a new echelon or category is a build error until listed here.
const ECHELONS = Object.keys({ I_A: 1, I_B: 1, II_A: 1, II_B: 1, III_A: 1, III_B: 1, IV_A: 1, IV_B: 1, V_A: 1 } satisfies Record<Echelon, 1>) as Echelon[];
const CATEGORIES = Object.keys({ HIGH_LEADERSHIP: 1, ADMINISTRATOR: 1, SUPERVISOR: 1, UNIT_HEAD: 1, FUNCTIONAL: 1, EXECUTOR: 1 } satisfies Record<PositionCategory, 1>) as PositionCategory[];

type DataSet = 'appointments' | 'transfers' | 'popolo';

/** Every file the export API offers (docs/exports.md), in the order the page lists them. */
const FILES: { name: string; set: DataSet; format: 'CSV' | 'NDJSON' | 'XLSX' | 'JSON' }[] = [
  { name: 'appointments.csv', set: 'appointments', format: 'CSV' },
  { name: 'appointments.ndjson', set: 'appointments', format: 'NDJSON' },
  { name: 'appointments.xlsx', set: 'appointments', format: 'XLSX' },
  { name: 'transfers.csv', set: 'transfers', format: 'CSV' },
  { name: 'transfers.xlsx', set: 'transfers', format: 'XLSX' },
  { name: 'popolo.json', set: 'popolo', format: 'JSON' },
];

const SET_WORDS: Record<DataSet, (lang: Lang) => [name: string, about: string, personal: string]> = {
  appointments: (lang) => [
    tr(lang, 'Riwayat jabatan', 'Appointments'),
    tr(
      lang,
      'Satu baris per penugasan: siapa memegang jabatan apa, sejak dan sampai kapan, dengan keputusan yang memulai dan mengakhirinya.',
      'One row per appointment: who held which post, from when to when, with the decrees that started and ended it.',
    ),
    'nip',
  ],
  transfers: (lang) => [
    tr(lang, 'Perpindahan', 'Transfers'),
    tr(
      lang,
      'Satu baris per baris lampiran pelantikan yang tercatat (tidak dibatalkan): dari jabatan apa ke jabatan apa.',
      'One row per annex row of a recorded (not voided) swearing-in: from which post to which.',
    ),
    'nip',
  ],
  popolo: (lang) => [
    'Popolo',
    tr(lang, 'Orang, unit kerja, jabatan dan keanggotaan dalam format Popolo (JSON).', 'Persons, units, posts and memberships in the Popolo format (JSON).'),
    tr(lang, 'gender, birth_date, identifier nip', 'gender, birth_date, the nip identifier'),
  ],
};

const FORMAT_WORDS: Record<string, (lang: Lang) => string> = {
  CSV: (lang) => tr(lang, 'CSV (UTF-8)', 'CSV (UTF-8)'),
  NDJSON: (lang) => tr(lang, 'NDJSON (satu objek JSON per baris)', 'NDJSON (one JSON object a line)'),
  XLSX: (lang) => tr(lang, 'Excel (XLSX)', 'Excel (XLSX)'),
  JSON: () => 'JSON',
};

interface Filters {
  government?: GovernmentLike;
  unit?: { code: string; name: string };
  from?: string;
  to?: string;
  echelon?: Echelon;
  category?: PositionCategory;
  kind?: TransferKind;
  bom: boolean;
}

/** A real calendar day written YYYY-MM-DD, as the export API requires. */
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The export's URL with the filters it accepts: kind only for transfers, bom only for CSV. */
function exportHref(file: (typeof FILES)[number], f: Filters): string {
  const p = new URLSearchParams();
  if (f.government) p.set('government', governmentKey(f.government));
  if (f.unit) p.set('organizationCode', f.unit.code);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.echelon) p.set('echelon', f.echelon);
  if (f.category) p.set('category', f.category);
  if (f.kind && file.set === 'transfers') p.set('kind', f.kind);
  if (f.bom && file.format === 'CSV') p.set('bom', 'true');
  const query = p.toString();
  return `/exports/${file.name}${query ? `?${query}` : ''}`;
}

function describeFilters(lang: Lang, f: Filters): string[] {
  return [
    f.government && tr(lang, `pemerintah ${f.government.name} (${governmentKey(f.government)})`, `government ${f.government.name} (${governmentKey(f.government)})`),
    f.unit && tr(lang, `unit kerja ${f.unit.name} (${f.unit.code}) dan sub-unitnya`, `unit ${f.unit.name} (${f.unit.code}) and its sub-units`),
    f.from && tr(lang, `sejak ${formatDay(lang, f.from)}`, `from ${formatDay(lang, f.from)}`),
    f.to && tr(lang, `sampai ${formatDay(lang, f.to)}`, `to ${formatDay(lang, f.to)}`),
    f.echelon && `${tr(lang, 'eselon', 'echelon')} ${echelonLabel(lang, f.echelon)}`,
    f.category && `${tr(lang, 'kategori', 'category')} ${categoryLabel(lang, f.category)}`,
    f.kind && `${tr(lang, 'jenis', 'kind')} ${kindLabel(lang, f.kind)} (${tr(lang, 'perpindahan saja', 'transfers only')})`,
    f.bom && tr(lang, 'CSV dengan BOM untuk Excel', 'CSV with a BOM for Excel'),
  ].filter((s): s is string => Boolean(s));
}

export const downloadsPage: PageLoader = async ({ lang, gql, query }) => {
  const problems: string[] = [];
  const unitCode = (query.unit ?? '').trim();
  const from = (query.dari ?? '').trim();
  const to = (query.sampai ?? '').trim();
  const [data, unit] = await Promise.all([
    gql(DownloadsPageDocument, {}),
    unitCode
      ? gql(DownloadsUnitDocument, { code: unitCode }).then(
          (r) => r.organization,
          (error: unknown) => {
            // An unknown code is the reader's typo: said on the page, the form kept.
            if (error instanceof PageError && error.status === 404) return null;
            throw error;
          },
        )
      : Promise.resolve(undefined),
  ]);
  if (unit === null) problems.push(tr(lang, `Tidak ada unit kerja berkode “${unitCode}”.`, `No unit has the code “${unitCode}”.`));
  const government = chosenGovernment(data.governments, query.pemerintah);
  if (query.pemerintah?.trim() && !government) problems.push(tr(lang, `Tidak ada pemerintah berkode “${query.pemerintah.trim()}”.`, `No government has the code “${query.pemerintah.trim()}”.`));
  // The exports refuse a unit of another government than the one named: said here first.
  if (unit && government && unit.government.code !== government.code) problems.push(errorWords(lang, 'UNIT_OUTSIDE_GOVERNMENT'));
  for (const [day, words] of [
    [from, tr(lang, 'Tanggal mulai', 'The start date')],
    [to, tr(lang, 'Tanggal akhir', 'The end date')],
  ] as const) {
    if (day && !isDay(day)) problems.push(`${words} ${tr(lang, 'bukan tanggal yang benar (TTTT-BB-HH).', 'is not a real date (YYYY-MM-DD).')}`);
  }
  if (isDay(from) && isDay(to) && from > to) problems.push(errorWords(lang, 'DATES_OUT_OF_ORDER'));
  const filters: Filters = {
    government,
    unit: unit ?? undefined,
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
    echelon: ECHELONS.find((e) => e === query.eselon),
    category: CATEGORIES.find((c) => c === query.kategori),
    kind: TRANSFER_KINDS.find((k) => k === query.jenis),
    bom: query.bom === 'ya',
  };
  const active = describeFilters(lang, filters);
  // The units a reader may type: the chosen government's, or every government's.
  const units = data.governments.filter((g) => !government || g.code === government.code).flatMap((g) => [g, ...g.children]);
  const title = tr(lang, 'Unduh data', 'Download data');
  return {
    title,
    description: tr(
      lang,
      'Unduh riwayat jabatan, perpindahan dan data Popolo pejabat dalam CSV, NDJSON, Excel atau JSON, disaring menurut pemerintah, unit kerja, tanggal, eselon dan jenis mutasi.',
      'Download the appointments, transfers and Popolo data of officials as CSV, NDJSON, Excel or JSON, filtered by government, unit, dates, echelon and kind of move.',
    ),
    scripts: ['downloads.js'],
    body: (
      <>
        <p class="kicker">{tr(lang, 'Data terbuka', 'Open data')}</p>
        <h1>{title}</h1>
        <p>
          {tr(
            lang,
            'Semua berkas terbuka untuk siapa saja, tanpa kunci: nama, jabatan, unit kerja, tanggal dan keputusan. Data pribadi (NIP, tanggal lahir, jenis kelamin) hanya ikut bila Anda mengunduh dengan kunci API analis, BKPSDM atau admin.',
            'Every file is open to anyone, without a key: names, posts, units, dates and decrees. Personal data (NIP, birth date, gender) is included only when you download with an analyst, HR or admin API key.',
          )}
        </p>

        <section aria-labelledby="saring">
          <h2 id="saring">{tr(lang, 'Saring', 'Filters')}</h2>
          <form class="filters" method="get" action="/unduh">
            <GovernmentSelect lang={lang} id="dl-government" governments={data.governments} chosen={government} />
            <div class="field">
              <label for="dl-unit">{tr(lang, 'Kode unit kerja', 'Unit code')}</label>
              <input id="dl-unit" name="unit" type="text" list="dl-units" value={unitCode} placeholder="DINKES" aria-describedby="dl-unit-hint" autocomplete="off" />
              <datalist id="dl-units">
                {units.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
              </datalist>
              <span id="dl-unit-hint" class="muted small">
                {tr(lang, 'termasuk sub-unitnya', 'sub-units included')}
              </span>
            </div>
            <div class="field">
              <label for="dl-from">{tr(lang, 'Sejak tanggal', 'From')}</label>
              <input id="dl-from" name="dari" type="date" value={from} />
            </div>
            <div class="field">
              <label for="dl-to">{tr(lang, 'Sampai tanggal', 'To')}</label>
              <input id="dl-to" name="sampai" type="date" value={to} />
            </div>
            <div class="field">
              <label for="dl-echelon">{tr(lang, 'Eselon', 'Echelon')}</label>
              <select id="dl-echelon" name="eselon">
                <option value="">{tr(lang, 'Semua', 'All')}</option>
                {ECHELONS.map((e) => (
                  <option value={e} selected={e === filters.echelon}>
                    {echelonLabel(lang, e)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="dl-category">{tr(lang, 'Kategori jabatan', 'Post category')}</label>
              <select id="dl-category" name="kategori">
                <option value="">{tr(lang, 'Semua', 'All')}</option>
                {CATEGORIES.map((c) => (
                  <option value={c} selected={c === filters.category}>
                    {categoryLabel(lang, c)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="dl-kind">{tr(lang, 'Jenis mutasi (perpindahan)', 'Kind of move (transfers)')}</label>
              <select id="dl-kind" name="jenis">
                <option value="">{tr(lang, 'Semua', 'All')}</option>
                {TRANSFER_KINDS.map((k) => (
                  <option value={k} selected={k === filters.kind}>
                    {kindLabel(lang, k)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field checkbox">
              <input id="dl-bom" name="bom" type="checkbox" value="ya" checked={filters.bom} />
              <label for="dl-bom">{tr(lang, 'CSV dengan BOM (agar Excel membaca UTF-8)', 'CSV with a BOM (so Excel reads UTF-8)')}</label>
            </div>
            <button type="submit">{tr(lang, 'Terapkan', 'Apply')}</button>
          </form>
          {problems.length > 0 && (
            <div class="notice error" role="alert">
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <p id="dl-active" role="status">
            {active.length
              ? `${tr(lang, 'Berkas di bawah disaring', 'The files below are filtered')}: ${active.join('; ')}.`
              : tr(lang, 'Tanpa saringan: berkas di bawah memuat seluruh data.', 'No filters: the files below hold everything.')}
          </p>
        </section>

        <section aria-labelledby="berkas">
          <h2 id="berkas">{tr(lang, 'Berkas', 'Files')}</h2>
          {problems.length > 0 ? (
            <p class="muted">{tr(lang, 'Perbaiki saringan di atas untuk mengunduh.', 'Correct the filters above to download.')}</p>
          ) : (
            <div class="cards downloads">
              {(Object.keys(SET_WORDS) as DataSet[]).map((set) => {
                const [name, about, personal] = SET_WORDS[set](lang);
                return (
                  <section class="card" key={set} aria-labelledby={`set-${set}`}>
                    <h3 id={`set-${set}`}>{name}</h3>
                    <p class="muted">{about}</p>
                    <p>
                      {tr(lang, 'Kolom pribadi, hanya dengan kunci', 'Personal columns, with a key only')}: <code>{personal}</code>
                    </p>
                    <ul>
                      {FILES.filter((f) => f.set === set).map((file) => (
                        <li key={file.name}>
                          <a href={exportHref(file, filters)} download={file.name} data-export={file.name}>
                            {tr(lang, `Unduh ${file.name}`, `Download ${file.name}`)}
                          </a>{' '}
                          <span class="muted">{FORMAT_WORDS[file.format](lang)}</span>
                          <div class="download-status" data-status-for={file.name} aria-live="polite"></div>
                        </li>
                      ))}
                    </ul>
                  </section>
                );
              })}
            </div>
          )}
          <p class="muted">
            {tr(
              lang,
              'Baris tidak berurutan; urutkan menurut kolom id bila perlu. Excel membuka paling banyak 1.048.576 baris: untuk riwayat yang sangat besar, pilih CSV.',
              'Rows come in no particular order; sort on the id columns if you need one. Excel opens at most 1,048,576 rows: for very large histories, choose CSV.',
            )}
          </p>
        </section>

        <section aria-labelledby="kunci">
          <h2 id="kunci">{tr(lang, 'Data pribadi: unduh dengan kunci API', 'Personal data: download with an API key')}</h2>
          <p>
            {tr(
              lang,
              'NIP, tanggal lahir dan jenis kelamin adalah data pribadi (UU 27/2022). Tanpa kunci, kolom itu tidak ada di berkas (bukan kosong): kolom nip pada riwayat jabatan dan perpindahan; gender, birth_date dan identifier nip pada orang di Popolo. Dengan kunci API analis, BKPSDM atau admin, kolom itu ikut.',
              'NIP, birth date and gender are personal data (UU 27/2022). Without a key those columns are absent from the files (not empty): the nip column of appointments and transfers; gender, birth_date and the nip identifier of Popolo persons. With an analyst, HR or admin API key they are included.',
            )}
          </p>
          <div id="analyst-key" class="key-box">
            <p class="muted">
              {tr(
                lang,
                'Mengunduh dengan kunci memerlukan JavaScript: kunci dikirim di kepala permintaan, tidak pernah di alamat. Tautan di atas tetap berfungsi tanpa JavaScript, dengan kolom publik saja.',
                'Downloading with a key needs JavaScript: the key is sent in a request header, never in an address. The links above work without JavaScript, with the public columns only.',
              )}
            </p>
          </div>
        </section>
      </>
    ),
  };
};
