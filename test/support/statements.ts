import { DataSource } from 'typeorm';
import type { TestApp } from './app.js';

/**
 * Counts the SQL statements the app's pool sends while `fn` runs. The rate limiter's one
 * upsert per request is not the query's work, so it is left out.
 */
export async function countStatements(t: TestApp, fn: () => Promise<unknown>): Promise<number> {
  const pool = (t.app.get(DataSource).driver as unknown as { master: { Client: { prototype: { query: (...a: unknown[]) => unknown } } } }).master;
  const proto = pool.Client.prototype;
  const original = proto.query;
  let n = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? '');
    if (!text.includes('rate_limit_counters')) n++;
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return n;
}
