import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { EnvDto, LogLevel, NodeEnv } from './env.dto.js';
import { replicaNameOfUrl } from './replica-names.js';

export interface AppConfig {
  /** Set when an external PostgreSQL is used; otherwise the embedded one is started. */
  databaseUrl?: string;
  /**
   * Streaming replicas of databaseUrl for reads (never with the embedded PostgreSQL): one
   * further behind than maxLagSeconds is left out; a read that must see a write waits at most
   * waitMs for its replica, then reads the primary.
   */
  replicas: { urls: string[]; maxLagSeconds: number; waitMs: number };
  /** Connections each instance may open to each server (the primary, every replica). */
  poolSize: number;
  port: number;
  dataDir: string;
  logLevel: LogLevel;
  /** NODE_ENV=development only: field suggestions, stack traces and introspection for everyone (keys may always introspect). */
  development: boolean;
  rateLimit: { anonymous: number; perKey: number; windowSeconds: number };
  /** Express's `trust proxy`: the number of proxies in front, or their addresses; false: none (req.ip is the peer). */
  trustProxy: number | string[] | false;
  /** Load the Kota Bekasi demo into an empty database at start. */
  seedDemo: boolean;
  /** Limits of an imported lampiran: data rows, and the file's size in bytes. */
  imports: { maxRows: number; maxBytes: number };
  /** The authority of the feeds' tag: URIs (FEED_TAG_AUTHORITY). */
  feedTagAuthority: string;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const dto = plainToInstance(EnvDto, present, { excludeExtraneousValues: true, exposeDefaultValues: true });
  const errors = validateSync(dto);
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  - ${m} (got "${env[e.property]}")`));
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const proxies = dto.TRUST_PROXY?.split(',').map((a) => a.trim());
  const wrongProxy = proxies?.find((a) => !/^\d+$/.test(a) && !['loopback', 'linklocal', 'uniquelocal'].includes(a) && isIP(a.split('/')[0]) === 0);
  if (wrongProxy) throw new ConfigError(`Invalid configuration:\n  - TRUST_PROXY: "${wrongProxy}" is not an IP address, a CIDR range or loopback/linklocal/uniquelocal`);
  const replicaUrls = dto.DATABASE_REPLICA_URLS?.split(',').map((url) => url.trim()) ?? [];
  if (replicaUrls.length > 0 && !dto.DATABASE_URL) {
    throw new ConfigError('Invalid configuration:\n  - DATABASE_REPLICA_URLS needs DATABASE_URL: replicas are of an external primary, not of the embedded PostgreSQL');
  }
  // Named twice, a replica would get two pools (20 connections an instance) and two lines in /health.
  const names = replicaUrls.map(replicaNameOfUrl);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new ConfigError(`Invalid configuration:\n  - DATABASE_REPLICA_URLS names the replica ${twice} twice`);
  return {
    databaseUrl: dto.DATABASE_URL,
    replicas: { urls: replicaUrls, maxLagSeconds: dto.DATABASE_REPLICA_MAX_LAG_SECONDS, waitMs: dto.DATABASE_REPLICA_WAIT_MS },
    poolSize: dto.DATABASE_POOL_SIZE,
    port: dto.PORT,
    dataDir: resolve(dto.DATA_DIR),
    logLevel: dto.LOG_LEVEL,
    development: dto.NODE_ENV === NodeEnv.DEVELOPMENT,
    rateLimit: { anonymous: dto.RATE_LIMIT_ANONYMOUS, perKey: dto.RATE_LIMIT_PER_KEY, windowSeconds: dto.RATE_LIMIT_WINDOW_SECONDS },
    trustProxy: proxies === undefined ? false : /^\d+$/.test(proxies[0]) ? Number(proxies[0]) : proxies,
    seedDemo: dto.SEED_DEMO === 'true',
    imports: { maxRows: dto.IMPORT_MAX_ROWS, maxBytes: dto.IMPORT_MAX_MEGABYTES * 1024 * 1024 },
    feedTagAuthority: dto.FEED_TAG_AUTHORITY,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
