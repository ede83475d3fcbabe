import ExcelJS from 'exceljs';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { peakRss } from './support.js';

/*
 * 7. The annex import at its limit (issue 15): a lampiran of ROWS real moves on the generated
 * history, written as a clerk's .xlsx, sent to the running Mutasi (POST /imports, the dry run)
 * and recorded (POST /imports/:id/commit), each timed and with the server's peak RSS.
 */

export interface ImportFigures {
  rows: number;
  fileMegabytes: number;
  dryRunSeconds: number;
  dryRunRss: number;
  commitSeconds: number;
  commitRss: number;
  warnings: number;
  /** RSS before the upload, MB. */
  idleRss: number;
}

interface Holder {
  nip: string;
  name: string;
  code: string;
  grp: string;
}

/**
 * `rows` current definitive holders moved round cycles of posts of the same echelon and
 * category (rotations, as a reshuffle is), so that the recorder accepts it: every post is left
 * and entered on the same day. All in the government with the most posts, since a lampiran fills
 * one government's posts (at scale 0.1 it has about 11,000: fewer rows than asked for). On a day
 * after everything recorded.
 */
async function annexMoves(db: pg.Pool, rows: number): Promise<{ moves: { nip: string; name: string; from: string; to: string }[]; on: string }> {
  const [{ last }] = (await db.query(`SELECT max(effective_on)::text AS last FROM rotation_events`)).rows;
  const on = new Date(Date.parse(last) + 7 * 86_400_000).toISOString().slice(0, 10);
  const holders: Holder[] = (
    await db.query(
      `SELECT o.nip, o.name, p.code, coalesce(p.echelon::text, '-') || '/' || p.category::text AS grp
       FROM appointments a JOIN officials o ON o.id = a.official_id JOIN positions p ON p.id = a.position_id JOIN organizations u ON u.id = p.organization_id
       WHERE a.ended_on IS NULL AND a.capacity = 'DEFINITIVE' AND p.abolished_on IS NULL
         AND u.government_id = (SELECT g.government_id FROM positions q JOIN organizations g ON g.id = q.organization_id GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)
       ORDER BY grp, md5(o.nip || $1)`,
      [on],
    )
  ).rows;
  const groups = new Map<string, Holder[]>();
  for (const h of holders) groups.set(h.grp, [...(groups.get(h.grp) ?? []), h]);
  const moves: { nip: string; name: string; from: string; to: string }[] = [];
  for (const group of groups.values()) {
    const take = group.slice(0, rows - moves.length);
    if (take.length < 2) continue;
    take.forEach((h, i) => moves.push({ nip: h.nip, name: h.name, from: h.code, to: take[(i + 1) % take.length].code }));
  }
  return { moves, on };
}

/** The lampiran as a clerk sends it: a title, the header row, then one row per move; NIPs as text. Streamed to `path`. */
async function writeAnnex(path: string, moves: { nip: string; name: string; from: string; to: string }[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Lampiran');
  sheet.addRow(['LAMPIRAN KEPUTUSAN BUPATI']).commit();
  sheet.addRow([]).commit();
  sheet.addRow(['No', 'Nama', 'NIP', 'Kode Jabatan Lama', 'Kode Jabatan Baru', 'Keterangan']).commit();
  moves.forEach((m, i) => sheet.addRow([i + 1, m.name, m.nip, m.from, m.to, null]).commit());
  sheet.commit();
  await workbook.commit();
}

async function timed<T>(pid: number, run: () => Promise<T>): Promise<{ value: T; seconds: number; rss: number }> {
  peakRss(pid, true);
  const start = performance.now();
  const value = await run();
  return { value, seconds: (performance.now() - start) / 1000, rss: peakRss(pid) };
}

async function answer(res: Response, what: string): Promise<any> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 2000)}`);
  return JSON.parse(text);
}

export async function importScenario(db: pg.Pool, base: string, hr: string, pid: number, rows: number, log: (line: string) => void): Promise<ImportFigures> {
  const { moves, on } = await annexMoves(db, rows);
  if (moves.length < rows) log(`  import: only ${moves.length} officials can move in cycles at this scale (asked ${rows}); a larger --scale gives more`);
  const path = join(tmpdir(), `mutasi-bench-lampiran-${process.pid}.xlsx`);
  try {
    await writeAnnex(path, moves);
    const fileMegabytes = statSync(path).size / 1e6;
    log(`  import: ${moves.length} rows, ${fileMegabytes.toFixed(1)} MB .xlsx, sworn in ${on}`);
    const file = readFileSync(path);
    const idleRss = peakRss(pid, true);

    const dry = await timed(pid, async () => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ title: `Bench lampiran ${moves.length}`, issuer: 'Bench', swornInOn: on })) form.append(k, v);
      form.append('file', new Blob([file]), 'lampiran-bench.xlsx');
      return answer(await fetch(`${base}/imports`, { method: 'POST', headers: { authorization: `Bearer ${hr}` }, body: form }), 'dry run');
    });
    const errors = dry.value.problems.filter((p: { severity: string }) => p.severity === 'ERROR');
    if (!dry.value.valid || errors.length || dry.value.rows.length !== moves.length) {
      throw new Error(`import dry run: valid ${dry.value.valid}, ${dry.value.rows.length} rows of ${moves.length}, ${errors.length} errors, first: ${JSON.stringify(errors.slice(0, 3))}`);
    }
    log(`  import: dry run ${dry.seconds.toFixed(1)} s, peak RSS ${dry.rss.toFixed(0)} MB`);

    const id = dry.value.import.id;
    const commit = await timed(pid, async () =>
      answer(await fetch(`${base}/imports/${id}/commit`, { method: 'POST', headers: { authorization: `Bearer ${hr}`, 'content-type': 'application/json' }, body: '{}' }), 'commit'),
    );
    const eventId = commit.value.import.eventId;
    const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM transfers WHERE event_id = $1', [eventId])).rows;
    if (commit.value.import.status !== 'COMMITTED' || n !== moves.length) throw new Error(`import commit: status ${commit.value.import.status}, ${n} transfers recorded of ${moves.length}`);
    log(`  import: commit ${commit.seconds.toFixed(1)} s, peak RSS ${commit.rss.toFixed(0)} MB`);
    return {
      rows: moves.length,
      fileMegabytes,
      dryRunSeconds: dry.seconds,
      dryRunRss: dry.rss,
      commitSeconds: commit.seconds,
      commitRss: commit.rss,
      warnings: commit.value.problems.filter((p: { severity: string }) => p.severity === 'WARNING').length,
      idleRss,
    };
  } finally {
    rmSync(path, { force: true });
  }
}
