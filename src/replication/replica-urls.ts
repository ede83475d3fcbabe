import { Logger } from '@nestjs/common';
import pg from 'pg';
import { replicaNameOfUrl } from '../config/replica-names.js';

/**
 * The replicas that answer now. TypeORM fails to start if any of its replicas is unreachable;
 * an instance must start all the same (the primary serves its reads), so those are left out,
 * with a warning, and join once they answer (ReplicasService).
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
        logger.warn(`Replica ${replicaNameOfUrl(url)} does not answer: left out of reads until it answers (${(error as Error).message})`);
        return undefined;
      } finally {
        await client.end().catch(() => undefined);
      }
    }),
  );
  return reached.filter((url): url is string => url !== undefined);
}
