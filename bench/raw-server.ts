/**
 * The bench's "raw pg" server (bench/run.ts): the read questions answered by hand-written SQL
 * over bare `node:http` and `pg`, no framework, no GraphQL. It is the floor a Node server
 * can reach on these questions: it still parses each request, runs the SQL as named
 * (prepared) statements and serializes the answer as JSON, so it is measured over HTTP under
 * autocannon like Mutasi and PostGraphile.
 *
 * POST a JSON body to one route; the answer is JSON:
 * - /holder {id, on}: {code, definitive: {startedOn, official: {name}} | null}, or null for no such post;
 * - /nested {id}: {transfers: [{name, post: {code, unit} | null}]}, in transfer order;
 * - /page {from, to}: {totalCount, hasNextPage, nodes: [{kind, effectiveOn, official: {name}}]}, the first 50.
 * GET /health answers 200 once the pool reaches the database.
 *
 * Env: DATABASE_URL, PORT; POOL_SIZE (16).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';

// Dates stay 'YYYY-MM-DD' strings, as the GraphQL servers answer them.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 16) });
pool.on('error', (error) => process.stderr.write(`raw server pool: ${error.message}\n`));

/** Today in Asia/Jakarta, as Mutasi's `currentAppointment` takes it (src/common/today.ts). */
const jakarta = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' });

const HOLDER = `SELECT p.code, a.started_on, o.name FROM positions p
  LEFT JOIN appointments a ON a.position_id = p.id AND a.capacity = 'DEFINITIVE' AND a.started_on <= $2 AND (a.ended_on IS NULL OR a.ended_on > $2)
  LEFT JOIN officials o ON o.id = a.official_id WHERE p.id = $1`;

// The nested answer is shaped as JSON by PostgreSQL in one statement.
const NESTED = `SELECT json_agg(json_build_object('name', o.name, 'post', CASE WHEN p.id IS NOT NULL THEN json_build_object('code', p.code, 'unit', u.code) END) ORDER BY t.seq) AS transfers
  FROM transfers t JOIN officials o ON o.id = t.official_id
  LEFT JOIN appointments a ON a.official_id = o.id AND a.capacity = 'DEFINITIVE' AND a.started_on <= $2 AND (a.ended_on IS NULL OR a.ended_on > $2)
  LEFT JOIN positions p ON p.id = a.position_id LEFT JOIN organizations u ON u.id = p.organization_id
  WHERE t.event_id = $1`;

const PAGE = `SELECT t.kind, e.effective_on, o.name FROM transfers t JOIN rotation_events e ON e.id = t.event_id JOIN officials o ON o.id = t.official_id
  WHERE e.status = 'RECORDED' AND e.effective_on BETWEEN $1 AND $2 ORDER BY e.effective_on, t.event_id, t.seq LIMIT 51`;
const COUNT = `SELECT count(*)::int AS count FROM transfers t JOIN rotation_events e ON e.id = t.event_id WHERE e.status = 'RECORDED' AND e.effective_on BETWEEN $1 AND $2`;

type Body = Record<string, string>;
const routes: Record<string, (body: Body) => Promise<unknown>> = {
  async '/holder'({ id, on }) {
    const { rows } = await pool.query({ name: 'holder', text: HOLDER, values: [id, on] });
    if (rows.length === 0) return null;
    const [row] = rows;
    return { code: row.code, definitive: row.name === null ? null : { startedOn: row.started_on, official: { name: row.name } } };
  },
  async '/nested'({ id }) {
    const { rows } = await pool.query({ name: 'nested', text: NESTED, values: [id, jakarta.format(new Date())] });
    return { transfers: rows[0].transfers ?? [] };
  },
  async '/page'({ from, to }) {
    const [page, count] = await Promise.all([pool.query({ name: 'page', text: PAGE, values: [from, to] }), pool.query({ name: 'count', text: COUNT, values: [from, to] })]);
    return {
      totalCount: count.rows[0].count,
      hasNextPage: page.rows.length > 50,
      nodes: page.rows.slice(0, 50).map((r) => ({ kind: r.kind, effectiveOn: r.effective_on, official: { name: r.name } })),
    };
  },
};

async function readBody(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, value: unknown) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const server = createServer(async (req, res) => {
  try {
    if (req.method === 'GET' && req.url === '/health') {
      await pool.query('SELECT 1');
      return send(res, 200, { ok: true });
    }
    const route = req.method === 'POST' ? routes[req.url ?? ''] : undefined;
    if (!route) return send(res, 404, { error: 'not found' });
    let body: Body;
    try {
      body = await readBody(req);
    } catch {
      return send(res, 400, { error: 'body is not JSON' });
    }
    send(res, 200, { data: await route(body) });
  } catch (error) {
    send(res, 500, { error: (error as Error).message });
  }
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');

process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end();
});
