import type { FieldMiddleware } from '@nestjs/graphql';
import { canSeePersonalData, type AuthenticatedRequest } from './actor.js';
import { personalDataRestricted } from './auth.errors.js';

/**
 * On NIP, birth date and gender: callers without an HR, ANALYST or ADMIN key get null and
 * an error entry (PERSONAL_DATA_RESTRICTED) for the field, whether or not a value exists.
 */
export const personalData: FieldMiddleware = (ctx, next) => {
  const req = (ctx.context as { req: AuthenticatedRequest }).req;
  if (!canSeePersonalData(req.actor)) throw personalDataRestricted(ctx.info?.fieldName ?? 'This field');
  return next();
};
