import { Args, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Role } from '../auth/role.enum.js';
import { Roles } from '../auth/roles.decorator.js';
import { Connection } from '../common/pagination/connection.js';
import { AuditLog } from './audit-log.entity.js';
import { AuditService } from './audit.service.js';
import { AuditLogArgs } from './dto/audit-log.args.js';

@ObjectType()
export class AuditLogConnection extends Connection(AuditLog) {}

@Resolver(() => AuditLog)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles(Role.ADMIN)
  @Query(() => AuditLogConnection, {
    description: 'Every change, oldest first, filtered by target, key and time (ADMIN; an ADMIN key acting for some governments sees the changes made by the keys it manages).',
  })
  auditLog(@Args() args: AuditLogArgs, @CurrentActor() actor: Actor): Promise<AuditLogConnection> {
    return this.audit.list(args, actor);
  }
}
