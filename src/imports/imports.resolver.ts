import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Role } from '../auth/role.enum.js';
import { Roles } from '../auth/roles.decorator.js';
import { ImportProblem, ImportRowView } from './dto/import-views.js';
import { Import } from './import.entity.js';
import { ImportsService } from './imports.service.js';

/** Imports for the HR workspace: what was sent, how it was read, its problems and rows. */
@Resolver(() => Import)
@Roles(Role.HR)
export class ImportsResolver {
  constructor(private readonly service: ImportsService) {}

  @Query(() => [Import], { description: 'The latest imports, newest first (HR; a key acting for some governments sees its own imports only).' })
  imports(@Args('first', { type: () => Int, defaultValue: 20 }) first: number, @CurrentActor() actor: Actor): Promise<Import[]> {
    return this.service.latest(Math.min(Math.max(first, 1), 100), actor);
  }

  @Query(() => Import, { name: 'import', description: 'One import, by id (HR; a key acting for some governments sees its own imports only).' })
  importById(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor): Promise<Import> {
    return this.service.find(id, actor);
  }

  @ResolveField(() => [ImportProblem], { description: 'Every problem: of the annex as a whole, and of each row, errors first.' })
  problems(@Parent() i: Import): Promise<ImportProblem[]> {
    return this.service.problems(i);
  }

  @ResolveField(() => [ImportRowView], { description: 'Data rows in sheet order, after the sheet row `after`.' })
  rows(
    @Parent() i: Import,
    @Args('after', { type: () => Int, defaultValue: 0 }) after: number,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
  ): Promise<ImportRowView[]> {
    return this.service.rows(i.id, after, Math.min(Math.max(first, 1), 1000));
  }
}
