/**
 * The synthetic national history behind bench/generate.ts, without any database: the unit tree,
 * the posts, the officials, the swearing-in events and the transfers, and the appointments that
 * are exactly their fold (src/appointments/projection.ts). Everything is drawn from fixed-seed
 * generators, so one (scale, seed) always gives the same rows, and the transfer history can be
 * replayed pass after pass (a dry run, then the transfers, then the appointments) instead of being
 * kept in memory: the state is a few typed arrays per official and per post.
 *
 * How the history stays valid. Each event belongs to one government and reshuffles part of its
 * posts. A post or an official is touched at most once per day (stamps, and a dismissed official
 * only becomes available again the next day), and each touched post is left and re-entered on the
 * same date, so no two definitive periods of one post or one official ever overlap, every period
 * lasts at least a day, and an official's transfers fall on strictly increasing dates. A reshuffle
 * is made of
 *   - vacancy fills: an official who holds nothing enters a vacant post (APPOINTMENT);
 *   - cycles: k holders of k posts each move to the next post of the cycle;
 *   - chains: a newcomer (or nobody: the post falls vacant) enters the lowest post, each holder
 *     moves one post up, the holder of the highest post is dismissed (DISMISSAL, no destination).
 * The first event of each government fills all its posts with newcomers.
 */

import { prng } from '../seeds/prng.js';

// ── Deterministic randomness ──────────────────────────────────────────────────────────────

/** An independent stream per purpose, so changing one part of the generator does not shift the others. */
function stream(seed: number, purpose: number): () => number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(purpose + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return prng((h ^ (h >>> 16)) >>> 0);
}

const STREAM = { structure: 1, events: 2, simulation: 3, officials: 4 } as const;

// ── Dates ─────────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;
const dayOf = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01). */
export function isoDay(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Working days (Monday–Friday) from 2005-01-01 to 2026-06-30, as day numbers. */
function workingDays(): Int32Array {
  const from = dayOf(2005, 1, 1);
  const to = dayOf(2026, 6, 30);
  const out: number[] = [];
  for (let day = from; day <= to; day++) {
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) out.push(day);
  }
  return Int32Array.from(out);
}

// ── Enumerations (the order matters: echelons from the highest down, ranks from the lowest up) ──

export const ORG_KINDS = ['GOVERNMENT', 'SECRETARIAT', 'AGENCY', 'INSPECTORATE', 'DISTRICT', 'SUBDISTRICT', 'TECHNICAL_UNIT'] as const;
const K = { GOVERNMENT: 0, SECRETARIAT: 1, AGENCY: 2, INSPECTORATE: 3, DISTRICT: 4, SUBDISTRICT: 5, TECHNICAL_UNIT: 6 } as const;
export const ECHELONS = ['I_A', 'I_B', 'II_A', 'II_B', 'III_A', 'III_B', 'IV_A', 'IV_B', 'V_A'] as const;
const E = { II_A: 2, II_B: 3, III_A: 4, III_B: 5, IV_A: 6, IV_B: 7, NONE: -1 } as const;
export const CATEGORIES = ['HIGH_LEADERSHIP', 'ADMINISTRATOR', 'SUPERVISOR', 'FUNCTIONAL', 'EXECUTOR', 'UNIT_HEAD'] as const;
const C = { HIGH_LEADERSHIP: 0, ADMINISTRATOR: 1, SUPERVISOR: 2, FUNCTIONAL: 3, EXECUTOR: 4, UNIT_HEAD: 5 } as const;
export const RANKS = ['I_A', 'I_B', 'I_C', 'I_D', 'II_A', 'II_B', 'II_C', 'II_D', 'III_A', 'III_B', 'III_C', 'III_D', 'IV_A', 'IV_B', 'IV_C', 'IV_D', 'IV_E'] as const;
/** Index in RANKS of the lowest pangkat for each echelon (MINIMUM_RANK in src/rotations/rotation-rules.ts). */
const MINIMUM_RANK = [15, 14, 14, 13, 12, 11, 9, 8, 7];
export const TRANSFER_KINDS = ['ROTATION', 'TRANSFER', 'PROMOTION', 'DEMOTION', 'REASSIGNMENT', 'APPOINTMENT', 'DISMISSAL'] as const;
const T = { ROTATION: 0, TRANSFER: 1, PROMOTION: 2, DEMOTION: 3, REASSIGNMENT: 4, APPOINTMENT: 5, DISMISSAL: 6 } as const;

/** deriveKind of src/history/transfer-kind.ts for definitive transfers, on echelon/category indexes (-1: none). */
export function deriveKindIndex(fromEchelon: number, fromCategory: number, toEchelon: number, toCategory: number, hasFrom: boolean, hasTo: boolean): number {
  if (!hasFrom) return T.APPOINTMENT;
  if (!hasTo) return T.DISMISSAL;
  if (fromCategory === C.UNIT_HEAD && toCategory === C.UNIT_HEAD) return T.REASSIGNMENT;
  if (fromEchelon < 0 && toEchelon >= 0) return T.PROMOTION;
  if (fromEchelon < 0 || toEchelon < 0) return T.TRANSFER;
  return fromEchelon === toEchelon ? T.ROTATION : fromEchelon > toEchelon ? T.PROMOTION : T.DEMOTION;
}

// ── Sizes ─────────────────────────────────────────────────────────────────────────────────

export interface Plan {
  scale: number;
  seed: number;
  organizations: number;
  positions: number;
  officials: number;
  events: number;
  governments: number;
  /** Appointments aimed at: 7 per official. */
  appointmentsTarget: number;
}

export function planFor(scale: number, seed = 1): Plan {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be a positive number; got ${scale}`);
  const organizations = Math.max(10, Math.round(40_000 * scale));
  const positions = Math.max(1, Math.round(430_000 * scale));
  const officials = Math.max(positions, Math.round(4_300_000 * scale));
  const governments = Math.max(1, Math.round(organizations / 100));
  // 150 events per government is the national ratio (60,000 / 400); below it, at tiny scales,
  // there are too few reshuffles to give each of ten officials per post a post at all.
  const events = Math.max(5, Math.round(60_000 * scale), 150 * governments);
  if (officials > 9_999_999) throw new Error('scale too large: NIP serials are only unique up to ~10 million officials');
  return { scale, seed, organizations, positions, officials, events, governments, appointmentsTarget: 7 * officials };
}

// ── Names ─────────────────────────────────────────────────────────────────────────────────

const PLACE_PREFIX = ['Suka', 'Karang', 'Cipta', 'Sumber', 'Mekar', 'Rawa', 'Tegal', 'Jati', 'Bojong', 'Wono', 'Sido', 'Margo', 'Tirta', 'Bumi', 'Harja', 'Purwo', 'Banjar', 'Kali', 'Sri', 'Mulya', 'Giri', 'Kerta', 'Ngampel', 'Cibening'];
const PLACE_WORD = ['Tanjung', 'Sungai', 'Bukit', 'Teluk', 'Muara', 'Lubuk', 'Padang', 'Batu', 'Gunung', 'Air', 'Kampung', 'Pasir', 'Kota', 'Tanah'];
const PLACE_SUFFIX = ['maju', 'jaya', 'sari', 'makmur', 'mulya', 'rejo', 'asri', 'indah', 'baru', 'harja', 'raya', 'wangi', 'agung', 'kencana', 'lestari', 'mukti', 'arum', 'tengah', 'timur', 'barat', 'utara', 'selatan', 'permai', 'sentosa', 'abadi', 'luhur', 'rahayu', 'mekar'];

function placeName(random: () => number): string {
  const suffix = PLACE_SUFFIX[Math.floor(random() * PLACE_SUFFIX.length)];
  if (random() < 0.3) {
    const word = PLACE_WORD[Math.floor(random() * PLACE_WORD.length)];
    return `${word} ${suffix[0].toUpperCase()}${suffix.slice(1)}`;
  }
  return `${PLACE_PREFIX[Math.floor(random() * PLACE_PREFIX.length)]}${suffix}`;
}

const AGENCIES = [
  'Dinas Pendidikan', 'Dinas Kesehatan', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Dinas Perumahan Rakyat dan Kawasan Permukiman',
  'Dinas Sosial', 'Dinas Tenaga Kerja', 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 'Dinas Ketahanan Pangan',
  'Dinas Lingkungan Hidup', 'Dinas Kependudukan dan Pencatatan Sipil', 'Dinas Pemberdayaan Masyarakat dan Desa', 'Dinas Pengendalian Penduduk dan Keluarga Berencana',
  'Dinas Perhubungan', 'Dinas Komunikasi dan Informatika', 'Dinas Koperasi dan Usaha Mikro', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
  'Dinas Kepemudaan dan Olahraga', 'Dinas Kebudayaan dan Pariwisata', 'Dinas Perpustakaan dan Kearsipan', 'Dinas Pertanian',
  'Dinas Perdagangan dan Perindustrian', 'Badan Perencanaan Pembangunan Daerah', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  'Badan Pendapatan Daerah', 'Badan Penanggulangan Bencana Daerah', 'Badan Kesatuan Bangsa dan Politik', 'Satuan Polisi Pamong Praja',
];
const AGENCY_FIELDS = ['Perencanaan dan Evaluasi', 'Pelayanan', 'Pembinaan', 'Pengembangan', 'Pengawasan dan Pengendalian', 'Sarana dan Prasarana'];
const SECTIONS = ['Perencanaan', 'Data dan Informasi', 'Pelayanan Umum', 'Pembinaan Teknis', 'Pengendalian', 'Kerja Sama', 'Sarana', 'Monitoring', 'Fasilitasi', 'Penyuluhan', 'Pemberdayaan', 'Ketertiban'];
const SETDA_PARTS = ['Tata Pemerintahan', 'Hukum', 'Organisasi', 'Perekonomian', 'Administrasi Pembangunan', 'Kesejahteraan Rakyat', 'Umum', 'Protokol dan Komunikasi Pimpinan', 'Pengadaan Barang dan Jasa'];
const FUNCTIONAL = ['Analis Kebijakan Ahli Muda', 'Perencana Ahli Muda', 'Analis Sumber Daya Manusia Aparatur Ahli Muda', 'Pranata Komputer Ahli Pertama', 'Arsiparis Ahli Muda', 'Auditor Ahli Muda', 'Pengelola Pengadaan Barang/Jasa Ahli Muda'];
const EXECUTOR = ['Pengadministrasi Umum', 'Pengelola Keuangan', 'Pengolah Data', 'Pengelola Kepegawaian', 'Bendahara', 'Pengelola Barang Milik Daerah'];
const HEALTH = ['Dokter Ahli Madya', 'Perawat Ahli Muda', 'Bidan Ahli Muda', 'Apoteker Ahli Muda', 'Nutrisionis Ahli Muda'];

interface PostTemplate {
  title: string;
  echelon: number;
  category: number;
}

/** Sub-kinds, so that the posts of a unit fit its name. */
const SUB = { ROOT: 0, SETDA: 1, SETWAN: 2, INSPECTORATE: 3, AGENCY: 4, DISTRICT: 5, SUBDISTRICT: 6, PUSKESMAS: 7, UPTD: 8 } as const;
/** Post weight of each sub-kind: how many posts a unit gets, relatively. */
const SUB_WEIGHT = [3, 40, 12, 14, 22, 10, 5, 6, 4];

/** The j-th post (0-based) of a unit. */
function postTemplate(sub: number, unit: string, j: number): PostTemplate {
  const staff = (k: number, list: readonly string[], category: number): PostTemplate => ({ title: `${list[k % list.length]} ${unit}${k >= list.length ? ` ${Math.floor(k / list.length) + 1}` : ''}`, echelon: E.NONE, category });
  const rest = (k: number): PostTemplate => (k % 3 === 0 ? staff(k / 3, FUNCTIONAL, C.FUNCTIONAL) : staff(k - Math.ceil(k / 3), EXECUTOR, C.EXECUTOR));
  switch (sub) {
    case SUB.ROOT:
      if (j < 3) return { title: `Staf Ahli ${['Bidang Hukum dan Politik', 'Bidang Ekonomi dan Keuangan', 'Bidang Kemasyarakatan dan Sumber Daya Manusia'][j]} ${unit}`, echelon: E.II_B, category: C.HIGH_LEADERSHIP };
      return rest(j - 3);
    case SUB.SETDA:
      if (j === 0) return { title: `Sekretaris Daerah ${unit.replace(/^Sekretariat Daerah /, '')}`, echelon: E.II_A, category: C.HIGH_LEADERSHIP };
      if (j < 4) return { title: `Asisten ${['Pemerintahan dan Kesejahteraan Rakyat', 'Perekonomian dan Pembangunan', 'Administrasi Umum'][j - 1]} ${unit}`, echelon: E.II_B, category: C.HIGH_LEADERSHIP };
      if (j < 13) return { title: `Kepala Bagian ${SETDA_PARTS[j - 4]} ${unit}`, echelon: E.III_A, category: C.ADMINISTRATOR };
      if (j < 40) return { title: `Kepala Subbagian ${SECTIONS[(j - 13) % SECTIONS.length]} Bagian ${SETDA_PARTS[Math.floor((j - 13) / 3) % SETDA_PARTS.length]} ${unit}`, echelon: E.IV_A, category: C.SUPERVISOR };
      return rest(j - 40);
    case SUB.SETWAN:
      if (j === 0) return { title: `Sekretaris ${unit}`, echelon: E.II_B, category: C.HIGH_LEADERSHIP };
      if (j < 5) return { title: `Kepala Bagian ${['Umum', 'Keuangan', 'Persidangan dan Perundang-undangan', 'Fasilitasi Penganggaran'][j - 1]} ${unit}`, echelon: E.III_A, category: C.ADMINISTRATOR };
      if (j < 13) return { title: `Kepala Subbagian ${SECTIONS[(j - 5) % SECTIONS.length]} ${unit}`, echelon: E.IV_A, category: C.SUPERVISOR };
      return rest(j - 13);
    case SUB.INSPECTORATE:
      if (j === 0) return { title: `Inspektur ${unit}`, echelon: E.II_B, category: C.HIGH_LEADERSHIP };
      if (j === 1) return { title: `Sekretaris ${unit}`, echelon: E.III_A, category: C.ADMINISTRATOR };
      if (j < 6) return { title: `Inspektur Pembantu Wilayah ${['I', 'II', 'III', 'IV'][j - 2]} ${unit}`, echelon: E.III_A, category: C.ADMINISTRATOR };
      if (j < 9) return { title: `Kepala Subbagian ${['Perencanaan', 'Evaluasi dan Pelaporan', 'Administrasi dan Umum'][j - 6]} ${unit}`, echelon: E.IV_A, category: C.SUPERVISOR };
      return { title: `Auditor Ahli Muda ${unit} ${j - 8}`, echelon: E.NONE, category: C.FUNCTIONAL };
    case SUB.AGENCY:
      if (j === 0) return { title: `Kepala ${unit}`, echelon: E.II_B, category: C.HIGH_LEADERSHIP };
      if (j === 1) return { title: `Sekretaris ${unit}`, echelon: E.III_A, category: C.ADMINISTRATOR };
      if (j < 6) return { title: `Kepala Bidang ${AGENCY_FIELDS[j - 2]} ${unit}`, echelon: E.III_B, category: C.ADMINISTRATOR };
      if (j < 9) return { title: `Kepala Subbagian ${['Umum dan Kepegawaian', 'Keuangan', 'Program'][j - 6]} ${unit}`, echelon: E.IV_A, category: C.SUPERVISOR };
      if (j < 21) return { title: `Kepala Seksi ${SECTIONS[j - 9]} Bidang ${AGENCY_FIELDS[Math.floor((j - 9) / 3)]} ${unit}`, echelon: E.IV_A, category: C.SUPERVISOR };
      return rest(j - 21);
    case SUB.DISTRICT:
      if (j === 0) return { title: `Camat ${unit.replace(/^Kecamatan /, '')}`, echelon: E.III_A, category: C.ADMINISTRATOR };
      if (j === 1) return { title: `Sekretaris ${unit}`, echelon: E.III_B, category: C.ADMINISTRATOR };
      if (j < 7) return { title: `Kepala Seksi ${['Pemerintahan', 'Ketenteraman dan Ketertiban Umum', 'Ekonomi dan Pembangunan', 'Kesejahteraan Sosial', 'Pelayanan Umum'][j - 2]} ${unit}`, echelon: E.IV_A, category: C.SUPERVISOR };
      if (j < 9) return { title: `Kepala Subbagian ${['Umum dan Kepegawaian', 'Perencanaan dan Keuangan'][j - 7]} ${unit}`, echelon: E.IV_B, category: C.SUPERVISOR };
      return staff(j - 9, EXECUTOR, C.EXECUTOR);
    case SUB.SUBDISTRICT:
      if (j === 0) return { title: `Lurah ${unit.replace(/^Kelurahan /, '')}`, echelon: E.IV_A, category: C.SUPERVISOR };
      if (j === 1) return { title: `Sekretaris ${unit}`, echelon: E.IV_B, category: C.SUPERVISOR };
      if (j < 5) return { title: `Kepala Seksi ${['Pemerintahan', 'Ekonomi dan Pembangunan', 'Kesejahteraan Sosial'][j - 2]} ${unit}`, echelon: E.IV_B, category: C.SUPERVISOR };
      return staff(j - 5, EXECUTOR, C.EXECUTOR);
    case SUB.PUSKESMAS:
      if (j === 0) return { title: `Kepala ${unit}`, echelon: E.NONE, category: C.UNIT_HEAD };
      if (j === 1) return { title: `Kepala Subbagian Tata Usaha ${unit}`, echelon: E.IV_B, category: C.SUPERVISOR };
      return staff(j - 2, HEALTH, C.FUNCTIONAL);
    default: // UPTD
      if (j === 0) return { title: `Kepala ${unit}`, echelon: E.IV_A, category: C.SUPERVISOR };
      if (j === 1) return { title: `Kepala Subbagian Tata Usaha ${unit}`, echelon: E.IV_B, category: C.SUPERVISOR };
      return staff(j - 2, EXECUTOR, C.EXECUTOR);
  }
}

// ── Structure: units, posts, governments ──────────────────────────────────────────────────

export interface Structure {
  plan: Plan;
  orgCode: string[];
  orgName: string[];
  orgKind: Uint8Array;
  orgSub: Uint8Array;
  /** Index of the parent unit (always an earlier one), -1 for a root. */
  orgParent: Int32Array;
  /** Index of the government (0 … G−1) of each unit. */
  orgGov: Int32Array;
  /** Per government: its top unit's index and its kode wilayah. */
  govRoot: Int32Array;
  govRegion: string[];
  govCity: Uint8Array;
  /** Per government: its name ("Kabupaten X" / "Kota X"), regent title, and its posts [posFrom, posTo). */
  govName: string[];
  govHead: string[];
  govPosFrom: Int32Array;
  govPosTo: Int32Array;
  posOrg: Int32Array;
  posEchelon: Int8Array;
  posCategory: Int8Array;
  /** Index of the post within its unit (for the title). */
  posIndex: Int32Array;
}

export function buildStructure(plan: Plan): Structure {
  const random = stream(plan.seed, STREAM.structure);
  const G = plan.governments;
  const orgCode: string[] = [];
  const orgName: string[] = [];
  const kinds: number[] = [];
  const subs: number[] = [];
  const parents: number[] = [];
  const orgGov: number[] = [];
  const govName: string[] = [];
  const govHead: string[] = [];
  const govRoot: number[] = [];
  const govRegion: string[] = [];
  const govCity: number[] = [];
  const add = (code: string, name: string, kind: number, sub: number, parent: number, gov: number) => {
    orgCode.push(code);
    orgName.push(name);
    kinds.push(kind);
    subs.push(sub);
    parents.push(parent);
    orgGov.push(gov);
    return orgCode.length - 1;
  };
  const usedGovNames = new Set<string>();
  for (let g = 0; g < G; g++) {
    const budget = Math.floor(((g + 1) * plan.organizations) / G) - Math.floor((g * plan.organizations) / G);
    const city = random() < 0.18;
    let place = placeName(random);
    for (let attempt = 1; usedGovNames.has(`${city}${place}`); attempt++) place = attempt < 50 ? placeName(random) : `${placeName(random)} ${['Raya', 'Baru', 'Hilir', 'Hulu', 'Kepulauan'][attempt % 5]}`;
    usedGovNames.add(`${city}${place}`);
    const name = `${city ? 'Kota' : 'Kabupaten'} ${place}`;
    govName.push(name);
    govHead.push(`${city ? 'Wali Kota' : 'Bupati'} ${place}`);
    const gc = `G${g + 1}`;
    const root = add(gc, `Pemerintah ${name}`, K.GOVERNMENT, SUB.ROOT, -1, g);
    govRoot.push(root);
    // Kode wilayah: 99 regencies and cities per made-up province from 11 on, unique up to ~8,000 governments.
    govRegion.push(`${11 + Math.floor(g / 99)}.${pad2((g % 99) + 1)}`);
    govCity.push(city ? 1 : 0);
    // The fixed units, then agencies, districts, their subdistricts, and technical units under agencies.
    const fixed: [string, string, number, number][] = [
      ['SETDA', `Sekretariat Daerah ${name}`, K.SECRETARIAT, SUB.SETDA],
      ['SETWAN', `Sekretariat DPRD ${name}`, K.SECRETARIAT, SUB.SETWAN],
      ['INSP', `Inspektorat ${name}`, K.INSPECTORATE, SUB.INSPECTORATE],
    ];
    const r = budget - 1 - fixed.length;
    for (const [code, unit, kind, sub] of fixed.slice(0, Math.max(0, budget - 1))) add(`${gc}-${code}`, unit, kind, sub, root, g);
    if (r <= 0) continue;
    const agencies = Math.max(1, Math.round(r * 0.25));
    const districts = Math.min(r - agencies, Math.max(1, Math.round(r * 0.14)));
    const technical = Math.min(r - agencies - districts, Math.round(r * 0.16));
    const subdistricts = r - agencies - districts - technical;
    const agencyIds: number[] = [];
    for (let a = 0; a < agencies; a++) {
      const base = AGENCIES[a % AGENCIES.length];
      const unit = `${base}${a >= AGENCIES.length ? ` ${Math.floor(a / AGENCIES.length) + 1}` : ''} ${name}`;
      agencyIds.push(add(`${gc}-D${a + 1}`, unit, K.AGENCY, SUB.AGENCY, root, g));
    }
    const districtNames: string[] = [];
    for (let d = 0; d < districts; d++) {
      const dn = placeName(random);
      districtNames.push(dn);
      const district = add(`${gc}-KEC${d + 1}`, `Kecamatan ${dn}`, K.DISTRICT, SUB.DISTRICT, root, g);
      const mine = Math.floor(((d + 1) * subdistricts) / districts) - Math.floor((d * subdistricts) / districts);
      for (let v = 0; v < mine; v++) add(`${gc}-KEC${d + 1}-KEL${v + 1}`, `Kelurahan ${placeName(random)}`, K.SUBDISTRICT, SUB.SUBDISTRICT, district, g);
    }
    const health = agencyIds.length > 1 ? agencyIds[1] : agencyIds[0];
    for (let t = 0; t < technical; t++) {
      if (t % 2 === 0) {
        add(`${gc}-PKM${t + 1}`, `UPTD Puskesmas ${districtNames[(t / 2) % districtNames.length] ?? placeName(random)} ${name}`, K.TECHNICAL_UNIT, SUB.PUSKESMAS, health, g);
      } else {
        const parent = agencyIds[Math.floor(random() * agencyIds.length)];
        add(`${gc}-UPTD${t + 1}`, `UPTD ${['Pengelolaan', 'Pelayanan', 'Laboratorium', 'Balai Latihan'][t % 4]} ${orgName[parent]}`, K.TECHNICAL_UNIT, SUB.UPTD, parent, g);
      }
    }
  }
  const N = orgCode.length;
  // Posts: apportioned to units by weight (cumulative rounding gives exactly plan.positions).
  const weights = subs.map((s) => SUB_WEIGHT[s]);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const posOrg = new Int32Array(plan.positions);
  const posEchelon = new Int8Array(plan.positions);
  const posCategory = new Int8Array(plan.positions);
  const posIndex = new Int32Array(plan.positions);
  const govPosFrom = new Int32Array(G);
  const govPosTo = new Int32Array(G);
  let cum = 0;
  let p = 0;
  let prevGov = -1;
  for (let o = 0; o < N; o++) {
    const before = Math.round((cum * plan.positions) / totalWeight);
    cum += weights[o];
    const count = Math.round((cum * plan.positions) / totalWeight) - before;
    const g = orgGov[o];
    if (g !== prevGov) {
      for (let h = prevGov + 1; h <= g; h++) govPosFrom[h] = p;
      prevGov = g;
    }
    for (let j = 0; j < count; j++, p++) {
      const t = postTemplate(subs[o], orgName[o], j);
      posOrg[p] = o;
      posEchelon[p] = t.echelon;
      posCategory[p] = t.category;
      posIndex[p] = j;
    }
    govPosTo[g] = p;
  }
  for (let h = prevGov + 1; h < G; h++) govPosFrom[h] = govPosTo[h] = p;
  if (p !== plan.positions) throw new Error(`internal: ${p} posts apportioned, ${plan.positions} planned`);
  return {
    plan,
    orgCode,
    orgName,
    orgKind: Uint8Array.from(kinds),
    orgSub: Uint8Array.from(subs),
    orgParent: Int32Array.from(parents),
    orgGov: Int32Array.from(orgGov),
    govRoot: Int32Array.from(govRoot),
    govRegion,
    govCity: Uint8Array.from(govCity),
    govName,
    govHead,
    govPosFrom,
    govPosTo,
    posOrg,
    posEchelon,
    posCategory,
    posIndex,
  };
}

// ── Events ────────────────────────────────────────────────────────────────────────────────

export interface Events {
  count: number;
  gov: Int32Array;
  /** Effective (and sworn-in) day number; non-decreasing with the index. */
  day: Int32Array;
  date: string[];
  /** The government's first event: it fills all its posts. */
  founding: Uint8Array;
}

export function buildEvents(s: Structure): Events {
  const { plan } = s;
  const random = stream(plan.seed, STREAM.events);
  const G = plan.governments;
  const n = plan.events;
  const days = workingDays();
  const gov = new Int32Array(n);
  const day = new Int32Array(n);
  const founding = new Uint8Array(n);
  const date: string[] = new Array(n);
  // Round-robin over the governments, in a fresh order each round: the first round founds them all.
  const order = Int32Array.from({ length: G }, (_, g) => g);
  for (let i = 0; i < n; i++) {
    const j = i % G;
    if (j === 0) shuffle(order, 0, G, random);
    gov[i] = order[j];
    founding[i] = i < G ? 1 : 0;
    day[i] = days[Math.floor((i * days.length) / n)];
    date[i] = isoDay(day[i]);
  }
  return { count: n, gov, day, date, founding };
}

function shuffle(a: Int32Array, from: number, to: number, random: () => number): void {
  for (let i = to - 1; i > from; i--) {
    const j = from + Math.floor(random() * (i - from + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

// ── The simulation ────────────────────────────────────────────────────────────────────────

/** Share of a reshuffle's posts that go round in cycles (the rest move up in chains). */
const CYCLE_SHARE = 0.25;
/** Chance that a vacancy is filled at each event of its government. */
const FILL_CHANCE = 0.6;
/** Chance that, once the newcomers of an event are placed, a chain leaves its lowest post vacant. */
const VACATE_CHANCE = 0.3;
/** A reshuffle touches at most this share of a government's posts. */
const MAX_SHARE = 0.6;

export type Mode = 'dry' | 'transfers' | 'appointments';

export interface SimulationTotals {
  transfers: number;
  appointments: number;
  /** Officials who held nothing when their first post came (all of them, at the end). */
  entered: number;
  reentries: number;
  vacantAtEnd: number;
  emptyEvents: number;
}

/**
 * Replays the history. Ids are 1-based indexes plus the given bases (officials, posts, events
 * and transfers in generation order). `run` yields batches of COPY text lines; in 'dry' mode it
 * yields nothing and fills `firstEvent` / `firstPost` and the totals.
 */
export class Simulation {
  readonly firstEvent: Int32Array;
  readonly firstPost: Int32Array;
  totals: SimulationTotals = { transfers: 0, appointments: 0, entered: 0, reentries: 0, vacantAtEnd: 0, emptyEvents: 0 };
  private readonly target: Int32Array;
  private readonly newQuota: Float64Array;
  private readonly chainRate: number;

  constructor(
    private readonly s: Structure,
    private readonly ev: Events,
    private readonly ids: { official: number; position: number; event: number; transfer: number; appointment: number } = { official: 1, position: 1, event: 1, transfer: 1, appointment: 1 },
  ) {
    const { plan } = s;
    this.firstEvent = new Int32Array(plan.officials).fill(-1);
    this.firstPost = new Int32Array(plan.officials).fill(-1);
    // Appointments each reshuffle aims at, proportional to its government's size.
    const random = stream(plan.seed, STREAM.events + 100);
    const size = (i: number) => s.govPosTo[ev.gov[i]] - s.govPosFrom[ev.gov[i]];
    let weight = 0;
    for (let i = 0; i < ev.count; i++) if (!ev.founding[i]) weight += size(i);
    const rest = Math.max(0, plan.appointmentsTarget - plan.positions);
    const rate = weight > 0 ? rest / weight : 0;
    this.target = new Int32Array(ev.count);
    let planned = 0;
    for (let i = 0; i < ev.count; i++) {
      if (ev.founding[i]) continue;
      const n = size(i);
      this.target[i] = n === 0 ? 0 : Math.max(1, Math.min(Math.floor(n * MAX_SHARE), Math.round(n * rate * (0.8 + 0.4 * random()))));
      planned += this.target[i];
    }
    // Newcomers due by the end of each event: everyone once 95% of the reshuffles are done.
    const newcomers = plan.officials - plan.positions;
    this.newQuota = new Float64Array(ev.count);
    let cum = 0;
    let founded = 0;
    for (let i = 0; i < ev.count; i++) {
      if (ev.founding[i]) founded += size(i);
      else cum += this.target[i];
      this.newQuota[i] = founded + (planned > 0 ? Math.min(newcomers, Math.floor((newcomers * cum) / (0.95 * planned))) : newcomers);
    }
    this.chainRate = planned > 0 ? Math.min(1, (1.1 * newcomers) / (planned * (1 - CYCLE_SHARE))) : 1;
  }

  *run(mode: Mode, batch = 1000): Generator<string[], void, undefined> {
    const { s, ev, ids } = this;
    const { plan } = s;
    const random = stream(plan.seed, STREAM.simulation);
    const P = plan.positions;
    const O = plan.officials;
    const holder = new Int32Array(P).fill(-1);
    const touched = new Int32Array(P).fill(-1);
    const perm = Int32Array.from({ length: P }, (_, p) => p);
    const heldPost = new Int32Array(O).fill(-1);
    const heldSince = new Int32Array(O);
    const heldBy = new Float64Array(O);
    const pool = new Int32Array(O);
    let poolSize = 0;
    const pending = new Int32Array(O);
    let pendingSize = 0;
    const dry = mode === 'dry';
    const emitTransfers = mode === 'transfers';
    const emitAppointments = mode === 'appointments';
    const firstEvent = this.firstEvent;
    const firstPost = this.firstPost;
    let lines: string[] = [];
    let transferNo = 0;
    let appointmentNo = 0;
    let cursor = 0;
    let reentries = 0;
    let emptyEvents = 0;
    let currentDay = -1;
    let maxGov = 0;
    for (let g = 0; g < plan.governments; g++) maxGov = Math.max(maxGov, s.govPosTo[g] - s.govPosFrom[g]);
    const vac = new Int32Array(maxGov);
    const occ = new Int32Array(maxGov);
    const chain = new Int32Array(maxGov);
    const chainHolders = new Int32Array(maxGov);

    // Per event.
    let i = 0;
    let seq = 0;
    let day = 0;
    let needNew = 0;

    const appointmentLine = (o: number, post: number, end: string | null, endedBy: number) =>
      `${ids.appointment + appointmentNo}\t${ids.official + o}\t${ids.position + post}\tDEFINITIVE\t${ev.date[heldSince[o]]}\t${end ?? '\\N'}\t${heldBy[o]}\t${endedBy < 0 ? '\\N' : endedBy}`;

    /** One transfer of official o from post `from` (or -1) to `to` (or -1), at event i. */
    const transfer = (o: number, from: number, to: number) => {
      const id = ids.transfer + transferNo++;
      seq++;
      if (emitTransfers) {
        const kind = deriveKindIndex(from < 0 ? -1 : s.posEchelon[from], from < 0 ? -1 : s.posCategory[from], to < 0 ? -1 : s.posEchelon[to], to < 0 ? -1 : s.posCategory[to], from >= 0, to >= 0);
        lines.push(`${id}\t${ids.event + i}\t${seq}\t${ids.official + o}\t${from < 0 ? '\\N' : ids.position + from}\tf\t${to < 0 ? '\\N' : ids.position + to}\t${TRANSFER_KINDS[kind]}\tf\tDEFINITIVE`);
      }
      if (heldPost[o] >= 0) {
        if (emitAppointments) lines.push(appointmentLine(o, heldPost[o], ev.date[i], id));
        appointmentNo++;
      }
      if (from >= 0) touched[from] = day;
      if (to >= 0) {
        touched[to] = day;
        heldPost[o] = to;
        heldSince[o] = i;
        heldBy[o] = id;
        if (dry && firstEvent[o] < 0) {
          firstEvent[o] = i;
          firstPost[o] = to;
        }
      } else {
        heldPost[o] = -1;
        pending[pendingSize++] = o;
      }
    };

    /** An official who holds nothing and has not moved today, or -1. */
    const entrant = (mayLeaveVacant: boolean): number => {
      if (needNew > 0 && cursor < O) {
        needNew--;
        return cursor++;
      }
      if (mayLeaveVacant && random() < VACATE_CHANCE) return -1;
      if (poolSize > 0) {
        const k = Math.floor(random() * poolSize);
        const o = pool[k];
        pool[k] = pool[--poolSize];
        reentries++;
        return o;
      }
      if (cursor < O) return cursor++;
      return -1;
    };

    for (i = 0; i < ev.count; i++) {
      day = ev.day[i];
      if (day !== currentDay) {
        // Officials dismissed on an earlier day may come back.
        pool.set(pending.subarray(0, pendingSize), poolSize);
        poolSize += pendingSize;
        pendingSize = 0;
        currentDay = day;
      }
      seq = 0;
      const g = ev.gov[i];
      const lo = s.govPosFrom[g];
      const hi = s.govPosTo[g];
      shuffle(perm, lo, hi, random);
      let nv = 0;
      let no = 0;
      for (let k = lo; k < hi; k++) {
        const p = perm[k];
        if (touched[p] === day) continue;
        if (holder[p] < 0) vac[nv++] = p;
        else occ[no++] = p;
      }
      needNew = Math.max(0, this.newQuota[i] - cursor);
      const founding = ev.founding[i] === 1;

      // Vacancies.
      let fills = 0;
      for (let k = 0; k < nv; k++) {
        if (!founding && random() >= FILL_CHANCE) continue;
        const e = entrant(false);
        if (e < 0) break;
        transfer(e, -1, vac[k]);
        holder[vac[k]] = e;
        fills++;
      }
      const total = founding ? 0 : Math.min(no, Math.max(0, this.target[i] - fills));
      let kc = total >= 2 ? Math.round(total * CYCLE_SHARE) : 0;
      if (kc === 1) kc = 0;
      const kh = total - kc;

      // Cycles of 2–5 posts over occ[0, kc).
      let k = 0;
      while (k < kc) {
        let m = 2 + Math.floor(random() * 4);
        if (kc - k - m < 2) m = kc - k;
        for (let j = 0; j < m; j++) chainHolders[j] = holder[occ[k + j]];
        for (let j = 0; j < m; j++) {
          const to = occ[k + ((j + 1) % m)];
          transfer(chainHolders[j], occ[k + j], to);
          holder[to] = chainHolders[j];
        }
        k += m;
      }

      // Chains over occ[kc, total): c chains, cut at c−1 gaps chosen by selection sampling.
      if (kh > 0) {
        const c = Math.min(kh, Math.max(1, Math.round(kh * this.chainRate * (0.8 + 0.4 * random())), needNew));
        let cutsLeft = c - 1;
        let start = kc;
        for (let pos = kc + 1; pos <= total; pos++) {
          // A chain ends before `pos` if this gap is cut (or at the end).
          const gapsLeft = total - pos;
          const end = pos === total || (cutsLeft > 0 && random() * gapsLeft < cutsLeft);
          if (!end) continue;
          if (pos < total) cutsLeft--;
          // Posts from the lowest to the highest (no echelon counts as the lowest).
          const m = pos - start;
          for (let j = 0; j < m; j++) {
            const p = occ[start + j];
            const rankOf = (q: number) => (s.posEchelon[q] < 0 ? 99 : s.posEchelon[q]);
            let h = j;
            while (h > 0 && rankOf(chain[h - 1]) < rankOf(p)) {
              chain[h] = chain[h - 1];
              h--;
            }
            chain[h] = p;
          }
          for (let j = 0; j < m; j++) chainHolders[j] = holder[chain[j]];
          // The top holder leaves, each other holder moves one post up, a newcomer takes the bottom.
          transfer(chainHolders[m - 1], chain[m - 1], -1);
          for (let j = m - 2; j >= 0; j--) {
            transfer(chainHolders[j], chain[j], chain[j + 1]);
            holder[chain[j + 1]] = chainHolders[j];
          }
          const e = entrant(true);
          if (e >= 0) transfer(e, -1, chain[0]);
          holder[chain[0]] = e;
          start = pos;
        }
      }
      if (seq === 0) emptyEvents++;
      if (lines.length >= batch) {
        yield lines;
        lines = [];
      }
    }

    // Posts still held: open appointments.
    let vacant = 0;
    for (let p = 0; p < P; p++) if (holder[p] < 0) vacant++;
    for (let o = 0; o < O; o++) {
      if (heldPost[o] < 0) continue;
      if (emitAppointments) lines.push(appointmentLine(o, heldPost[o], null, -1));
      appointmentNo++;
      if (lines.length >= batch) {
        yield lines;
        lines = [];
      }
    }
    if (lines.length > 0) yield lines;
    this.totals = { transfers: transferNo, appointments: appointmentNo, entered: cursor, reentries, vacantAtEnd: vacant, emptyEvents };
    if (cursor < O) {
      throw new Error(`only ${cursor} of ${O} officials could be given a post with ${ev.count} events over ${P} posts; use a larger scale`);
    }
  }
}

// ── Rows of the fixed tables (COPY text format: tab-separated, \N for NULL) ───────────────

const FIRST_MALE = ['Ahmad', 'Budi', 'Agus', 'Dedi', 'Eko', 'Hendra', 'Joko', 'Rudi', 'Slamet', 'Bambang', 'Andi', 'Arif', 'Dwi', 'Fajar', 'Hadi', 'Imam', 'Irwan', 'Muhammad', 'Nur', 'Rahmat', 'Rizki', 'Sigit', 'Teguh', 'Wahyu', 'Yusuf', 'Zainal', 'Asep', 'Ujang', 'Dadang', 'Made', 'Ketut', 'Wayan', 'Iwan', 'Heru', 'Didik', 'Yudi', 'Taufik', 'Ridwan', 'Syamsul', 'Firman'];
const FIRST_FEMALE = ['Siti', 'Sri', 'Dewi', 'Rina', 'Nurul', 'Ani', 'Endang', 'Fitri', 'Indah', 'Lestari', 'Maya', 'Novi', 'Putri', 'Ratna', 'Rini', 'Sari', 'Wulan', 'Yuni', 'Dian', 'Eka', 'Kartika', 'Lina', 'Mega', 'Nining', 'Ayu', 'Ida', 'Ika', 'Tuti', 'Wati', 'Yanti', 'Nia', 'Desi'];
const MIDDLE = ['Adi', 'Budi', 'Tri', 'Dwi', 'Nur', 'Sri', 'Agung', 'Eka', 'Putra', 'Putri', 'Indra', 'Dian', 'Rahmat', 'Ayu'];
const LAST = ['Santoso', 'Wijaya', 'Saputra', 'Hidayat', 'Kurniawan', 'Setiawan', 'Pratama', 'Nugroho', 'Susanto', 'Gunawan', 'Hakim', 'Firmansyah', 'Syahputra', 'Rahman', 'Hasibuan', 'Siregar', 'Nasution', 'Lubis', 'Harahap', 'Simanjuntak', 'Sitompul', 'Sembiring', 'Ginting', 'Purba', 'Wibowo', 'Prasetyo', 'Sulistyo', 'Rahayu', 'Permata', 'Handayani', 'Kusuma', 'Maharani', 'Suryani', 'Wulandari', 'Puspita', 'Anggraini', 'Utami', 'Hutapea', 'Pohan', 'Manurung', 'Tambunan', 'Daulay', 'Effendi', 'Hamzah', 'Iskandar', 'Munthe', 'Pane', 'Ramadhan', 'Sinaga', 'Wahyudi'];
const SUFFIX = ['S.Sos.', 'S.E.', 'S.H.', 'S.Pd.', 'S.T.', 'S.Kom.', 'S.IP.', 'S.STP.', 'M.Si.', 'M.M.', 'M.Pd.', 'S.IP., M.Si.', 'S.STP., M.Si.', 'S.E., M.M.', 'S.H., M.H.', 'S.T., M.T.', 'S.Kep., Ns.', 'M.Kes.'];

export function* organizationRows(s: Structure, baseId = 1, batch = 1000): Generator<string[]> {
  let lines: string[] = [];
  for (let o = 0; o < s.orgCode.length; o++) {
    const root = s.orgParent[o] < 0;
    const g = s.orgGov[o];
    const parent = root ? '\\N' : String(baseId + s.orgParent[o]);
    // A government's top unit carries its region code and type; government_id is the trigger's.
    const government = root ? `${s.govRegion[g]}\t${s.govCity[g] ? 'CITY' : 'REGENCY'}` : '\\N\t\\N';
    lines.push(`${baseId + o}\t${s.orgCode[o]}\t${s.orgName[o]}\t${ORG_KINDS[s.orgKind[o]]}\t${parent}\t${government}`);
    if (lines.length >= batch) {
      yield lines;
      lines = [];
    }
  }
  if (lines.length > 0) yield lines;
}

export function* positionRows(s: Structure, ids = { position: 1, organization: 1 }, batch = 1000): Generator<string[]> {
  let lines: string[] = [];
  for (let p = 0; p < s.posOrg.length; p++) {
    const o = s.posOrg[p];
    const t = postTemplate(s.orgSub[o], s.orgName[o], s.posIndex[p]);
    lines.push(`${ids.position + p}\tP${p + 1}\t${t.title.slice(0, 255)}\t${ids.organization + o}\t${t.echelon < 0 ? '\\N' : ECHELONS[t.echelon]}\t${CATEGORIES[t.category]}`);
    if (lines.length >= batch) {
      yield lines;
      lines = [];
    }
  }
  if (lines.length > 0) yield lines;
}

export function* eventRows(s: Structure, ev: Events, baseId = 1, batch = 1000): Generator<string[]> {
  const random = stream(s.plan.seed, STREAM.events + 200);
  let lines: string[] = [];
  for (let i = 0; i < ev.count; i++) {
    const g = ev.gov[i];
    const gov = s.govName[g];
    const year = ev.date[i].slice(0, 4);
    const title = ev.founding[i]
      ? `Pengukuhan Pejabat di Lingkungan Pemerintah ${gov} Tahun ${year}`
      : `Pelantikan dan Pengambilan Sumpah Jabatan ${['Pejabat Pimpinan Tinggi Pratama, Administrator dan Pengawas', 'Pejabat Administrator dan Pengawas', 'Pejabat Fungsional dan Pengawas', 'Pejabat Struktural'][Math.floor(random() * 4)]} di Lingkungan Pemerintah ${gov}`;
    const decree = random() < 0.9 ? `800.1.3.3/Kep.${i + 1}-BKPSDM/${year}` : '\\N';
    const decreeDate = decree === '\\N' ? '\\N' : isoDay(ev.day[i] - Math.floor(random() * 8));
    const location = random() < 0.7 ? [`Pendopo ${gov}`, `Aula Kantor ${s.govHead[g]}`, `Gedung Serbaguna ${gov}`][Math.floor(random() * 3)] : '\\N';
    lines.push(`${baseId + i}\t${title}\t${s.govHead[g]}\t${decree}\t${decreeDate}\t${ev.date[i]}\t${ev.date[i]}\t${location}\tRECORDED\t1\t${1 + s.govRoot[g]}`);
    if (lines.length >= batch) {
      yield lines;
      lines = [];
    }
  }
  if (lines.length > 0) yield lines;
}

/**
 * Officials. The NIP is birth date + TMT CPNS (YYYYMM) + gender digit + a 3-digit serial counted
 * per birth date (001–999): no two officials get the same (birth date, serial), so NIPs are unique
 * however many there are (up to 999 per day of the 36 birth years, i.e. 13 million). The TMT is at least
 * 20 years after the birth year, not after 2020, and not after the month of the official's first
 * post (the recorder refuses transfers before the TMT); the rank suits the echelon of that post.
 */
export function* officialRows(s: Structure, ev: Events, sim: Simulation, baseId = 1, batch = 1000): Generator<string[]> {
  const random = stream(s.plan.seed, STREAM.officials);
  const firstBirth = dayOf(1960, 1, 1);
  const lastBirth = dayOf(1995, 12, 31);
  const serials = new Uint16Array(lastBirth - firstBirth + 1);
  let lines: string[] = [];
  for (let o = 0; o < s.plan.officials; o++) {
    const firstDay = ev.day[sim.firstEvent[o]];
    const first = new Date(firstDay * DAY_MS);
    const entryYear = first.getUTCFullYear();
    const entryMonth = first.getUTCMonth() + 1;
    // Birth year: 20 to 50 years before the first post, within 1960–1995.
    const latestYear = Math.min(1995, Math.min(2020, entryYear) - 20);
    const earliestYear = Math.max(1960, entryYear - 50);
    const lo = dayOf(earliestYear, 1, 1) - firstBirth;
    const hi = dayOf(latestYear, 12, 31) - firstBirth;
    let b = lo + Math.floor(random() * (hi - lo + 1));
    for (let tries = 0; serials[b] >= 999; tries++) {
      if (tries > hi - lo) throw new Error('no NIP serial left');
      b = b === hi ? lo : b + 1;
    }
    const serial = ++serials[b];
    const birth = new Date((firstBirth + b) * DAY_MS);
    const birthYear = birth.getUTCFullYear();
    const birthIso = `${birthYear}-${pad2(birth.getUTCMonth() + 1)}-${pad2(birth.getUTCDate())}`;
    // TMT CPNS: a month between the 20th birthday year and min(2020-12, the first post's month).
    const tmtFrom = (birthYear + 20) * 12;
    const tmtTo = Math.min(2020 * 12 + 11, entryYear * 12 + entryMonth - 1, (birthYear + 35) * 12 + 11);
    const tmt = tmtFrom + Math.floor(random() * (tmtTo - tmtFrom + 1));
    const female = random() < 0.45;
    const nip = `${birthIso.replace(/-/g, '')}${Math.floor(tmt / 12)}${pad2((tmt % 12) + 1)}${female ? 2 : 1}${String(serial).padStart(3, '0')}`;
    const firsts = female ? FIRST_FEMALE : FIRST_MALE;
    const parts = [firsts[Math.floor(random() * firsts.length)]];
    if (random() < 0.35) parts.push(MIDDLE[Math.floor(random() * MIDDLE.length)]);
    parts.push(LAST[Math.floor(random() * LAST.length)]);
    const u = random();
    const prefix = u < 0.06 ? (female ? 'Dra.' : 'Drs.') : u < 0.1 ? (female ? 'Hj.' : 'H.') : u < 0.12 ? 'Ir.' : '\\N';
    const suffix = random() < 0.75 ? SUFFIX[Math.floor(random() * SUFFIX.length)] : '\\N';
    const echelon = s.posEchelon[sim.firstPost[o]];
    const rankIndex = echelon >= 0 ? Math.min(16, MINIMUM_RANK[echelon] + Math.floor(random() * 3)) : 6 + Math.floor(random() * 6);
    // Registered by the government of their first post (units are loaded with ids from 1).
    const government = 1 + s.govRoot[s.orgGov[s.posOrg[sim.firstPost[o]]]];
    lines.push(`${baseId + o}\t${nip}\t${parts.join(' ')}\t${prefix}\t${suffix}\tPNS\t${RANKS[rankIndex]}\t${female ? 'FEMALE' : 'MALE'}\t${birthIso}\t${government}`);
    if (lines.length >= batch) {
      yield lines;
      lines = [];
    }
  }
  if (lines.length > 0) yield lines;
}
