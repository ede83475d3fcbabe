import { SetMetadata } from '@nestjs/common';
import type { Role } from './role.enum.js';

export const ROLES_KEY = 'mutasi:roles';

/** The operation needs an API key with one of these roles; without it, anyone may call it. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
