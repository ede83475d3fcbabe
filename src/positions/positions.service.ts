import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { leanFinder } from '../common/lean-finder.js';
import type { Actor } from '../auth/actor.js';
import type { Page } from '../common/pagination/connection.js';
import { paginate } from '../common/pagination/paginate.js';
import { escapeLike, OrganizationsService } from '../organizations/organizations.service.js';
import type { CreatePositionInput } from './dto/create-position.input.js';
import type { PositionsArgs } from './dto/positions.args.js';
import type { UpdatePositionInput } from './dto/update-position.input.js';
import { Position } from './position.entity.js';
import { echelonsOf } from './echelon-filter.js';
import { PositionError, PositionErrorCode, positionNotFound } from './positions.errors.js';
import { PostReadPlans, type PostQuery } from './post-read-plans.js';
import { GovernmentsService } from '../governments/governments.service.js';

@Injectable()
export class PositionsService {
  /** The post by id or code; POSITION_NOT_FOUND when there is none. */
  readonly findOne: (by: { id?: string; code?: string }) => Promise<Position>;

  constructor(
    @InjectRepository(Position) private readonly positions: Repository<Position>,
    dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly plans: PostReadPlans,
    private readonly governments: GovernmentsService,
  ) {
    this.findOne = leanFinder(dataSource, Position, ['id', 'code'], positionNotFound);
  }

  /** A post for a query: with what the query selects below it in the same statement where a plan can (see PostReadPlans). */
  async read(by: { id: string } | { code: string }, query: PostQuery): Promise<Position> {
    const planned = this.plans.read(by, query);
    if (!planned) return this.findOne(by);
    const found = await planned;
    if (!found) throw positionNotFound();
    return found;
  }

  async list(args: PositionsArgs): Promise<Page<Position>> {
    const qb = this.positions.createQueryBuilder('p');
    const unit = await this.organizations.unitId({ organizationId: args.organizationId, organizationCode: args.organizationCode });
    if (unit) qb.andWhere('p.organization_id = :org', { org: unit });
    if (args.government) {
      const government = await this.governments.find(args.government);
      qb.andWhere('p.organization_id IN (SELECT u.id FROM organizations u WHERE u.government_id = :government)', { government: government.id });
    }
    const echelons = echelonsOf(args);
    if (echelons) qb.andWhere('p.echelon = ANY(:echelons::echelon[])', { echelons });
    if (args.category) qb.andWhere('p.category = :category', { category: args.category });
    if (args.search) {
      // Every word must be in the title (as a fragment, so "kali baru" finds "Kalibaru") or
      // near a word of it (pg_trgm's word similarity): both served by the title's trigram index.
      const words = args.search.trim().split(/\s+/).slice(0, 10);
      const each = words.map((_, i) => `(public.mutasi_search_key(p.title) LIKE '%' || public.mutasi_search_key(:w${i}) || '%' OR public.mutasi_search_key(:raw${i}) <% public.mutasi_search_key(p.title))`);
      const params = Object.fromEntries(words.flatMap((w, i) => [[`w${i}`, escapeLike(w)], [`raw${i}`, w]]));
      qb.andWhere(`((${each.join(' AND ')}) OR p.code ILIKE :code)`, { ...params, code: `%${escapeLike(args.search)}%` });
    }
    return paginate(qb, args);
  }

  /** An unknown organization is refused by the foreign key and reported as UNKNOWN_ORGANIZATION. */
  async create(input: CreatePositionInput, actor: Actor | null): Promise<Position> {
    await this.assertActsForUnit(actor, input.organizationId, `new post ${input.code}`);
    return this.audit.created(actor, 'createPosition', 'position', Position, input);
  }

  /**
   * The category of a post that a decree has named stays as it was: the kinds of its moves,
   * the rules of its holders (an UPTD head's additional task, a functional official's) and
   * its retirement age were decided by it. A new category is a new post.
   */
  async update(id: string, input: UpdatePositionInput, actor: Actor | null): Promise<Position> {
    const government = (await this.governments.ofPosts([id])).get(id);
    if (!government) throw positionNotFound();
    this.governments.assertActsFor(actor, government, `post ${id}`);
    // A unit of another government: the key's scope first (the database refuses the move for any key).
    if (input.organizationId) await this.assertActsForUnit(actor, input.organizationId, `post ${id} moved to unit ${input.organizationId}`);
    if (input.category) {
      const [row]: { category: string; used: boolean }[] = await this.positions.query(
        `SELECT category, EXISTS (SELECT 1 FROM transfers t WHERE t.to_position_id = p.id OR t.from_position_id = p.id) AS used FROM positions p WHERE p.id = $1`,
        [id],
      );
      if (row?.used && row.category !== input.category) {
        throw new PositionError(PositionErrorCode.CATEGORY_IN_USE, `This post has moves on record as ${row.category}; its category cannot change. Abolish it and establish a new post instead.`, [
          { field: 'category', code: PositionErrorCode.CATEGORY_IN_USE, message: 'The post has moves on record' },
        ]);
      }
    }
    return this.audit.updated(actor, 'updatePosition', 'position', Position, id, () => input, positionNotFound);
  }

  /** A post is written by keys acting for its unit's government (an unknown unit is left to the foreign key). */
  private async assertActsForUnit(actor: Actor | null, unitId: string, row: string): Promise<void> {
    const government = (await this.governments.ofUnits([unitId])).get(unitId);
    if (government) this.governments.assertActsFor(actor, government, row);
  }
}
