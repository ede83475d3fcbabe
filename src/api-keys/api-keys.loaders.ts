import DataLoader from 'dataloader';
import { leanColumns } from '../common/lean-select.js';
import { defineLoader, groupForKeys } from '../common/loaders/request-loaders.js';
import { Organization } from '../organizations/organization.entity.js';

/** The governments each key acts for (none listed: all). */
export const governmentsOfKey = defineLoader(
  (dataSource) =>
    new DataLoader<string, Organization[]>(async (ids) => {
      const rows: (Organization & { keyId: string })[] = await dataSource.query(
        `SELECT ${leanColumns(dataSource, Organization, 'x')}, g.api_key_id::text AS "keyId"
         FROM api_key_governments g JOIN organizations x ON x.id = g.government_id WHERE g.api_key_id = ANY($1::bigint[]) ORDER BY x.region_code`,
        [ids],
      );
      return groupForKeys(ids, rows, (r) => r.keyId);
    }),
);
