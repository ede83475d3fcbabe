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
