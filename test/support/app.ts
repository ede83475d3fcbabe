import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ApiKeysService } from '../../src/api-keys/api-keys.service.js';
import { Role } from '../../src/auth/role.enum.js';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createTestDatabase, dropTestDatabase } from './database.js';

export interface GraphQLResponse<T = any> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions: Record<string, any> & { code: string } }[];
}

type Gql = <T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GraphQLResponse<T>>;

export interface TestApp {
  app: INestApplication;
  databaseUrl: string;
  /** POSTs a GraphQL operation over HTTP, anonymously; returns the parsed body (any status). */
  gql: Gql;
  /** The same with an HR, ANALYST or ADMIN key made for this app. */
  hr: Gql;
  analyst: Gql;
  admin: Gql;
  /** `Authorization` headers for those keys. */
  auth: Record<Role, Record<string, string>>;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * The real app, listening on an ephemeral port, over a fresh copy of the migrated template
 * database; or, given `databaseUrl` (another test app's), a further instance over that one,
 * which it leaves to its owner to drop.
 */
export async function startTestApp(env: Record<string, string> = {}, options: { databaseUrl?: string } = {}): Promise<TestApp> {
  const database = options.databaseUrl ? { name: null, url: options.databaseUrl } : await createTestDatabase();
  // Rate limits high enough not to trip the other tests; the access spec sets its own.
  const config = loadConfig({ LOG_LEVEL: 'error', NODE_ENV: 'test', RATE_LIMIT_ANONYMOUS: '100000', RATE_LIMIT_PER_KEY: '100000', ...env });
  const app = await createApp({ config, databaseUrl: database.url, migrate: false });
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer();
  const keys = app.get(ApiKeysService);
  const auth = {} as Record<Role, Record<string, string>>;
  for (const role of Object.values(Role)) {
    const { secret } = await keys.create(role, `test ${role}`, null);
    auth[role] = { authorization: `Bearer ${secret}` };
  }
  const gql: Gql = async (query, variables, headers = {}) => {
    const res = await request(server)
      .post('/graphql')
      .set({ 'content-type': 'application/json', ...headers })
      .send({ query, variables });
    return res.body as GraphQLResponse;
  };
  return {
    app,
    databaseUrl: database.url,
    http: () => request(server),
    gql,
    hr: (q, v, h) => gql(q, v, { ...auth.HR, ...h }),
    analyst: (q, v, h) => gql(q, v, { ...auth.ANALYST, ...h }),
    admin: (q, v, h) => gql(q, v, { ...auth.ADMIN, ...h }),
    auth,
    async close() {
      await app.close();
      if (database.name) await dropTestDatabase(database.name);
    },
  };
}
