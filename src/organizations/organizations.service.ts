import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Page } from '../common/pagination/connection.js';
import { paginate } from '../common/pagination/paginate.js';
import type { CreateOrganizationInput } from './dto/create-organization.input.js';
import type { OrganizationsArgs } from './dto/organizations.args.js';
import type { UpdateOrganizationInput } from './dto/update-organization.input.js';
import { Organization } from './organization.entity.js';
import { organizationNotFound } from './organizations.errors.js';

@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(Organization) private readonly organizations: Repository<Organization>) {}

  async findOne(by: { id?: string; code?: string }): Promise<Organization> {
    const found = by.id !== undefined ? await this.organizations.findOneBy({ id: by.id }) : await this.organizations.findOneBy({ code: by.code });
    if (!found) throw organizationNotFound();
    return found;
  }

  list(args: OrganizationsArgs): Promise<Page<Organization>> {
    const qb = this.organizations.createQueryBuilder('o');
    if (args.kind) qb.andWhere('o.kind = :kind', { kind: args.kind });
    if (args.parentId) qb.andWhere('o.parent_id = :parentId', { parentId: args.parentId });
    if (args.search) qb.andWhere('(o.name ILIKE :q OR o.code ILIKE :q)', { q: `%${escapeLike(args.search)}%` });
    return paginate(qb, args);
  }

  /** Unknown parents and cycles are refused by the database (foreign key, trigger) and reported as domain errors. */
  create(input: CreateOrganizationInput): Promise<Organization> {
    return this.organizations.save(this.organizations.create(input));
  }

  async update(id: string, input: UpdateOrganizationInput): Promise<Organization> {
    const existing = await this.findOne({ id });
    return this.organizations.save(this.organizations.merge(existing, input));
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
