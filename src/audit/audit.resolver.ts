import { Args, ObjectType, Query, Resolver } from '@nestjs/graphql';
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
  @Query(() => AuditLogConnection, { description: 'Every change, oldest first, filtered by target, key and time (ADMIN).' })
  auditLog(@Args() args: AuditLogArgs): Promise<AuditLogConnection> {
    return this.audit.list(args);
  }
}
