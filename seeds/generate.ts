/**
 * Writes the demo dataset (seeds/data/*.csv, events.json) from the public facts in
 * seeds/data/bekasi.json (the Kota Bekasi) and jabar.json (the Kabupaten and the Provinsi). The officials and their careers are fictional, drawn from a fixed
 * seed, so the output is the same on every run. Run: npx tsx seeds/generate.ts
 */
import { stringify } from 'csv-stringify/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { prng } from './prng.js';

const DATA = new URL('./data/', import.meta.url);
const facts = JSON.parse(readFileSync(new URL('bekasi.json', DATA), 'utf8'));
const neighbours = JSON.parse(readFileSync(new URL('jabar.json', DATA), 'utf8'));

const random = prng(20260206);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const slug = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]+/g, '-');

// ── Units and posts ────────────────────────────────────────────────────────────────────────
interface Org { code: string; name: string; kind: string; parent: string; establishedOn: string; regionCode?: string; governmentType?: string }
interface Post { code: string; title: string; org: string; echelon: string; category: string; establishedOn: string; level: string; seats: number }
const orgs: Org[] = [];
const posts: Post[] = [];
const org = (code: string, name: string, kind: string, parent = '', establishedOn = '') => orgs.push({ code, name, kind, parent, establishedOn });
const post = (code: string, title: string, o: string, echelon: string, category: string, establishedOn = '', level = '') => {
  posts.push({ code, title, org: o, echelon, category, establishedOn, level, seats: 1 });
  return code;
};

const GOV = facts.government.code;
org(GOV, facts.government.name, 'GOVERNMENT', '', facts.government.establishedOn);
Object.assign(orgs.at(-1)!, { regionCode: facts.government.regionCode, governmentType: facts.government.governmentType });
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
// Functional health posts of the Dinas Kesehatan, whose holders serve in its Puskesmas; seats are set once filled.
const functionalPosts: { code: string; profession: string; level: string }[] = facts.functionalHealthPosts.map((f: { code: string; title: string; level: string; profession: string }) => {
  post(f.code, f.title, 'DINKES', '', 'FUNCTIONAL', '', f.level);
  return f;
});
const districts: { code: string; name: string; camat: string; sekcam: string; kasi: string[]; villages: { code: string; lurah: string; sekel: string }[] }[] = [];
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
    name: d.name,
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
interface Person { nip: string; name: string; prefix: string; suffix: string; rank: string; government: string }
const people: Person[] = [];
const nips = new Set<string>();
const names = new Set<string>();
const RANKS: Record<string, [string, string]> = {
  I_B: ['IV_D', 'IV_E'], II_A: ['IV_D', 'IV_D'], II_B: ['IV_C', 'IV_C'], III_A: ['IV_A', 'IV_B'], III_B: ['III_D', 'IV_A'], IV_A: ['III_C', 'III_D'], IV_B: ['III_B', 'III_C'], '': ['III_C', 'IV_A'],
};
// Born late enough that nobody but the retirees below reaches the retirement age (58; 60 for
// high leadership and Ahli Madya) before the demo's last event.
const BORN: Record<string, [number, number]> = { I_B: [1967, 1970], II_A: [1967, 1970], II_B: [1967, 1973], III_A: [1969, 1978], III_B: [1972, 1982], IV_A: [1976, 1986], IV_B: [1978, 1990], '': [1972, 1988] };
const DEGREES = ['S.E.', 'S.H.', 'S.Sos.', 'S.IP.', 'S.T.', 'S.Kom.', 'S.AP.', 'S.E., M.M.', 'S.H., M.H.', 'S.Sos., M.Si.', 'S.IP., M.Si.', 'S.T., M.T.', 'S.STP., M.Si.', 'S.Pd., M.Pd.'];
/** Degrees and titles of the health professions, as written after or before the name. */
const HEALTH: Record<string, { prefix: string; suffixes: string[]; female: number }> = {
  dokter: { prefix: 'dr.', suffixes: ['', 'M.Kes.', 'M.K.M.'], female: 0.6 },
  'dokter gigi': { prefix: 'drg.', suffixes: ['', 'M.Kes.'], female: 0.7 },
  perawat: { prefix: '', suffixes: ['S.Kep., Ners', 'S.Kep., Ners, M.Kep.'], female: 0.7 },
  bidan: { prefix: '', suffixes: ['S.Tr.Keb.', 'S.Keb., Bd.', 'Amd.Keb., S.K.M.'], female: 1 },
  apoteker: { prefix: 'apt.', suffixes: ['S.Farm.', 'S.Farm., M.Farm.'], female: 0.7 },
  kesmas: { prefix: '', suffixes: ['S.K.M., M.Kes.', 'S.K.M., M.K.M.'], female: 0.5 },
};

let registering = GOV; // the government whose officials person() draws
/** A fictional official: given names by gender, no name used twice. `born`: [year, month] when it matters. */
function person(echelon: string, profession?: string, born?: [number, number]): Person {
  const health = profession ? HEALTH[profession] : undefined;
  const female = random() < (health?.female ?? 0.4);
  let name = '';
  do {
    const given = pick<string>(female ? facts.names.female : facts.names.male);
    const family = pick<string>([...(female ? facts.names.familyFemale : facts.names.familyMale), ...facts.names.familyNeutral]);
    name = given === family ? '' : `${given} ${family}`;
  } while (!name || names.has(name));
  names.add(name);
  const [lo, hi] = BORN[echelon];
  const year = born?.[0] ?? between(lo, hi);
  const birth = `${year}${pad(born?.[1] ?? between(1, 12))}${pad(between(1, 28))}`;
  const tmt = `${Math.min(year + between(24, 28), 2015)}${pad(pick([1, 2, 3, 3, 4, 12]))}`;
  let nip = '';
  do nip = `${birth}${tmt}${female ? 2 : 1}${pad(between(1, 999), 3)}`;
  while (nips.has(nip));
  nips.add(nip);
  const pilgrim = random() < 0.2 ? (female ? 'Hj.' : 'H.') : '';
  const prefix = [health?.prefix ?? '', pilgrim, !health && year < 1972 && random() < 0.3 ? (female ? 'Dra.' : 'Drs.') : ''].filter(Boolean).join(' ');
  const suffix = health ? pick(health.suffixes) : prefix.includes('Dr') ? (random() < 0.5 ? 'M.Si.' : '') : pick(DEGREES);
  const p = { nip, name, prefix, suffix, rank: pick(RANKS[echelon]), government: registering };
  people.push(p);
  return p;
}

// ── History ────────────────────────────────────────────────────────────────────────────────
interface Row { nip: string; toPositionCode?: string; fromPositionCode?: string; kind?: string; capacity?: string; note?: string }
interface Event { key: string; title: string; issuer: string; signatoryName?: string; signatoryTitle?: string; decreeNumber: string; decreeDate: string; swornInOn: string; swornInAt?: string; effectiveOn?: string; location: string; transfers: Row[] }
const events: Event[] = [];
const holder = new Map<string, string>(); // post → nip (definitive; on a functional post, the last one appointed)
const seat = new Map<string, string>(); // nip → post
const taskHolder = new Map<string, string>(); // UPTD head post → nip (additional task)
const task = new Map<string, string>(); // nip → UPTD head post
const since = new Map<string, string>(); // nip → date of the last move
let on = ''; // the date of the event being built

function event(key: string, title: string, decree: string, decreeDate: string, swornInOn: string, location: string, rows: Row[], ceremony: Partial<Event> = {}) {
  events.push({ key, title, issuer: facts.ceremony.issuer, decreeNumber: decree, decreeDate, swornInOn, location, ...ceremony, transfers: rows });
}
/** A definitive move; the state follows, so later choices see it. Leaving the post ends any additional task. */
function move(nip: string, to: string | null, extra: Partial<Row> = {}): Row {
  const from = seat.get(nip);
  if (from && holder.get(from) === nip) holder.delete(from);
  seat.delete(nip);
  const head = task.get(nip);
  if (head) {
    if (taskHolder.get(head) === nip) taskHolder.delete(head);
    task.delete(nip);
  }
  if (to) {
    holder.set(to, nip);
    seat.set(nip, to);
  }
  since.set(nip, on);
  return { nip, ...(to ? { toPositionCode: to } : {}), ...extra };
}
/** An additional task (tugas tambahan) given, or moved to another UPTD. */
function giveTask(nip: string, head: string): Row {
  const from = task.get(nip);
  if (from && taskHolder.get(from) === nip) taskHolder.delete(from);
  taskHolder.set(head, nip);
  task.set(nip, head);
  return { nip, toPositionCode: head, capacity: 'ADDITIONAL_TASK' };
}
/** Everyone in `codes` moves one post along (a cycle): the holder of codes[i] takes codes[i+1]. */
function cycle(codes: string[], extra: Partial<Row> = {}): Row[] {
  const who = codes.map((c) => holder.get(c)!);
  codes.forEach((c) => holder.delete(c));
  return who.map((nip, i) => {
    seat.delete(nip);
    return move(nip, codes[(i + 1) % codes.length], extra);
  });
}
/** The same for additional tasks: the head of UPTD codes[i] heads codes[i+1]. */
function taskCycle(codes: string[]): Row[] {
  const who = codes.map((c) => taskHolder.get(c)!);
  return who.map((nip, i) => giveTask(nip, codes[(i + 1) % codes.length]));
}
const shuffle = <T>(list: T[]): T[] => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};
/** Whose holder has served two years by `day` (no SHORT_TENURE warning when moved then). */
const settled = (code: string, day: string) => (since.get(holder.get(code)!) ?? day) <= `${Number(day.slice(0, 4)) - 2}${day.slice(4)}`;

// The retirees of 2025 are born in November 1967: 58 that month, last day of service
// 30 November 2025, pension from 1 December (PP 11/2017 Pasal 239 as amended by PP 17/2020).
const RETIREE_BORN: [number, number] = [1967, 11];
const retiringCamat = districts.filter((d) => facts.retiringCamat2025.includes(d.name));
const retiringHeads = shuffle(puskesmas.filter((p) => p.village !== facts.puskesmasOpenedIn2026)).slice(0, 6);
const dlh = agencies.find((a) => a.code === 'DLH')!;

// Before 2022: the structural posts filled in four yearly rounds; the functional health
// officials appointed in 2017, the heads of Puskesmas among them given the task in those rounds.
const ROUNDS = [
  { date: '2018-01-05', decree: '821.2/Kep.003-BKPSDM/I/2018', decreeDate: '2018-01-02' },
  { date: '2019-01-04', decree: '821.2/Kep.002-BKPSDM/I/2019', decreeDate: '2019-01-02' },
  { date: '2020-01-03', decree: '821.2/Kep.001-BKPSDM/I/2020', decreeDate: '2020-01-02' },
  { date: '2021-01-08', decree: '821.2/Kep.004-BKPSDM/I/2021', decreeDate: '2021-01-05' },
];
const existingHeads = puskesmas.filter((p) => p.village !== facts.puskesmasOpenedIn2026);
// A Muda post for the 2025 retirees (58), any post for the others; seven more officials than
// heads, from whom the seven new heads of 2026 come.
const functionalOf = (retiring: boolean) => (retiring ? pick(functionalPosts.filter((f) => f.level === 'EXPERT_JUNIOR')) : pick(functionalPosts));
on = '2017-01-05';
const health = [...existingHeads.map((h) => ({ head: h, retiring: retiringHeads.includes(h) })), ...Array.from({ length: 9 }, () => ({ head: null, retiring: false }))].map((h) => {
  const f = functionalOf(h.retiring);
  return { ...h, nip: person('', f.profession, h.retiring ? RETIREE_BORN : undefined).nip, post: f.code };
});
const heldAt = new Map<string, number>();
event('2017-functional', 'Pengangkatan dalam Jabatan Fungsional Kesehatan (data awal)', '821.2/Kep.011-BKPSDM/I/2017', '2017-01-02', on, 'Aula H. Nonon Sonthanie, Pemkot Bekasi',
  health.map((h) => {
    heldAt.set(h.post, (heldAt.get(h.post) ?? 0) + 1);
    return move(h.nip, h.post);
  }),
);
const roundOf = new Map<string, number>();
for (const p of posts) if (!p.establishedOn && p.category !== 'FUNCTIONAL') roundOf.set(p.code, Math.floor(random() * ROUNDS.length));
ROUNDS.forEach((round, r) => {
  on = round.date;
  const rows: Row[] = [];
  for (const p of posts.filter((x) => roundOf.get(x.code) === r)) {
    if (p.category === 'UNIT_HEAD') {
      rows.push(giveTask(health.find((h) => h.head?.head === p.code)!.nip, p.code));
      continue;
    }
    const retiring = retiringCamat.some((d) => d.camat === p.code);
    const born: [number, number] | undefined = retiring ? RETIREE_BORN : p.code === dlh.head ? [1964, 2] : undefined;
    rows.push(move(person(p.echelon, undefined, born).nip, p.code));
  }
  event(`baseline-${round.date.slice(0, 4)}`, `Pelantikan Pejabat Perangkat Daerah (data awal ${round.date.slice(0, 4)})`, round.decree, round.decreeDate, round.date, 'Plaza Pemkot Bekasi', rows);
});

// 2023: bidang heads and lurah rotate; four Puskesmas heads move to another Puskesmas.
on = '2023-06-19';
const kabid = agencies.flatMap((a) => a.fields);
event('2023-06', 'Pelantikan Pejabat Administrator dan Pengawas', '821.2/Kep.214-BKPSDM/VI/2023', '2023-06-15', on, 'Aula H. Nonon Sonthanie, Pemkot Bekasi', [
  ...cycle(shuffle(kabid).slice(0, 6)),
  ...cycle(shuffle(districts.flatMap((d) => d.villages.map((v) => v.lurah))).slice(0, 5)),
  ...taskCycle(shuffle(existingHeads.filter((p) => !retiringHeads.includes(p))).slice(0, 4).map((p) => p.head)),
]);

// 2024: the head of DLH (high leadership, 60) retires at the end of February; the DLH
// secretary acts for him (Plt) from the next swearing-in; secretaries and sekel rotate.
on = '2024-03-01';
event('2024-03-pensiun', 'Pemberhentian dengan Hormat karena Mencapai Batas Usia Pensiun', '800.1.6.3/Kep.041-BKPSDM/II/2024', '2024-02-20', on, 'BKPSDM Kota Bekasi', [
  move(holder.get(dlh.head)!, null, { kind: 'RETIREMENT', note: 'Pensiun (batas usia pensiun)' }),
]);
on = '2024-03-04';
const plt = holder.get(dlh.secretary)!;
event('2024-03', 'Pelantikan Pejabat Administrator dan Penunjukan Pelaksana Tugas', '821.2/Kep.087-BKPSDM/III/2024', '2024-02-29', on, 'Aula H. Nonon Sonthanie, Pemkot Bekasi', [
  { nip: plt, toPositionCode: dlh.head, capacity: 'ACTING', note: 'Plt. Kepala Dinas Lingkungan Hidup' },
  ...cycle(shuffle(agencies.filter((a) => a !== dlh).map((a) => a.secretary)).slice(0, 4)),
  ...cycle(shuffle(districts.flatMap((d) => d.villages.map((v) => v.sekel))).slice(0, 6)),
]);

// End of 2025: three camat and six Puskesmas heads retire on 1 December; the sekcam act as camat (Plt).
on = '2025-12-01';
event('2025-12-pensiun', 'Pemberhentian dengan Hormat karena Mencapai Batas Usia Pensiun', '800.1.6.3/Kep.498-BKPSDM/XI/2025', '2025-11-20', on, 'BKPSDM Kota Bekasi', [
  ...retiringCamat.map((d) => move(holder.get(d.camat)!, null, { kind: 'RETIREMENT', note: 'Pensiun' })),
  ...retiringHeads.map((h) => move(taskHolder.get(h.head)!, null, { kind: 'RETIREMENT', note: 'Pensiun; tugas tambahan Kepala UPTD Puskesmas berakhir' })),
]);
event('2025-12-plt', 'Penunjukan Pelaksana Tugas Camat', '800.1.3.3/Kep.503-BKPSDM/XI/2025', '2025-11-28', on, 'Ruang Rapat BKPSDM Kota Bekasi',
  retiringCamat.map((d) => ({ nip: holder.get(d.sekcam)!, toPositionCode: d.camat, capacity: 'ACTING', note: `Plt. Camat ${d.name}` })),
);

// 6 February 2026: 44 Eselon III and IV officials and 17 Puskesmas heads, 61 in all. Only
// officials who have served two years in their post are moved (no short tenure).
on = facts.ceremony.swornInOn;
const ok = (code: string) => settled(code, on);
const others = districts.filter((d) => !retiringCamat.includes(d) && ok(d.camat));
const [swapA, swapB] = shuffle(others);
const structural: Row[] = [...cycle([swapA.camat, swapB.camat])]; // a swap
const promotedVillages = new Set<string>();
for (const d of retiringCamat) {
  // A chain upward, ending in an empty sekretaris kelurahan post.
  const v = pick(d.villages.filter((x) => ok(x.lurah) && ok(x.sekel)));
  promotedVillages.add(v.code);
  const sekcam = holder.get(d.sekcam)!;
  const lurah = holder.get(v.lurah)!;
  const sekel = holder.get(v.sekel)!;
  structural.push(move(sekcam, d.camat), move(lurah, d.sekcam), move(sekel, v.lurah));
}
structural.push(...cycle(shuffle(agencies.filter((a) => a !== dlh && ok(a.secretary)).map((a) => a.secretary)).slice(0, 7)));
structural.push(...cycle(shuffle(kabid.filter(ok)).slice(0, 10)));
const villages = districts.flatMap((d) => d.villages).filter((v) => !promotedVillages.has(v.code));
structural.push(...cycle(shuffle(villages.filter((v) => ok(v.lurah))).slice(0, 8).map((v) => v.lurah)));
const a2 = shuffle(agencies.filter((a) => a !== dlh)).slice(0, 2).map((a) => a.admin);
const k2 = shuffle(districts).slice(0, 2).map((d) => d.kasi[0]);
structural.push(...cycle([a2[0], k2[0], a2[1], k2[1]], { kind: 'TRANSFER' })); // dinas ↔ kecamatan: mutasi
structural.push(...cycle(shuffle(villages.filter((v) => holder.has(v.sekel) && ok(v.sekel))).slice(0, 4).map((v) => v.sekel)));
if (structural.length !== 44) throw new Error(`expected 44 structural transfers, got ${structural.length}`);

// Ten heads move to another Puskesmas; seven functional officials are given the empty ones.
const heads: Row[] = taskCycle(shuffle(puskesmas.filter((p) => taskHolder.has(p.head))).slice(0, 10).map((p) => p.head));
const candidates = shuffle(health.filter((h) => h.head === null));
for (const p of puskesmas.filter((x) => !taskHolder.has(x.head))) heads.push(giveTask(candidates.pop()!.nip, p.head));
if (heads.length !== 17) throw new Error(`expected 17 Puskesmas transfers, got ${heads.length}`);
if (puskesmas.some((p) => !taskHolder.has(p.head))) throw new Error('a Puskesmas is left without a head');
event('2026-02-06', facts.ceremony.title, '821.2/Kep.061-BKPSDM/II/2026', '2026-02-05', facts.ceremony.swornInOn, facts.ceremony.location, [...structural, ...heads], {
  signatoryName: facts.ceremony.signatory.name,
  signatoryTitle: facts.ceremony.signatory.title,
  swornInAt: facts.ceremony.swornInAt,
});
// The formasi of each functional post: its holders, and room for two more.
for (const p of posts) if (p.category === 'FUNCTIONAL') p.seats = (heldAt.get(p.code) ?? 0) + 2;

// ── The Kabupaten and the Provinsi ─────────────────────────────────────────────────────────
// Skeletons of their real top units, heads and secretaries, drawn after everything of the Kota
// so that its rows stay as they were. Each government fills its posts on a decree of its own.
const m = neighbours.move;
const mover = m.candidates.find((c: string) => holder.has(`${c}-SEK`) && settled(`${c}-SEK`, m.swornInOn))!; // the Kota agency
let target = ''; // the Provinsi post the mover takes, left empty until then
for (const [i, g] of neighbours.governments.entries()) {
  org(g.code, g.name, 'GOVERNMENT', '', g.establishedOn);
  Object.assign(orgs.at(-1)!, { regionCode: g.regionCode, governmentType: g.governmentType });
  const of = g.name.replace('Pemerintah ', '');
  const filled: string[] = [];
  for (const s of g.secretariats) {
    org(`${g.prefix}-${s.code}`, `${s.name} ${of}`, s.kind, g.code);
    filled.push(post(`${g.prefix}-${s.code}-KEPALA`, `${s.head[0]} ${of}`, `${g.prefix}-${s.code}`, s.head[1], 'HIGH_LEADERSHIP'));
  }
  const [headEchelon, secretaryEchelon] = g.agencyEchelons;
  for (const a of g.agencies) {
    const code = `${g.prefix}-${a.code}`;
    org(code, `${a.name} ${of}`, 'AGENCY', g.code);
    filled.push(post(`${code}-KEPALA`, `Kepala ${a.name} ${of}`, code, headEchelon, 'HIGH_LEADERSHIP'));
    const secretary = post(`${code}-SEK`, `Sekretaris ${a.name} ${of}`, code, secretaryEchelon, 'ADMINISTRATOR');
    if (g.code === 'PEMPROV-JABAR' && a.code === mover) target = secretary;
    else filled.push(secretary);
  }
  registering = g.code;
  on = `2025-01-${pad(10 + 7 * i)}`;
  const rows = filled.map((code) => move(person(posts.find((p) => p.code === code)!.echelon).nip, code));
  event(`${g.prefix.toLowerCase()}-2025-01`, `Pelantikan Pejabat Pimpinan Tinggi dan Administrator ${of} (data awal)`, `821.2/Kep.0${12 + i}-${i ? 'BKD' : 'BKPSDM'}/I/2025`, on, on, `Kantor ${g.name}`, rows, { issuer: g.issuer });
}
registering = GOV;

// A move between governments: the Provinsi brings a Kota Sekretaris Dinas, settled two years,
// into the same post of its own dinas, on its own decree; the Kota post is left empty.
on = m.swornInOn;
event('jabar-2026-04', m.title, m.decreeNumber, m.decreeDate, on, m.location, [move(holder.get(`${mover}-SEK`)!, target)], {
  issuer: neighbours.governments[1].issuer,
  signatoryTitle: neighbours.governments[1].issuer,
});

// ── Files ──────────────────────────────────────────────────────────────────────────────────
const csv = (rows: Record<string, string>[], columns: string[]) => stringify(rows, { header: true, columns });
writeFileSync(
  new URL('organizations.csv', DATA),
  csv(
    orgs.map((o) => ({ code: o.code, name: o.name, kind: o.kind, parent_code: o.parent, established_on: o.establishedOn, region_code: o.regionCode ?? '', government_type: o.governmentType ?? '' })),
    ['code', 'name', 'kind', 'parent_code', 'established_on', 'region_code', 'government_type'],
  ),
);
writeFileSync(
  new URL('positions.csv', DATA),
  csv(
    posts.map((p) => ({ code: p.code, title: p.title, organization_code: p.org, echelon: p.echelon, category: p.category, functional_level: p.level, seats: String(p.seats), established_on: p.establishedOn })),
    ['code', 'title', 'organization_code', 'echelon', 'category', 'functional_level', 'seats', 'established_on'],
  ),
);
writeFileSync(
  new URL('officials.csv', DATA),
  csv(
    people.map((p) => ({ nip: p.nip, name: p.name, honorific_prefix: p.prefix, honorific_suffix: p.suffix, employment: 'PNS', rank: p.rank, government_code: p.government })),
    ['nip', 'name', 'honorific_prefix', 'honorific_suffix', 'employment', 'rank', 'government_code'],
  ),
);
writeFileSync(new URL('events.json', DATA), `${JSON.stringify(events, null, 1)}\n`);
console.log(`${orgs.length} organizations, ${posts.length} posts, ${people.length} officials, ${events.length} events (${events.map((e) => e.transfers.length).join(', ')} transfers)`);
