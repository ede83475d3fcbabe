import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createTestDatabase, dropTestDatabase } from './database.js';

export interface GraphQLResponse<T = any> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions: Record<string, any> & { code: string } }[];
}

export interface TestApp {
  app: INestApplication;
  databaseUrl: string;
  /** POSTs a GraphQL operation over HTTP; returns the parsed body (any status). */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The real app, listening on an ephemeral port, over a fresh copy of the migrated template database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'error', NODE_ENV: 'test', ...env });
  const app = await createApp({ config, databaseUrl: database.url, migrate: false });
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer();
  return {
    app,
    databaseUrl: database.url,
    http: () => request(server),
    async gql(query, variables, headers = {}) {
      const res = await request(server)
        .post('/graphql')
        .set({ 'content-type': 'application/json', ...headers })
        .send({ query, variables });
      return res.body as GraphQLResponse;
    },
    async close() {
      await app.close();
      await dropTestDatabase(database.name);
    },
  };
}
