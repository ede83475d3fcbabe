import DataLoader from 'dataloader';
import { defineLoader } from '../common/loaders/request-loaders.js';
import { EMPLOYING } from './governments.service.js';

/**
 * The id of the government employing an official on a day, by "officialId|day": one
 * statement per batch, whatever the officials and days in it.
 */
export const employingGovernment = defineLoader(
  (dataSource) =>
    new DataLoader<string, string>(async (keys) => {
      const pairs = keys.map((k) => k.split('|'));
      const rows: { key: string; id: string }[] = await dataSource.query(EMPLOYING, [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
      const found = new Map(rows.map((r) => [r.key, String(r.id)]));
      // Every official has a registering government, so only an unknown official has no answer.
      return keys.map((k) => found.get(k) ?? new Error(`no official ${k.slice(0, k.indexOf('|'))}`));
    }),
);
