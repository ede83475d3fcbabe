import { Logger } from '@nestjs/common';
import pg from 'pg';

/** The name a replica goes by, from its URL or from a connection to it (the same for both), never with the password. */
export function replicaName(host: string | undefined, port: number | string | undefined, database: string | undefined): string {
  return `${host || 'localhost'}:${port || 5432}/${database ?? ''}`;
}

export function replicaNameOfUrl(url: string): string {
  const parsed = new URL(url);
  return replicaName(decodeURIComponent(parsed.hostname), parsed.port, decodeURIComponent(parsed.pathname.slice(1)));
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
