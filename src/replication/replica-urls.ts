import { Logger } from '@nestjs/common';
import pg from 'pg';

/** The name a replica goes by, from its URL or from a connection to it (the same for both), never with the password. */
export function replicaName(host: string | undefined, port: number | string | undefined, database: string | undefined): string {
  return `${host || 'localhost'}:${port || 5432}/${database ?? ''}`;
}

/**
 * Read by node-postgres itself, as the pool's connections read it: `?host=` over the URL's host
 * (a socket directory), the user's name when the URL names no database, IPv6 without brackets.
 * Another reading would not match the connections' names, and the replica would never be read.
 */
export function replicaNameOfUrl(url: string): string {
  const { host, port, database } = (new pg.Client({ connectionString: url }) as unknown as { connectionParameters: { host: string; port: number; database: string } }).connectionParameters;
  return replicaName(host, port, database);
}

/**
 * The replicas that answer now. TypeORM fails to start if any of its replicas is unreachable;
 * an instance must start all the same (the primary serves its reads), so those are left out,
 * with a warning, until it restarts.
 */
export async function reachableReplicas(urls: string[]): Promise<string[]> {
  const logger = new Logger('Replicas');
  const reached = await Promise.all(
    urls.map(async (url) => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
      try {
        await client.connect();
        return url;
      } catch (error) {
        logger.warn(`Replica ${replicaNameOfUrl(url)} does not answer: left out of reads until this instance restarts (${(error as Error).message})`);
        return undefined;
      } finally {
        await client.end().catch(() => undefined);
      }
    }),
  );
  return reached.filter((url): url is string => url !== undefined);
}
