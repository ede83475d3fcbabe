import DataLoader from 'dataloader';
import { leanStatement } from '../common/lean-select.js';
import { byIdLoader, defineLoader, groupForKeys } from '../common/loaders/request-loaders.js';
import { Organization } from './organization.entity.js';

export const organizationById = byIdLoader(Organization);

const childrenOf = leanStatement(Organization, 'WHERE x.parent_id = ANY($1::bigint[]) ORDER BY x.code');
const byIds = leanStatement(Organization, 'WHERE x.id = ANY($1::bigint[])');

/** The units directly under each organization, ordered by code. */
export const organizationChildren = defineLoader(
  (dataSource) =>
    new DataLoader<string, Organization[]>(async (ids) => {
      const rows = await childrenOf(dataSource).rows(dataSource, [ids]);
      return groupForKeys(ids, rows, (r) => r.parentId!);
    }),
);

/** Ancestors from the parent up to the root, for many organizations in one recursive query. */
export const organizationAncestors = defineLoader(
  (dataSource) =>
    new DataLoader<string, Organization[]>(async (ids) => {
      const rows: { of_id: string; depth: number; id: string }[] = await dataSource.query(
        `WITH RECURSIVE up(of_id, depth, id, parent_id) AS (
           SELECT o.id, 0, o.id, o.parent_id FROM organizations o WHERE o.id = ANY($1)
           UNION ALL
           SELECT up.of_id, up.depth + 1, p.id, p.parent_id FROM up JOIN organizations p ON p.id = up.parent_id WHERE up.depth < 100
         )
         SELECT of_id, depth, id FROM up WHERE depth > 0 ORDER BY of_id, depth`,
        [ids],
      );
      const all = await byIds(dataSource).rows(dataSource, [[...new Set(rows.map((r) => r.id))]]);
      const found = new Map(all.map((o) => [o.id, o]));
      return groupForKeys(ids, rows, (r) => r.of_id).map((group) => group.map((r) => found.get(r.id)!));
    }),
);
