import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PostCandidate } from './dto/import-views.js';
import { normalizeText } from './annex-values.js';

/** A post as a row names it: by code, or by title (and the unit, when a column gives it). */
export interface PostReference {
  code?: string;
  title?: string;
  unit?: string;
}

export type PostMatch =
  | { status: 'FOUND'; code: string; category: string }
  | { status: 'AMBIGUOUS' | 'PROPOSED' | 'UNKNOWN'; candidates: PostCandidate[] };

/** A match this close is proposed; below it the post is unknown (its best candidates still shown). */
const PROPOSE_FROM = 0.5;

/** Abbreviations of lampiran titles, written out as the posts are named. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bka\.?\s*(?=uptd|upt|bid|sub|seksi|bag|dinas|badan)/gi, 'Kepala '],
  [/\bkabid\b\.?/gi, 'Kepala Bidang'],
  [/\bkasubbag\b\.?|\bkasubag\b\.?/gi, 'Kepala Subbagian'],
  [/\bkasi\b\.?/gi, 'Kepala Seksi'],
  [/\bkadis\b\.?/gi, 'Kepala Dinas'],
  [/\bsekdis\b\.?/gi, 'Sekretaris Dinas'],
  [/\bsekcam\b\.?/gi, 'Sekretaris Kecamatan'],
  [/\bsekel\b\.?/gi, 'Sekretaris Kelurahan'],
  [/\bpkm\b\.?/gi, 'Puskesmas'],
];

/** The title as posts are written: abbreviations expanded, single spaces; " pada <unit>" split off. */
export function cleanTitle(text: string): { title: string; unit: string | null } {
  let title = text.replace(/\s+/g, ' ').trim();
  for (const [re, full] of ABBREVIATIONS) title = title.replace(re, full);
  title = title.replace(/\s+/g, ' ').trim();
  const pada = /\s+pada\s+(.+)$/i.exec(title);
  return pada ? { title: title.slice(0, pada.index), unit: pada[1] } : { title, unit: null };
}

interface Row {
  i: number;
  code: string;
  category: string;
  title: string;
  unit: string;
  score: number;
}

/**
 * Finds the posts a lampiran names, for many rows at once (three statements, whatever the
 * count): by code; by exact title (case and accents ignored), narrowed by the unit when
 * several units have that title; otherwise by similarity of the title (pg_trgm, through the
 * trigram index on titles) — proposed, never taken without the clerk's confirmation.
 */
@Injectable()
export class PostMatcher {
  async match(manager: EntityManager, refs: PostReference[]): Promise<PostMatch[]> {
    const out: (PostMatch | undefined)[] = new Array(refs.length);
    const codes = [...new Set(refs.map((r) => r.code?.trim().toUpperCase()).filter((c): c is string => !!c))];
    const known = new Map(
      codes.length ? ((await manager.query('SELECT code, category FROM positions WHERE code = ANY($1::text[])', [codes])) as { code: string; category: string }[]).map((r) => [r.code, r.category]) : [],
    );
    const byTitle: { i: number; title: string; unit: string | null }[] = [];
    refs.forEach((ref, i) => {
      const code = ref.code?.trim().toUpperCase();
      if (code) {
        out[i] = known.has(code) ? { status: 'FOUND', code, category: known.get(code)! } : { status: 'UNKNOWN', candidates: [] };
      } else if (ref.title) {
        const clean = cleanTitle(ref.title);
        byTitle.push({ i, title: clean.title, unit: ref.unit?.trim() || clean.unit });
      } else {
        out[i] = { status: 'UNKNOWN', candidates: [] };
      }
    });
    if (byTitle.length) {
      const params = [byTitle.map((r) => r.i), byTitle.map((r) => r.title)];
      const exact: Row[] = await manager.query(
        `SELECT q.i, p.code, p.title, p.category, o.name AS unit, 1.0::float AS score
         FROM unnest($1::int[], $2::text[]) AS q(i, title)
         JOIN positions p ON public.mutasi_search_key(p.title) = public.mutasi_search_key(q.title)
         JOIN organizations o ON o.id = p.organization_id`,
        params,
      );
      const exactOf = groupRows(exact);
      const rest = byTitle.filter((r) => !exactOf.has(r.i));
      const similar: Row[] = rest.length
        ? await manager.query(
            `SELECT q.i, c.code, c.title, c.unit, c.score FROM unnest($1::int[], $2::text[]) AS q(i, title)
             CROSS JOIN LATERAL (
               SELECT p.code, p.title, p.category, o.name AS unit, similarity(public.mutasi_search_key(p.title), public.mutasi_search_key(q.title))::float AS score
               FROM positions p JOIN organizations o ON o.id = p.organization_id
               WHERE public.mutasi_search_key(p.title) % public.mutasi_search_key(q.title)
               ORDER BY score DESC, p.code LIMIT 5) c`,
            [rest.map((r) => r.i), rest.map((r) => r.title)],
          )
        : [];
      const similarOf = groupRows(similar);
      for (const r of byTitle) {
        const found = exactOf.get(r.i);
        if (found) {
          const inUnit = r.unit ? found.filter((c) => sameUnit(c.unit, r.unit!)) : found;
          out[r.i] =
            inUnit.length === 1 ? { status: 'FOUND', code: inUnit[0].code, category: inUnit[0].category } : { status: 'AMBIGUOUS', candidates: (inUnit.length ? inUnit : found).map(candidate) };
          continue;
        }
        const candidates = (similarOf.get(r.i) ?? []).map(candidate);
        // The unit column, when given, decides between close titles of several units.
        if (r.unit) candidates.sort((a, b) => Number(sameUnit(b.unit, r.unit!)) - Number(sameUnit(a.unit, r.unit!)) || b.score - a.score);
        out[r.i] = { status: candidates[0] && candidates[0].score >= PROPOSE_FROM ? 'PROPOSED' : 'UNKNOWN', candidates };
      }
    }
    return out as PostMatch[];
  }
}

function groupRows(rows: Row[]): Map<number, Row[]> {
  const map = new Map<number, Row[]>();
  for (const r of rows) map.set(r.i, [...(map.get(r.i) ?? []), r]);
  return map;
}

const candidate = (r: Row): PostCandidate => ({ code: r.code, title: r.title, unit: r.unit, score: Math.round(r.score * 100) / 100 });

/** "Dinas Kesehatan" and "DINAS KESEHATAN KOTA BEKASI" are one unit: one name contains the other. */
function sameUnit(a: string, b: string): boolean {
  const [x, y] = [normalizeText(a), normalizeText(b)];
  return x === y || x.includes(y) || y.includes(x);
}
