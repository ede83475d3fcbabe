import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { validationFailed } from '../common/errors/common.errors.js';
import type { Problem } from '../common/errors/domain-error.js';
import type { Page } from '../common/pagination/connection.js';
import { paginate } from '../common/pagination/paginate.js';
import { escapeLike } from '../organizations/organizations.service.js';
import type { CreateOfficialInput } from './dto/create-official.input.js';
import type { OfficialsArgs } from './dto/officials.args.js';
import type { UpdateOfficialInput } from './dto/update-official.input.js';
import { parseNip } from './nip.js';
import { Official } from './official.entity.js';
import { Employment, PNS_RANKS } from './official.enums.js';
import { officialNotFound } from './officials.errors.js';

@Injectable()
export class OfficialsService {
  constructor(@InjectRepository(Official) private readonly officials: Repository<Official>) {}

  async findOne(by: { id?: string; nip?: string }): Promise<Official> {
    const found = by.id !== undefined ? await this.officials.findOneBy({ id: by.id }) : await this.officials.findOneBy({ nip: by.nip });
    if (!found) throw officialNotFound();
    return found;
  }

  list(args: OfficialsArgs): Promise<Page<Official>> {
    const qb = this.officials.createQueryBuilder('o');
    if (args.search) qb.andWhere('public.mutasi_search_key(o.name) LIKE public.mutasi_search_key(:q)', { q: `%${escapeLike(args.search.trim())}%` });
    return paginate(qb, args);
  }

  create(input: CreateOfficialInput): Promise<Official> {
    return this.officials.save(this.officials.create(completeOfficial({ ...input })));
  }

  async update(id: string, input: UpdateOfficialInput): Promise<Official> {
    const existing = await this.findOne({ id });
    // A new NIP re-derives birth date, gender and employment unless they are given too.
    const nipChanged = input.nip !== undefined && input.nip !== existing.nip;
    const rederived = nipChanged ? { birthDate: input.birthDate ?? null, gender: input.gender ?? null, employment: input.employment } : {};
    const next = { ...existing, ...input, ...rederived };
    return this.officials.save(this.officials.merge(existing, completeOfficial(next)));
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
