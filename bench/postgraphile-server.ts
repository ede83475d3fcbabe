/**
 * PostGraphile v5 on the bench's database, for `npm run bench` (bench/run.ts) only: the
 * comparison with a GraphQL server generated from the same tables. Its default preset (amber)
 * plus postgraphile-plugin-connection-filter, served by grafserv on bare `node:http`.
 *
 * What the comparison needs beyond the default schema, and why it stays fair (every question
 * gets the same answer content as Mutasi's, checked by bench/run.ts before any load):
 * - "Who held a post on a day" and "an official's current post" are date-range conditions
 *   (started_on <= day < ended_on) that the default `condition` argument cannot say (it only
 *   tests equality). postgraphile-plugin-connection-filter, the usual PostGraphile answer,
 *   adds a `filter` argument with comparison and `or` operators to every connection, so these
 *   are asked as `appointmentsByPositionId(first: 1, filter: …)`: no SQL of ours, and
 *   PostGraphile compiles the whole query into its own SQL, as it would in production. Amber
 *   only lets indexed columns be filtered; that rule is switched off (below) for these columns.
 *   The current post's day is a query variable (today in Asia/Jakarta, the day Mutasi takes).
 * - "The first 50 transfers of a date range, ordered by the event's effective date" orders by
 *   a column of another table, which neither the default schema nor the filter plugin can.
 *   PostGraphile's documented way is a custom query: a STABLE SQL function returning
 *   `SETOF transfers`, which PostGraphile exposes with the usual connection (totalCount,
 *   first, nodes and relations), calling it in its own SQL (PostgreSQL inlines it). It is created here, idempotently,
 *   in a schema of its own, `postgraphile_bench`, of the throwaway bench database (hence the
 *   field's name, `postgraphileBenchTransfersBetween(from:, to:)`), so neither Mutasi nor the
 *   raw server sees it. Its WHERE and ORDER BY are those of Mutasi's and the raw server's SQL.
 *
 * Env: DATABASE_URL, PORT; POOL_SIZE (10: Mutasi's own pool size, src/database/data-source-options.ts).
 */
import { createServer } from 'node:http';
import pg from 'pg';

// PostGraphile 5 declares Node >= 22 and calls Promise.withResolvers (ES2024), which Node 20
// lacks: without it every query fails ("Cannot read properties of undefined (reading
// 'items')"). The spec's few lines, in this process only, before PostGraphile loads.
const promise = Promise as unknown as { withResolvers?: () => unknown };
promise.withResolvers ??= function <T>(this: PromiseConstructor) {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const p = new this<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise: p, resolve, reject };
};
const { postgraphile } = await import('postgraphile');
const { makePgService } = await import('postgraphile/adaptors/pg');
const { grafserv } = await import('postgraphile/grafserv/node');
const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');
const { PostGraphileConnectionFilterPreset } = await import('postgraphile-plugin-connection-filter');

const connectionString = process.env.DATABASE_URL;

const setup = new pg.Client({ connectionString });
await setup.connect();
await setup.query(`CREATE SCHEMA IF NOT EXISTS postgraphile_bench`);
await setup.query(`CREATE OR REPLACE FUNCTION postgraphile_bench.transfers_between("from" date, "to" date) RETURNS SETOF public.transfers
  LANGUAGE sql STABLE AS $$
    SELECT t.* FROM public.transfers t JOIN public.rotation_events e ON e.id = t.event_id
    WHERE e.status = 'RECORDED' AND e.effective_on BETWEEN "from" AND "to" ORDER BY e.effective_on, t.event_id, t.seq
  $$`);
await setup.end();

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  // Amber offers filters only on indexed columns (PostGraphile 4's default offered them on all).
  // The date and capacity columns are filtered within an indexed relation (the appointments of
  // one post, of one official), as in Mutasi's and the raw server's SQL.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString, schemas: ['public', 'postgraphile_bench'], poolConfig: { max: Number(process.env.POOL_SIZE ?? 10) } })],
  grafserv: { graphiql: false },
});
const server = createServer();
server.on('error', (error) => process.stderr.write(`postgraphile server: ${error.message}\n`));
await pgl.createServ(grafserv).addTo(server);
// Build the schema before taking requests: the bench waits for a first answer.
await pgl.getSchema();
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');

process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pgl.release();
});
