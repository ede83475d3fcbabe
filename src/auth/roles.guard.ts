import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, invalidApiKey, unauthenticated } from './auth.errors.js';
import { requestOf } from './request.js';
import type { Role } from './role.enum.js';
import { ROLES_KEY } from './roles.decorator.js';

/** Global: a wrong or revoked key is refused everywhere; @Roles operations need a key with the role. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const req = requestOf(context);
    if (req.authFailed) throw invalidApiKey();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    if (!req.actor) throw unauthenticated(roles);
    if (!roles.includes(req.actor.role)) throw forbidden(roles);
    return true;
  }
}
