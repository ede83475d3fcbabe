import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { leanFinder } from '../common/lean-finder.js';
import { actsFor, canSeePersonalData, type Actor } from '../auth/actor.js';
import { personalDataRestricted } from '../auth/auth.errors.js';
import { validationFailed } from '../common/errors/common.errors.js';
import type { Problem } from '../common/errors/domain-error.js';
import type { Page } from '../common/pagination/connection.js';
import { countRows, decodeCursor, toPage } from '../common/pagination/paginate.js';
import { today } from '../common/today.js';
import { subtree } from '../organizations/organization-tree.sql.js';
import { echelonsOf } from '../positions/echelon-filter.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { escapeLike } from '../organizations/organizations.service.js';
import type { CreateOfficialInput } from './dto/create-official.input.js';
import type { OfficialsArgs } from './dto/officials.args.js';
import type { UpdateOfficialInput } from './dto/update-official.input.js';
import { parseNip } from './nip.js';
import { Official } from './official.entity.js';
import { Employment, PNS_RANKS } from './official.enums.js';
import { officialNotFound } from './officials.errors.js';
import { GovernmentsService } from '../governments/governments.service.js';

@Injectable()
export class OfficialsService {
  private readonly find: (by: { id?: string; nip?: string }) => Promise<Official>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly governments: GovernmentsService,
  ) {
    this.find = leanFinder(dataSource, Official, ['id', 'nip'], officialNotFound);
  }

  /**
   * Looking up by NIP is for callers who may see NIPs: anyone else could use it to test whether a
   * NIP exists. A key acting for some governments finds by NIP only the officials whose NIP it
   * may see (employed today or registered by one of them); others are not found, as if absent.
   */
  async findOne(by: { id?: string; nip?: string }, actor: Actor | null): Promise<Official> {
    if (by.nip !== undefined && !canSeePersonalData(actor)) throw personalDataRestricted('nip');
    const official = await this.find(by);
    if (by.nip !== undefined && actor!.governments !== 'ALL' && !actsFor(actor, String(official.governmentId))) {
      const employing = (await this.governments.employing([official.id], today())).get(official.id);
      if (!employing || !actsFor(actor, employing.id)) throw officialNotFound();
    }
    return official;
  }

  /**
   * Officials by name similarity (pg_trgm word similarity on the title-free, accent-free,
   * lower-case name, through its GIN index), best first; without a search, in id order.
   */
  async list(args: OfficialsArgs): Promise<Page<Official>> {
    const params: unknown[] = [];
    const $ = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    const query = args.search ? searchText(args.search) : '';
    let score = '0';
    if (query) {
      const q = $(query);
      score = `word_similarity(public.mutasi_search_key(${q}), public.mutasi_search_key(o.name))`;
      // `<%`: word similarity above pg_trgm's threshold (near misses); LIKE: any exact fragment, however short.
      where.push(`(public.mutasi_search_key(${q}) <% public.mutasi_search_key(o.name) OR public.mutasi_search_key(o.name) LIKE '%' || public.mutasi_search_key(${$(escapeLike(query))}) || '%')`);
    }
    const unit = await this.organizations.unitId(args);
    const echelons = echelonsOf(args);
    if (unit || echelons) {
      where.push(`EXISTS (SELECT 1 FROM appointments a JOIN positions p ON p.id = a.position_id
        WHERE a.official_id = o.id AND a.capacity = 'DEFINITIVE' AND a.started_on <= ${$(today())}::date AND (a.ended_on IS NULL OR a.ended_on > $${params.length}::date)
        ${unit ? `AND p.organization_id IN ${subtree($(unit))}` : ''} ${echelons ? `AND p.echelon = ANY(${$(echelons)}::echelon[])` : ''})`);
    }
    const base = `FROM (SELECT o.*, ${score} AS score FROM officials o WHERE ${where.join(' AND ') || 'true'}) o`;
    const countParams = [...params];
    let after = '';
    if (args.after) {
      const [s, id] = decodeCursor(args.after, ['number', 'id']);
      after = ` WHERE (o.score < ${$(s)}::float8 OR (o.score = $${params.length}::float8 AND o.id > ${$(id)}::bigint))`;
    }
    const rows: (Official & { score: number })[] = await this.dataSource.query(
      `SELECT o.id::text AS id, o.nip, o.name, o.honorific_prefix AS "honorificPrefix", o.honorific_suffix AS "honorificSuffix", o.employment, o.rank,
              o.gender, o.birth_date AS "birthDate", o.created_at AS "createdAt", o.updated_at AS "updatedAt", o.score
       ${base}${after} ORDER BY o.score DESC, o.id LIMIT ${$(args.first + 1)}`,
      params,
    );
    return toPage(rows, args, () => countRows(this.dataSource, base, countParams), (r) => [r.score, r.id]);
  }

  async create({ government: named, ...input }: CreateOfficialInput, actor: Actor | null): Promise<Official> {
    const government = await this.governments.chosen(actor, named, 'government');
    this.governments.assertActsFor(actor, government, `new official ${input.name}`);
    return this.audit.created(actor, 'createOfficial', 'official', Official, { ...completeOfficial({ ...input }), governmentId: government.id });
  }

  /** By keys acting for the government employing the official today. */
  async update(id: string, input: UpdateOfficialInput, actor: Actor | null): Promise<Official> {
    const government = (await this.governments.employing([id], today())).get(id);
    if (!government) throw officialNotFound();
    this.governments.assertActsFor(actor, government, `official ${id}`);
    return this.audit.updated(
      actor,
      'updateOfficial',
      'official',
      Official,
      id,
      (existing) => {
        // A new NIP re-derives birth date, gender and employment unless they are given too.
        const nipChanged = input.nip !== undefined && input.nip !== existing.nip;
        const rederived = nipChanged ? { birthDate: input.birthDate ?? null, gender: input.gender ?? null, employment: input.employment } : {};
        return completeOfficial({ ...existing, ...input, ...rederived });
      },
      officialNotFound,
    );
  }
}

type OfficialFields = Pick<CreateOfficialInput, 'nip' | 'employment' | 'rank' | 'gender' | 'birthDate'>;

/**
 * Fills what the NIP says (employment, birth date, gender) and checks that what was
 * given agrees with it; every disagreement is reported at once.
 */
export function completeOfficial<T extends OfficialFields>(o: T): T & { employment: Employment } {
  const problems: Problem[] = [];
  const parsed = o.nip ? parseNip(o.nip) : undefined;
  const fromNip = parsed?.ok ? parsed.value : undefined;
  const employment = o.employment ?? fromNip?.employment ?? Employment.PNS;
  if (fromNip) {
    if (employment !== fromNip.employment) {
      problems.push({ field: 'employment', code: 'NIP_EMPLOYMENT_MISMATCH', message: `the NIP is a ${fromNip.employment} number, but employment is ${employment}` });
    }
    if (o.birthDate && o.birthDate !== fromNip.birthDate) {
      problems.push({ field: 'birthDate', code: 'NIP_MISMATCH', message: `the NIP gives the birth date ${fromNip.birthDate}` });
    }
    if (o.gender && o.gender !== fromNip.gender) {
      problems.push({ field: 'gender', code: 'NIP_MISMATCH', message: `the NIP gives the gender ${fromNip.gender}` });
    }
  }
  if (o.rank && PNS_RANKS.includes(o.rank) !== (employment === Employment.PNS)) {
    problems.push({
      field: 'rank',
      code: 'RANK_EMPLOYMENT_MISMATCH',
      message: employment === Employment.PNS ? 'a PNS has a golongan ruang (I_A … IV_E)' : 'a PPPK official has a grade (I … XVII)',
    });
  }
  if (problems.length > 0) throw validationFailed(problems);
  return { ...o, employment, birthDate: fromNip?.birthDate ?? o.birthDate ?? null, gender: fromNip?.gender ?? o.gender ?? null };
}

/**
 * The name in a search as typed, without titles: "dr. H. Ahmad Fauzi, M.Kes." → "Ahmad Fauzi"
 * (back titles follow the comma; front titles end with a full stop).
 */
export function searchText(typed: string): string {
  const name = typed.split(',')[0].split(/\s+/).filter((word) => word && !word.endsWith('.'));
  return (name.join(' ') || typed).trim();
}
