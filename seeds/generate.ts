/**
 * Writes the Kota Bekasi demo dataset (seeds/data/*.csv, events.json) from the public facts in
 * seeds/data/bekasi.json. The officials and their careers are fictional, drawn from a fixed
 * seed, so the output is the same on every run. Run: npx tsx seeds/generate.ts
 */
import { stringify } from 'csv-stringify/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { prng } from './prng.js';

const DATA = new URL('./data/', import.meta.url);
const facts = JSON.parse(readFileSync(new URL('bekasi.json', DATA), 'utf8'));

const random = prng(20260206);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const slug = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]+/g, '-');

// ── Units and posts ────────────────────────────────────────────────────────────────────────
interface Org { code: string; name: string; kind: string; parent: string; establishedOn: string }
interface Post { code: string; title: string; org: string; echelon: string; category: string; establishedOn: string }
const orgs: Org[] = [];
const posts: Post[] = [];
const org = (code: string, name: string, kind: string, parent = '', establishedOn = '') => orgs.push({ code, name, kind, parent, establishedOn });
const post = (code: string, title: string, o: string, echelon: string, category: string, establishedOn = '') => {
  posts.push({ code, title, org: o, echelon, category, establishedOn });
  return code;
};

const GOV = facts.government.code;
org(GOV, facts.government.name, 'GOVERNMENT', '', facts.government.establishedOn);
for (const s of facts.secretariats) {
  org(s.code, s.name, s.kind, GOV);
  post(`${s.code}-KEPALA`, s.head[0], s.code, s.head[1], 'HIGH_LEADERSHIP');
}
const agencies: { code: string; head: string; secretary: string; fields: string[]; admin: string }[] = [];
for (const a of facts.agencies) {
  org(a.code, a.name, 'AGENCY', GOV);
  agencies.push({
    code: a.code,
    head: post(`${a.code}-KEPALA`, `Kepala ${a.name}`, a.code, 'II_B', 'HIGH_LEADERSHIP'),
    secretary: post(`${a.code}-SEK`, `Sekretaris ${a.name}`, a.code, 'III_A', 'ADMINISTRATOR'),
    fields: a.fields.map((f: string, i: number) => post(`${a.code}-KABID-${i + 1}`, `Kepala Bidang ${f}`, a.code, 'III_B', 'ADMINISTRATOR')),
    admin: post(`${a.code}-KASUBAG-UMUM`, `Kepala Subbagian Umum dan Kepegawaian ${a.name}`, a.code, 'IV_A', 'SUPERVISOR'),
  });
}
const districts: { code: string; camat: string; sekcam: string; kasi: string[]; villages: { code: string; lurah: string; sekel: string }[] }[] = [];
const puskesmas: { code: string; head: string; village: string }[] = [];
for (const d of facts.districts) {
  const code = `KEC-${slug(d.name)}`;
  org(code, `Kecamatan ${d.name}`, 'DISTRICT', GOV);
  const villages = d.villages.map((v: string) => {
    const vc = `KEL-${slug(v)}`;
    org(vc, `Kelurahan ${v}`, 'SUBDISTRICT', code);
    return { code: vc, lurah: post(`${vc}-LURAH`, `Lurah ${v}`, vc, 'IV_A', 'SUPERVISOR'), sekel: post(`${vc}-SEKEL`, `Sekretaris Kelurahan ${v}`, vc, 'IV_B', 'SUPERVISOR') };
  });
  districts.push({
    code,
    camat: post(`${code}-CAMAT`, `Camat ${d.name}`, code, 'III_A', 'ADMINISTRATOR'),
    sekcam: post(`${code}-SEKCAM`, `Sekretaris Kecamatan ${d.name}`, code, 'III_B', 'ADMINISTRATOR'),
    kasi: [
      post(`${code}-KASI-PEM`, `Kepala Seksi Pemerintahan Kecamatan ${d.name}`, code, 'IV_A', 'SUPERVISOR'),
      post(`${code}-KASI-EKBANG`, `Kepala Seksi Ekonomi dan Pembangunan Kecamatan ${d.name}`, code, 'IV_A', 'SUPERVISOR'),
    ],
    villages,
  });
}
for (const d of facts.districts) {
  for (const v of d.villages) {
    const code = `PKM-${slug(v)}`;
    const opened = v === facts.puskesmasOpenedIn2026 ? '2026-01-02' : '';
    org(code, `UPTD Puskesmas ${v}`, 'TECHNICAL_UNIT', 'DINKES', opened);
    puskesmas.push({ code, head: post(`${code}-KEPALA`, `Kepala UPTD Puskesmas ${v}`, code, '', 'UNIT_HEAD', opened), village: v });
  }
}

// ── Officials (fictional) ──────────────────────────────────────────────────────────────────
interface Person { nip: string; name: string; prefix: string; suffix: string; rank: string }
const people: Person[] = [];
const nips = new Set<string>();
const RANKS: Record<string, [string, string]> = {
  II_A: ['IV_D', 'IV_D'], II_B: ['IV_C', 'IV_C'], III_A: ['IV_A', 'IV_B'], III_B: ['III_D', 'IV_A'], IV_A: ['III_C', 'III_D'], IV_B: ['III_B', 'III_C'], '': ['III_D', 'IV_A'],
};
const BORN: Record<string, [number, number]> = { II_A: [1966, 1970], II_B: [1967, 1973], III_A: [1969, 1978], III_B: [1972, 1982], IV_A: [1976, 1986], IV_B: [1978, 1990], '': [1975, 1989] };
const DEGREES = ['S.E.', 'S.H.', 'S.Sos.', 'S.IP.', 'S.T.', 'S.Kom.', 'S.AP.', 'S.E., M.M.', 'S.H., M.H.', 'S.Sos., M.Si.', 'S.IP., M.Si.', 'S.T., M.T.', 'S.STP., M.Si.', 'S.Pd., M.Pd.'];

function person(echelon: string, doctor: boolean, born?: number): Person {
  const female = random() < (doctor ? 0.6 : 0.4);
  const given = pick<string>(female ? facts.names.female : facts.names.male);
  let family = pick<string>(facts.names.family);
  while (family === given) family = pick<string>(facts.names.family);
  const [lo, hi] = BORN[echelon];
  const year = born ?? between(lo, hi);
  const birth = `${year}${pad(between(1, 12))}${pad(between(1, 28))}`;
  const tmt = `${Math.min(year + between(24, 28), 2016)}${pad(pick([1, 2, 3, 3, 4, 12]))}`;
  let nip = '';
  do nip = `${birth}${tmt}${female ? 2 : 1}${pad(between(1, 999), 3)}`;
  while (nips.has(nip));
  nips.add(nip);
  const pilgrim = random() < 0.2 ? (female ? 'Hj.' : 'H.') : '';
  const prefix = doctor ? [random() < 0.85 ? 'dr.' : 'drg.', pilgrim].filter(Boolean).join(' ') : [pilgrim, year < 1972 && random() < 0.3 ? (female ? 'Dra.' : 'Drs.') : ''].filter(Boolean).join(' ');
  const suffix = doctor ? (random() < 0.45 ? 'M.Kes.' : '') : prefix.includes('Dr') ? (random() < 0.5 ? 'M.Si.' : '') : pick(DEGREES);
  const rank = pick(RANKS[echelon]);
  const p = { nip, name: `${given} ${family}`, prefix, suffix, rank };
  people.push(p);
  return p;
}

// ── History ────────────────────────────────────────────────────────────────────────────────
interface Row { nip: string; toPositionCode?: string; fromPositionCode?: string; kind?: string; capacity?: string; note?: string }
interface Event { key: string; title: string; issuer: string; signatoryName?: string; signatoryTitle?: string; decreeNumber: string; decreeDate: string; swornInOn: string; swornInAt?: string; location: string; transfers: Row[] }
const events: Event[] = [];
const holder = new Map<string, string>(); // post → nip
const seat = new Map<string, string>(); // nip → post

function event(key: string, title: string, decree: string, decreeDate: string, swornInOn: string, location: string, rows: Row[], ceremony: Partial<Event> = {}) {
  events.push({ key, title, issuer: facts.ceremony.issuer, decreeNumber: decree, decreeDate, swornInOn, location, ...ceremony, transfers: rows });
}
/** A definitive move; the state follows, so later choices see it. */
function move(nip: string, to: string | null, extra: Partial<Row> = {}): Row {
  const from = seat.get(nip);
  if (from) holder.delete(from);
  seat.delete(nip);
  if (to) {
    holder.set(to, nip);
    seat.set(nip, to);
  }
  return { nip, ...(to ? { toPositionCode: to } : {}), ...extra };
}
/** Everyone in `codes` moves one post along (a cycle): the holder of codes[i] takes codes[i+1]. */
function cycle(codes: string[], extra: Partial<Row> = {}): Row[] {
  const who = codes.map((c) => holder.get(c)!);
  who.forEach((nip) => seat.get(nip) && holder.delete(seat.get(nip)!));
  return who.map((nip, i) => {
    seat.delete(nip);
    return move(nip, codes[(i + 1) % codes.length], extra);
  });
}
const shuffle = <T>(list: T[]): T[] => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

// 2022: the starting point. Retirees of 2025 are born in 1967 (pension age 58).
const retiringCamat = shuffle(districts).slice(0, 3);
const retiringHeads = shuffle(puskesmas.filter((p) => p.village !== facts.puskesmasOpenedIn2026)).slice(0, 6);
const initial: Row[] = [];
for (const p of posts) {
  if (p.establishedOn) continue; // the 2026 Puskesmas
  const retiring = retiringCamat.some((d) => d.camat === p.code) || retiringHeads.some((h) => h.head === p.code);
  initial.push(move(person(p.echelon, p.category === 'UNIT_HEAD', retiring ? 1967 : undefined).nip, p.code));
}
event('2022-baseline', 'Pengukuhan Pejabat Perangkat Daerah (data awal 2022)', '821.2/Kep.001-BKPSDM/I/2022', '2021-12-30', '2022-01-03', 'Plaza Pemkot Bekasi', initial);

// 2023: bidang heads and lurah rotate; four Puskesmas heads are reassigned.
const kabid = agencies.flatMap((a) => a.fields);
event('2023-06', 'Pelantikan Pejabat Administrator dan Pengawas', '821.2/Kep.214-BKPSDM/VI/2023', '2023-06-15', '2023-06-19', 'Aula H. Nonon Sonthanie, Pemkot Bekasi', [
  ...cycle(shuffle(kabid).slice(0, 6)),
  ...cycle(shuffle(districts.flatMap((d) => d.villages.map((v) => v.lurah))).slice(0, 5)),
  ...cycle(shuffle(puskesmas.filter((p) => !retiringHeads.includes(p) && holder.has(p.head)).map((p) => p.head)).slice(0, 4)),
]);

// 2024: secretaries rotate; the head of DLH retires and the DLH secretary acts for him (Plt).
const dlh = agencies.find((a) => a.code === 'DLH')!;
const plt = holder.get(dlh.secretary)!;
event('2024-03', 'Pelantikan Pejabat Administrator dan Penunjukan Pelaksana Tugas', '821.2/Kep.087-BKPSDM/III/2024', '2024-02-29', '2024-03-04', 'Aula H. Nonon Sonthanie, Pemkot Bekasi', [
  move(holder.get(dlh.head)!, null, { note: 'Pensiun (batas usia pensiun)' }),
  { nip: plt, toPositionCode: dlh.head, capacity: 'ACTING', note: 'Plt. Kepala Dinas Lingkungan Hidup' },
  ...cycle(shuffle(agencies.filter((a) => a !== dlh).map((a) => a.secretary)).slice(0, 4)),
  ...cycle(shuffle(districts.flatMap((d) => d.villages.map((v) => v.sekel))).slice(0, 6)),
]);

// End of 2025: three camat and six Puskesmas heads retire; the sekcam act as camat (Plt).
event('2025-12', 'Pemberhentian Dengan Hormat karena Mencapai Batas Usia Pensiun dan Penunjukan Pelaksana Tugas Camat', '800.1.6.3/Kep.512-BKPSDM/XII/2025', '2025-12-22', '2025-12-31', 'Ruang Rapat BKPSDM Kota Bekasi', [
  ...retiringCamat.flatMap((d) => [
    move(holder.get(d.camat)!, null, { note: 'Pensiun' }),
    { nip: holder.get(d.sekcam)!, toPositionCode: d.camat, capacity: 'ACTING', note: `Plt. Camat ${d.code}` },
  ]),
  ...retiringHeads.map((h) => move(holder.get(h.head)!, null, { note: 'Pensiun' })),
]);

// 6 February 2026: 44 Eselon III and IV officials and 17 Puskesmas heads, 61 in all.
const others = districts.filter((d) => !retiringCamat.includes(d));
const [swapA, swapB] = shuffle(others);
const structural: Row[] = [...cycle([swapA.camat, swapB.camat])]; // a swap
const promotedVillages = new Set<string>();
for (const d of retiringCamat) {
  // A chain upward, ending in an empty sekretaris kelurahan post.
  const v = pick(d.villages);
  promotedVillages.add(v.code);
  const sekcam = holder.get(d.sekcam)!;
  const lurah = holder.get(v.lurah)!;
  const sekel = holder.get(v.sekel)!;
  structural.push(move(sekcam, d.camat), move(lurah, d.sekcam), move(sekel, v.lurah));
}
structural.push(...cycle(shuffle(agencies.filter((a) => a !== dlh).map((a) => a.secretary)).slice(0, 7)));
structural.push(...cycle(shuffle(kabid).slice(0, 10)));
const villages = districts.flatMap((d) => d.villages).filter((v) => !promotedVillages.has(v.code));
structural.push(...cycle(shuffle(villages).slice(0, 8).map((v) => v.lurah)));
const a2 = shuffle(agencies.filter((a) => a !== dlh)).slice(0, 2).map((a) => a.admin);
const k2 = shuffle(districts).slice(0, 2).map((d) => d.kasi[0]);
structural.push(...cycle([a2[0], k2[0], a2[1], k2[1]], { kind: 'TRANSFER' })); // dinas ↔ kecamatan: mutasi
structural.push(...cycle(shuffle(villages.filter((v) => holder.has(v.sekel))).slice(0, 4).map((v) => v.sekel)));
if (structural.length !== 44) throw new Error(`expected 44 structural transfers, got ${structural.length}`);

const heads: Row[] = cycle(shuffle(puskesmas.filter((p) => holder.has(p.head))).slice(0, 10).map((p) => p.head));
for (const p of puskesmas.filter((x) => !holder.has(x.head))) heads.push(move(person('', true).nip, p.head));
if (heads.length !== 17) throw new Error(`expected 17 Puskesmas transfers, got ${heads.length}`);
if (puskesmas.some((p) => !holder.has(p.head))) throw new Error('a Puskesmas is left without a head');
event('2026-02-06', facts.ceremony.title, '821.2/Kep.061-BKPSDM/II/2026', '2026-02-05', facts.ceremony.swornInOn, facts.ceremony.location, [...structural, ...heads], {
  signatoryName: facts.ceremony.signatory.name,
  signatoryTitle: facts.ceremony.signatory.title,
  swornInAt: facts.ceremony.swornInAt,
});

// ── Files ──────────────────────────────────────────────────────────────────────────────────
const csv = (rows: Record<string, string>[], columns: string[]) => stringify(rows, { header: true, columns });
writeFileSync(new URL('organizations.csv', DATA), csv(orgs.map((o) => ({ code: o.code, name: o.name, kind: o.kind, parent_code: o.parent, established_on: o.establishedOn })), ['code', 'name', 'kind', 'parent_code', 'established_on']));
writeFileSync(new URL('positions.csv', DATA), csv(posts.map((p) => ({ code: p.code, title: p.title, organization_code: p.org, echelon: p.echelon, category: p.category, established_on: p.establishedOn })), ['code', 'title', 'organization_code', 'echelon', 'category', 'established_on']));
writeFileSync(new URL('officials.csv', DATA), csv(people.map((p) => ({ nip: p.nip, name: p.name, honorific_prefix: p.prefix, honorific_suffix: p.suffix, employment: 'PNS', rank: p.rank })), ['nip', 'name', 'honorific_prefix', 'honorific_suffix', 'employment', 'rank']));
writeFileSync(new URL('events.json', DATA), `${JSON.stringify(events, null, 1)}\n`);
console.log(`${orgs.length} organizations, ${posts.length} posts, ${people.length} officials, ${events.length} events (${events.map((e) => e.transfers.length).join(', ')} transfers)`);
