import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { leanFinder } from '../common/lean-finder.js';
import type { Actor } from '../auth/actor.js';
import type { Page } from '../common/pagination/connection.js';
import { paginate } from '../common/pagination/paginate.js';
import type { CreateOrganizationInput } from './dto/create-organization.input.js';
import type { OrganizationsArgs } from './dto/organizations.args.js';
import type { UpdateOrganizationInput } from './dto/update-organization.input.js';
import { Organization } from './organization.entity.js';
import { organizationNotFound, unknownParentCode } from './organizations.errors.js';
import { exactlyOne } from '../common/id-or-code.args.js';
import { validationFailed } from '../common/errors/common.errors.js';
import { GovernmentsService } from '../governments/governments.service.js';
import { EVERY_GOVERNMENT, outsideScope } from '../governments/governments.errors.js';

@Injectable()
export class OrganizationsService {
  /** The unit by id or code; ORGANIZATION_NOT_FOUND when there is none. */
  readonly findOne: (by: { id?: string; code?: string }) => Promise<Organization>;

  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly governments: GovernmentsService,
  ) {
    this.findOne = leanFinder(dataSource, Organization, ['id', 'code'], organizationNotFound);
  }

  /**
   * The unit a filter names by id or code (checked to exist), or the top unit of the government
   * it names (a government is its whole tree), or undefined when it names none.
   */
  async unitId(filter: { organizationId?: string; organizationCode?: string; government?: string }): Promise<string | undefined> {
    const government = filter.government ? await this.governments.find(filter.government) : undefined;
    const unit = filter.organizationId ? await this.findOne({ id: filter.organizationId }) : filter.organizationCode ? await this.findOne({ code: filter.organizationCode }) : undefined;
    if (government && unit && unit.governmentId !== government.id) {
      throw validationFailed([{ field: 'government', code: 'UNIT_OUTSIDE_GOVERNMENT', message: `The unit ${unit.code} is not one of ${government.name}'s.` }]);
    }
    return unit?.id ?? government?.id;
  }

  /** Every government (top-level unit), by region code. */
  listGovernments(): Promise<Organization[]> {
    return this.organizations.find({ where: { parentId: IsNull() }, order: { regionCode: 'ASC' } });
  }

  async list(args: OrganizationsArgs): Promise<Page<Organization>> {
    const qb = this.organizations.createQueryBuilder('o');
    if (args.government) qb.andWhere('o.government_id = :government', { government: (await this.governments.find(args.government)).id });
    if (args.kind) qb.andWhere('o.kind = :kind', { kind: args.kind });
    if (args.parentId) qb.andWhere('o.parent_id = :parentId', { parentId: args.parentId });
    if (args.search) qb.andWhere('(o.name ILIKE :q OR o.code ILIKE :q)', { q: `%${escapeLike(args.search)}%` });
    return paginate(qb, args);
  }

  /** Unknown parents and cycles are refused by the database (foreign key, trigger) and reported as domain errors. */
  async create(input: CreateOrganizationInput, actor: Actor | null): Promise<Organization> {
    const values = await this.withParentId(input);
    if (values.parentId) {
      const government = (await this.governments.ofUnits([values.parentId])).get(values.parentId);
      if (government) this.governments.assertActsFor(actor, government, `new unit ${input.code}`);
    } else if (actor && actor.governments !== 'ALL') {
      throw outsideScope({ code: input.code, regionCode: input.regionCode ?? '—', name: input.name }, 'only a key acting for every government may add a government');
    }
    return this.audit.created(actor, 'createOrganization', 'organization', Organization, values);
  }

  async update(id: string, input: UpdateOrganizationInput, actor: Actor | null): Promise<Organization> {
    const values = await this.withParentId(input);
    const government = (await this.governments.ofUnits([id])).get(id);
    if (!government) throw organizationNotFound();
    this.governments.assertActsFor(actor, government, `unit ${id}`);
    if (government.id === id && actor && actor.governments !== 'ALL') await this.assertKeepsIdentity(id, input, government);
    return this.audit.updated(actor, 'updateOrganization', 'organization', Organization, id, () => values, organizationNotFound);
  }

  /**
   * A government's code, region code and type are what keys, filters and exports name it by: as
   * adding a government, changing them is for a key acting for every government (a scoped key
   * could otherwise take a region code another government is yet to be added with).
   */
  private async assertKeepsIdentity(id: string, input: UpdateOrganizationInput, government: { code: string; regionCode: string; name: string }): Promise<void> {
    const [current]: { governmentType: string }[] = await this.dataSource.query('SELECT government_type AS "governmentType" FROM organizations WHERE id = $1', [id]);
    const changed = (['code', 'regionCode', 'governmentType'] as const).filter(
      (field) => input[field] !== undefined && input[field] !== (field === 'governmentType' ? current.governmentType : government[field]),
    );
    if (changed.length > 0) throw outsideScope(EVERY_GOVERNMENT, `the ${changed.join(', ')} of ${government.name}, which only a key acting for every government may change`);
  }

  /** The parent named by code becomes its id (unknown ids are the foreign key's to refuse). */
  private async withParentId<T extends { parentId?: string | null; parentCode?: string | null }>(input: T): Promise<Omit<T, 'parentCode'>> {
    const { parentCode, ...values } = input;
    if (parentCode == null) return values;
    if (input.parentId != null) exactlyOne({ parentId: input.parentId, parentCode });
    const [parent]: { id: string }[] = await this.dataSource.query('SELECT id FROM organizations WHERE code = $1', [parentCode]);
    if (!parent) throw unknownParentCode();
    return { ...values, parentId: parent.id };
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
