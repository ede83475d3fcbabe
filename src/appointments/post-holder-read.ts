import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { instantOf, keyAt, recordedRelation, stamp } from '../common/as-recorded.js';
import { selectedArgs } from '../common/graphql/lookahead.js';
import { leanColumns, takePrefixed } from '../common/lean-select.js';
import { statementPerDataSource } from '../common/prepared-statement.js';
import { ACTING_CAPACITIES, HEAD_CAPACITIES } from '../history/history.enums.js';
import { Official } from '../officials/official.entity.js';
import { officialById } from '../officials/officials.loaders.js';
import { Position } from '../positions/position.entity.js';
import { positionById } from '../positions/positions.loaders.js';
import { PostReadPlans, type PostQuery } from '../positions/post-read-plans.js';
import type { Appointment } from './appointment.entity.js';
import { appointmentJson } from './appointment.sql.js';
import { actingOn, headOn } from './appointments.loaders.js';

type Row = { day: string; j: Appointment | null } & Record<string, unknown>;

/**
 * `position(…) { holder(on: D) { … } }` in one statement: the post, each day asked for, and
 * whoever held it then (definitive and acting, with the official), which fill the loaders the
 * holder's fields read from. The journalists' point read, so it costs one round trip.
 */
const statement = (key: 'id' | 'code', appointments: string) =>
  statementPerDataSource<Row>(
    (dataSource) => `SELECT ${leanColumns(dataSource, Position, 'p', 'p.')}, d.day::text AS day,
       CASE WHEN a.id IS NOT NULL THEN ${appointmentJson('a')} END AS j, ${leanColumns(dataSource, Official, 'o', 'o.')}
     FROM positions p CROSS JOIN unnest($2::date[]) AS d(day)
     LEFT JOIN ${appointments} a ON a.position_id = p.id AND a.started_on <= d.day AND (a.ended_on IS NULL OR a.ended_on > d.day)
     LEFT JOIN officials o ON o.id = a.official_id
     WHERE p.${key} = $1
     ORDER BY d.day, a.started_on, a.id`,
  );
const now = { id: statement('id', 'appointments'), code: statement('code', 'appointments') };
// `holder(on:, asRecordedAt:)`: the same read over the projection as recorded at the instant.
const then = { id: statement('id', recordedRelation('appointments', '$3')), code: statement('code', recordedRelation('appointments', '$3')) };

@Injectable()
export class PostHolderRead implements OnModuleInit {
  constructor(
    private readonly plans: PostReadPlans,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.plans.register((by, query) => this.read(by, query));
  }

  private read(by: { id: string } | { code: string }, { info, loaders }: PostQuery): Promise<Position | null> | undefined {
    const selections = selectedArgs(info, Position.name, 'holder');
    const days = [...new Set(selections.map((args) => args.on as string))];
    const instants = [...new Set(selections.map((args) => instantOf(args.asRecordedAt as Date | undefined)))];
    // Holders read at several instants in one query are left to the loaders.
    if (days.length === 0 || instants.length > 1) return undefined;
    const at = instants[0];
    return (async () => {
      const [column, key] = 'id' in by ? (['id', by.id] as const) : (['code', by.code] as const);
      const rows = at ? await then[column](this.dataSource).rows(this.dataSource, [key, days, at]) : await now[column](this.dataSource).rows(this.dataSource, [key, days]);
      if (rows.length === 0) return null;
      const post = takePrefixed<Position>(rows[0], 'p.');
      loaders.get(positionById).prime(post.id, post);
      const officials = loaders.get(officialById);
      for (const day of days) {
        const held = stamp(rows.filter((r) => r.day === day && r.j).map((r) => r.j!), at);
        loaders.get(headOn).prime(keyAt(`${post.id}|${day}`, at), held.filter((a) => HEAD_CAPACITIES.includes(a.capacity)));
        loaders.get(actingOn).prime(keyAt(`${post.id}|${day}`, at), held.filter((a) => ACTING_CAPACITIES.includes(a.capacity)));
      }
      for (const row of rows) if (row.j) officials.prime(row.j.officialId, takePrefixed<Official>(row, 'o.'));
      return post;
    })();
  }
}
