import DataLoader from 'dataloader';
import { perInstant, recordedRelation, stamp } from '../common/as-recorded.js';
import { leanStatement } from '../common/lean-select.js';
import { defineLoader, groupForKeys, recordedByIdLoader } from '../common/loaders/request-loaders.js';
import type { TransferKind } from '../history/history.enums.js';
import type { Echelon, PositionCategory } from '../positions/position.enums.js';
import type { OrganizationCount, RotationEventSummary } from './dto/rotation-queries.js';
import { RotationEvent } from './rotation-event.entity.js';
import { Transfer } from './transfer.entity.js';

/** By id, or by `keyAt(id, instant)` as recorded then. */
export const rotationEventById = recordedByIdLoader(RotationEvent);
export const transferById = recordedByIdLoader(Transfer);

const ofEvents = 'WHERE x.event_id = ANY($1::bigint[]) ORDER BY x.event_id, x.seq';
const transfersOfEvents = leanStatement(Transfer, ofEvents);
const transfersOfEventsThen = leanStatement(Transfer, ofEvents, (table) => recordedRelation(table, '$2'));

/** An event's lampiran, in order; for `keyAt(id, instant)`, as recorded then. */
export const transfersOfEvent = defineLoader(
  (dataSource) =>
    new DataLoader<string, Transfer[]>((keys) =>
      perInstant(keys, async (ids, at) => {
        const rows = at ? await transfersOfEventsThen(dataSource).rows(dataSource, [ids, at]) : await transfersOfEvents(dataSource).rows(dataSource, [ids]);
        return groupForKeys(ids, stamp(rows, at), (r) => r.eventId);
      }),
    ),
);

/** Counts of an event's transfers by kind, echelon, category and unit (each under its destination, else its origin). */
export const eventSummary = defineLoader(
  (dataSource) =>
    new DataLoader<string, RotationEventSummary>((keys) => perInstant(keys, async (ids, at) => {
      const rows: { event_id: string; dim: string; key: string | null; count: number }[] = await dataSource.query(
        `SELECT t.event_id::text AS event_id, d.dim, d.key, count(*)::int AS count
         FROM ${recordedRelation('transfers', at && '$2')} t LEFT JOIN positions fp ON fp.id = t.from_position_id LEFT JOIN positions tp ON tp.id = t.to_position_id
         CROSS JOIN LATERAL (VALUES ('kind', t.kind::text), ('echelon', COALESCE(tp.echelon, fp.echelon)::text),
           ('category', COALESCE(tp.category, fp.category)::text), ('organization', COALESCE(tp.organization_id, fp.organization_id)::text)) AS d(dim, key)
         WHERE t.event_id = ANY($1::bigint[])
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 4 DESC, 3`,
        at ? [ids, at] : [ids],
      );
      return groupForKeys(ids, rows, (r) => r.event_id).map((group) => {
        const of = (dim: string) => group.filter((r) => r.dim === dim);
        return {
          transfers: of('kind').reduce((n, r) => n + r.count, 0),
          byKind: of('kind').map((r) => ({ kind: r.key as TransferKind, count: r.count })),
          byEchelon: of('echelon').map((r) => ({ echelon: r.key as Echelon | null, count: r.count })),
          byCategory: of('category').map((r) => ({ category: r.key as PositionCategory, count: r.count })),
          byOrganization: of('organization').map((r) => ({ organizationId: r.key!, count: r.count }) as OrganizationCount),
        };
      });
    })),
);
