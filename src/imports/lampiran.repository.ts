import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { today } from '../common/today.js';
import { seesPersonalDataSql } from '../governments/governments.service.js';
import { displayName } from '../officials/display-name.js';
import type { LampiranEvent, LampiranRow } from './lampiran-writer.js';

/** The decree's rank notation: IV_A → "IV/a". */
const rankText = (rank: string | null) => (rank ? rank.replace(/^([IV]+)_([A-E])$/, (_, g: string, r: string) => `${g}/${r.toLowerCase()}`) : null);

/** What the lampiran spreadsheet shows of an event, in two statements. */
@Injectable()
export class LampiranRepository {
  constructor(private readonly dataSource: DataSource) {}

  async event(id: string): Promise<(LampiranEvent & { governmentId: string }) | null> {
    const [row] = await this.dataSource.query(
      `SELECT title, issuer, decree_number AS "decreeNumber", decree_date AS "decreeDate", sworn_in_on AS "swornInOn", effective_on AS "effectiveOn", location,
              government_id::text AS "governmentId"
       FROM rotation_events WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** `personalScope`: a key acting for these governments only gets the NIPs of the officials it may see (the GraphQL fields' rule). */
  async rows(id: string, personalScope: readonly string[] | null = null): Promise<LampiranRow[]> {
    const nip = personalScope ? `CASE WHEN ${seesPersonalDataSql('$2', '$3')} THEN o.nip END` : 'o.nip';
    const rows: (Omit<LampiranRow, 'name' | 'rank'> & { name: string; prefix: string | null; suffix: string | null; rank: string | null; kind_stated: boolean })[] = await this.dataSource.query(
      `SELECT t.seq, o.name, o.honorific_prefix AS prefix, o.honorific_suffix AS suffix, ${nip} AS nip, o.rank,
              fp.title AS "fromTitle", fo.name AS "fromUnit", fp.code AS "fromCode",
              tp.title AS "toTitle", tor.name AS "toUnit", tp.code AS "toCode",
              t.kind, t.kind_stated, t.capacity, t.note
       FROM transfers t JOIN rotation_events e ON e.id = t.event_id JOIN officials o ON o.id = t.official_id
         -- A task given shows, as Jabatan Lama, the functional post it is given beside (as a decree's lampiran does).
         LEFT JOIN LATERAL (SELECT a.position_id FROM appointments a
           WHERE t.capacity = 'ADDITIONAL_TASK' AND t.from_position_id IS NULL AND a.official_id = t.official_id AND a.capacity = 'DEFINITIVE'
             AND a.started_on <= e.effective_on AND (a.ended_on IS NULL OR a.ended_on > e.effective_on)) kept ON true
         LEFT JOIN positions fp ON fp.id = COALESCE(t.from_position_id, kept.position_id) LEFT JOIN organizations fo ON fo.id = fp.organization_id
         LEFT JOIN positions tp ON tp.id = t.to_position_id LEFT JOIN organizations tor ON tor.id = tp.organization_id
       WHERE t.event_id = $1 ORDER BY t.seq`,
      personalScope ? [id, personalScope, today()] : [id],
    );
    // A kind the decree did not state is left to be derived again, as it was.
    return rows.map((r) => ({ ...r, name: displayName({ name: r.name, honorificPrefix: r.prefix, honorificSuffix: r.suffix }), rank: rankText(r.rank), kind: r.kind_stated ? r.kind : null }));
  }

  posts(): Promise<{ code: string; title: string; unit: string }[]> {
    return this.dataSource.query(
      `SELECT p.code, p.title, o.name AS unit FROM positions p JOIN organizations o ON o.id = p.organization_id
       WHERE p.abolished_on IS NULL OR p.abolished_on > now()::date ORDER BY o.name, p.code LIMIT 50000`,
    );
  }
}
