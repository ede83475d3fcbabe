import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { actsFor, type Actor } from '../auth/actor.js';
import { governmentNotFound, governmentRequired, outsideScope, type GovernmentRef } from './governments.errors.js';

const REF = `g.id, g.code, g.region_code AS "regionCode", g.name`;

/**
 * The government employing official `f` (an alias of officials) on `day` (an SQL date): the one
 * of their last definitive post started by then (a move between governments changes it), else
 * the one that registered them.
 */
const employingGovernment = (f: string, day: string) =>
  `COALESCE((SELECT u.government_id FROM appointments a JOIN positions p ON p.id = a.position_id JOIN organizations u ON u.id = p.organization_id
             WHERE a.official_id = ${f}.id AND a.capacity = 'DEFINITIVE' AND a.started_on <= ${day} ORDER BY a.started_on DESC, a.id DESC LIMIT 1),
            ${f}.government_id)`;

/** The government employing each official on a day, for the pairs unnest($1::bigint[], $2::date[]). Keyed "officialId|day". */
export const EMPLOYING = `SELECT k.official_id::text || '|' || k.day::text AS key, ${REF}
  FROM unnest($1::bigint[], $2::date[]) AS k(official_id, day)
  JOIN officials f ON f.id = k.official_id
  JOIN organizations g ON g.id = ${employingGovernment('f', 'k.day')}`;

/**
 * Whether a key acting for `scope` (government ids, as escaped literals) may see the personal
 * data of official `o` on `day` (a date literal): registered by, or employed that day by, one of
 * them — the rule of the GraphQL fields, for queries that select many officials at once.
 */
export const seesPersonalDataSql = (scope: string, day: string) =>
  `(o.government_id = ANY(${scope}::bigint[]) OR ${employingGovernment('o', `${day}::date`)} = ANY(${scope}::bigint[]))`;

/**
 * Which government a unit, post, official or event belongs to, and whether a key acts for it.
 * Plain SQL on the tables (a government is a top-level unit): the modules that own those rows
 * ask here, so this module imports none of them.
 */
@Injectable()
export class GovernmentsService {
  constructor(private readonly dataSource: DataSource) {}

  /** A government by its code ("PEMKOT-BKS") or region code ("32.75"); GOVERNMENT_NOT_FOUND for `field` otherwise. */
  async find(codeOrRegion: string, field = 'government'): Promise<GovernmentRef> {
    const [government]: GovernmentRef[] = await this.dataSource.query(
      `SELECT ${REF} FROM organizations g WHERE g.parent_id IS NULL AND (g.code = $1 OR g.region_code = $1)`,
      [codeOrRegion],
    );
    if (!government) throw governmentNotFound(field);
    return government;
  }

  /** The government a write names, or the only one it can mean: the key's only government, or the database's only one. */
  async chosen(actor: Actor | null, codeOrRegion: string | null | undefined, field: string): Promise<GovernmentRef> {
    if (codeOrRegion) return this.find(codeOrRegion, field);
    const candidates: GovernmentRef[] = await this.dataSource.query(
      `SELECT ${REF} FROM organizations g WHERE g.parent_id IS NULL ${actor && actor.governments !== 'ALL' ? 'AND g.id = ANY($1)' : ''} ORDER BY g.id LIMIT 2`,
      actor && actor.governments !== 'ALL' ? [actor.governments] : [],
    );
    if (candidates.length === 1) return candidates[0];
    throw governmentRequired(field, candidates.length === 0 ? 'there is no government yet' : 'there are several');
  }

  /** The governments of units, by unit id. */
  ofUnits(ids: string[], manager?: EntityManager): Promise<Map<string, GovernmentRef>> {
    return this.keyed(manager, `SELECT u.id::text AS key, ${REF} FROM organizations u JOIN organizations g ON g.id = u.government_id WHERE u.id = ANY($1)`, [ids]);
  }

  /** The governments of posts, by post id. */
  ofPosts(ids: string[], manager?: EntityManager): Promise<Map<string, GovernmentRef>> {
    return this.keyed(
      manager,
      `SELECT p.id::text AS key, ${REF} FROM positions p JOIN organizations u ON u.id = p.organization_id JOIN organizations g ON g.id = u.government_id
       WHERE p.id = ANY($1)`,
      [ids],
    );
  }

  /** The governments of rotation events, by event id. */
  ofEvents(ids: string[], manager?: EntityManager): Promise<Map<string, GovernmentRef>> {
    return this.keyed(manager, `SELECT e.id::text AS key, ${REF} FROM rotation_events e JOIN organizations g ON g.id = e.government_id WHERE e.id = ANY($1)`, [ids]);
  }

  /**
   * The government employing each official on a day: the one of their last definitive post
   * started by then (a move between governments changes it), else the one that registered them.
   */
  async employing(officialIds: string[], on: string, manager?: EntityManager): Promise<Map<string, GovernmentRef>> {
    const byPair = await this.keyed(manager, EMPLOYING, [officialIds, officialIds.map(() => on)]);
    return new Map([...byPair].map(([key, government]) => [key.slice(0, key.indexOf('|')), government]));
  }

  /** The government itself, by id. */
  async byId(id: string, manager?: EntityManager): Promise<GovernmentRef> {
    return (await this.ofUnits([id], manager)).get(id)!;
  }

  /** OUTSIDE_SCOPE (FORBIDDEN) unless the key acts for the government; `row` says what was refused. */
  assertActsFor(actor: Actor | null, government: GovernmentRef, row: string): void {
    // A null actor is the command line, which acts for every government.
    if (actor !== null && !actsFor(actor, government.id)) throw outsideScope(government, row);
  }

  private async keyed(manager: EntityManager | undefined, sql: string, params: unknown[]): Promise<Map<string, GovernmentRef>> {
    const rows: (GovernmentRef & { key: string })[] = await (manager ?? this.dataSource.manager).query(sql, params);
    return new Map(rows.map(({ key, ...government }) => [key, { ...government, id: String(government.id) }]));
  }
}
