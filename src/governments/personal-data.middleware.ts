import type { FieldMiddleware } from '@nestjs/graphql';
import { actsFor, canSeePersonalData, type AuthenticatedRequest } from '../auth/actor.js';
import { personalDataRestricted } from '../auth/auth.errors.js';
import type { GraphQLContext } from '../common/loaders/request-loaders.js';
import { today } from '../common/today.js';
import { employingGovernment } from './governments.loaders.js';

/**
 * On NIP, birth date and gender: callers without an HR, ANALYST or ADMIN key get null and an
 * error entry (PERSONAL_DATA_RESTRICTED) for the field, whether or not a value exists; so do
 * keys acting for some governments only, for an official neither employed today nor registered
 * by one of them (one statement per request, whatever the number of officials).
 */
export const personalData: FieldMiddleware = async (ctx, next) => {
  const { req, loaders } = ctx.context as GraphQLContext & { req: AuthenticatedRequest };
  const field = ctx.info?.fieldName ?? 'This field';
  const actor = req.actor;
  if (!canSeePersonalData(actor)) throw personalDataRestricted(field);
  if (actor!.governments !== 'ALL') {
    const official = ctx.source as { id: string; governmentId: string };
    const ours = actsFor(actor, String(official.governmentId)) || actsFor(actor, await loaders.get(employingGovernment).load(`${official.id}|${today()}`));
    if (!ours) throw personalDataRestricted(field, 'this key does not act for the government employing this official');
  }
  return next();
};
