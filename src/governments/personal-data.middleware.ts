import type { FieldMiddleware } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { actsFor, canSeePersonalData, type AuthenticatedRequest } from '../auth/actor.js';
import { personalDataRestricted } from '../auth/auth.errors.js';
import { defineLoader, type GraphQLContext } from '../common/loaders/request-loaders.js';
import { today } from '../common/today.js';
import { EMPLOYING } from './governments.service.js';

/** The governments an official belongs to today, for personal data: the one employing them and the one that registered them. */
const officialGovernments = defineLoader(
  (dataSource) =>
    new DataLoader<string, string[]>(async (ids) => {
      const rows: { id: string; employing: string; registered: string }[] = await dataSource.query(
        `SELECT official_id::text AS id, government_id::text AS employing, registered_by::text AS registered FROM (${EMPLOYING}) e`,
        [ids, today()],
      );
      const found = new Map(rows.map((r) => [r.id, [r.employing, r.registered]]));
      return ids.map((id) => found.get(id) ?? []);
    }),
);

/**
 * On NIP, birth date and gender: callers without an HR, ANALYST or ADMIN key get null and an
 * error entry (PERSONAL_DATA_RESTRICTED) for the field, whether or not a value exists; so do
 * keys acting for some governments only, for an official neither employed nor registered by one
 * of them (one statement per request, whatever the number of officials).
 */
export const personalData: FieldMiddleware = async (ctx, next) => {
  const { req, loaders } = ctx.context as GraphQLContext & { req: AuthenticatedRequest };
  const field = ctx.info?.fieldName ?? 'This field';
  const actor = req.actor;
  if (!canSeePersonalData(actor)) throw personalDataRestricted(field);
  if (actor!.governments !== 'ALL') {
    const governments = await loaders.get(officialGovernments).load(String((ctx.source as { id: string }).id));
    if (!governments.some((g) => actsFor(actor, g))) throw personalDataRestricted(field, 'this key does not act for the government employing this official');
  }
  return next();
};
