import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import pg from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DATABASE_TIMEOUT_MS, primaryPool, timed } from '../common/primary-pool.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { replicaName, replicaNameOfUrl } from '../config/replica-names.js';
import { parseWalPosition } from './wal-position.js';

/** How often each instance asks the primary and each replica where they are. */
const CHECK_INTERVAL_MS = 1000;
/**
 * How long a check waits for a server's answer. A hung host (sockets open, nothing answering)
 * would otherwise hold the check for good, and with it every state: the replica stays in reads.
 * A query that times out costs its connection (node-postgres's pool drops it).
 */
const CHECK_TIMEOUT_MS = DATABASE_TIMEOUT_MS;
const checkQuery = (text: string) => timed(text, [], CHECK_TIMEOUT_MS);

/**
 * The checks' own connection to a server, apart from the pools requests use: with every pooled
 * connection held (long downloads, reads waiting for a position) a check would wait for one,
 * time out, and call a healthy server down.
 */
function checkPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: CHECK_TIMEOUT_MS });
  pool.on('error', () => undefined); // an idle connection the server dropped: the next check says so
  return pool;
}

/** The cluster a server belongs to: set by initdb, kept by every standby made from it. */
const SYSTEM = 'SELECT system_identifier::text AS system FROM pg_control_system()';

export interface ReplicaStatus {
  /** Its place in DATABASE_REPLICA_URLS, from 1: /health is public, and need not tell the world the database's hosts (the logs name them). */
  replica: number;
  /** `left out`: unreachable when this instance started; it joins the reads once it answers. */
  state: 'up' | 'behind' | 'down' | 'left out';
  /** How far its replay is behind the primary's WAL: null while either cannot be asked. */
  lagBytes: number | null;
  lagSeconds: number | null;
  inReads: boolean;
}

interface Replica extends ReplicaStatus {
  /** `host:port/database`, never the password: for the logs, and to tell which replica a connection reached. */
  name: string;
  url: string;
  /** Left out at start, and trying to join now. */
  joining?: boolean;
  /** TypeORM's pool for it (its `slaves` entry), absent when it was left out. */
  pool?: pg.Pool;
  checks: pg.Pool;
}

/**
 * The streaming replicas of this instance: how far behind each is (checked every second), which
 * may serve reads, and a connection to one that has replayed a given write. Reads go to a
 * replica only when one is up and at most DATABASE_REPLICA_MAX_LAG_SECONDS behind; otherwise
 * the primary serves them, and the caller never sees the difference.
 */
@Injectable()
export class ReplicasService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Replicas');
  private readonly replicas: Replica[];
  /** The primary's WAL position at each check, oldest first: a replica's lag in seconds is the age of the first one it has not replayed. */
  private samples: { at: number; position: bigint }[] = [];
  private primaryUp = true;
  private readonly primaryChecks?: pg.Pool;
  /** pg_control_system()'s identifier of the primary's cluster, which its standbys share (asked at every check). */
  private primarySystem?: string;
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const driver = dataSource.driver as unknown as { slaves: pg.Pool[]; options: { replication?: { master: { url: string }; slaves: { url: string }[] } } };
    const used = (driver.options.replication?.slaves ?? []).map((s) => replicaNameOfUrl(s.url));
    this.replicas = config.replicas.urls.map((url, i) => {
      const name = replicaNameOfUrl(url);
      const at = used.indexOf(name);
      return { replica: i + 1, name, url, pool: at >= 0 ? driver.slaves[at] : undefined, checks: checkPool(url), state: at >= 0 ? 'up' : 'left out', lagBytes: null, lagSeconds: null, inReads: at >= 0 };
    });
    if (this.enabled && driver.options.replication) this.primaryChecks = checkPool(driver.options.replication.master.url);
  }

  /**
   * How long a write's position is worth sending back: until every replica still in reads has
   * the write. A replica's lag is counted from the first check that saw the write (up to a
   * check later) and looked at once a check: out of reads at most DATABASE_REPLICA_MAX_LAG_SECONDS
   * and two checks after the write, and a third for the checks' own time.
   */
  get positionLifeSeconds(): number {
    return this.config.replicas.maxLagSeconds + (3 * CHECK_INTERVAL_MS) / 1000;
  }

  /** Whether replicas are configured: requests get read scopes only then. */
  get enabled(): boolean {
    return this.replicas.length > 0;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    await this.check();
    this.timer = setInterval(() => void this.check(), CHECK_INTERVAL_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
    await Promise.all([this.primaryChecks, ...this.replicas.map((r) => r.checks)].map((pool) => pool?.end()));
  }

  /** Whether the last check found the primary gone (never without replicas): callers that can do without it stop waiting for it. */
  get primaryDown(): boolean {
    return !this.primaryUp;
  }

  status(): { primary: 'up' | 'down'; replicas: ReplicaStatus[] } {
    return { primary: this.primaryUp ? 'up' : 'down', replicas: this.replicas.map(({ replica, state, lagBytes, lagSeconds, inReads }) => ({ replica, state, lagBytes, lagSeconds, inReads })) };
  }

  /**
   * A connection to a replica fit for reads that has replayed `position` (the caller's last
   * write), or undefined when the primary must serve: no replica fit, the chosen one unreachable,
   * or not caught up within DATABASE_REPLICA_WAIT_MS. Never throws: a replica's trouble is never the reader's.
   * `gone`: whether the request's client has hung up, which ends the wait.
   */
  async reader(position?: bigint, gone: () => boolean = () => false): Promise<QueryRunner | undefined> {
    // TypeORM picks a replica at random: a pick that is out of reads is put back and another drawn.
    for (let draw = 0; draw < 2 * this.replicas.length && this.replicas.some((r) => r.inReads); draw++) {
      const runner = this.dataSource.createQueryRunner('slave');
      try {
        const client = (await runner.connect()) as pg.PoolClient & { connectionParameters: { host: string; port: number; database: string } };
        const { host, port, database } = client.connectionParameters;
        const replica = this.replicas.find((r) => r.name === replicaName(host, port, database));
        if (!replica?.inReads) {
          await runner.release();
          continue;
        }
        // Without the primary a replica is the only place to read, whatever it has replayed.
        if (position === undefined || !this.primaryUp || !(await this.plausible(position)) || (await this.replayed(client, position, gone))) return runner;
      } catch (error) {
        this.logger.warn(`A replica failed a read's connection, the primary serves it: ${(error as Error).message}`);
      }
      await runner.release();
      return undefined;
    }
    return undefined;
  }

  /** Runs one read on a replica fit for reads; undefined when there is none. */
  async queryReplica<T>(sql: string, params: unknown[]): Promise<T[] | undefined> {
    const runner = await this.reader();
    if (!runner) return undefined;
    try {
      return (await runner.query(sql, params)) as T[];
    } finally {
      await runner.release();
    }
  }

  /** The primary's WAL position now: a write's answer carries it, so that the writer's next reads see the write. */
  async writePosition(): Promise<string> {
    const { rows } = await this.master.query<{ position: string }>('SELECT pg_current_wal_lsn()::text AS position');
    return rows[0].position;
  }

  /**
   * Whether a position a caller sent can be one the primary has reached: one further on is made
   * up (or from before a restore), and waiting for it would only hold a connection; it is ignored.
   */
  private async plausible(position: bigint): Promise<boolean> {
    const known = this.samples.at(-1)?.position;
    if (known !== undefined && position <= known) return true;
    // A write since the last check (a second ago at most): ask the primary where it is now.
    const now = await this.primaryPosition(this.master);
    return now === undefined || position <= now;
  }

  /** Waits until the replica behind `client` has replayed `position`, at most DATABASE_REPLICA_WAIT_MS or until the client is gone. */
  private async replayed(client: pg.PoolClient, position: bigint, gone: () => boolean): Promise<boolean> {
    const deadline = Date.now() + this.config.replicas.waitMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 50)) {
      const { rows } = await client.query<{ replayed: string | null }>('SELECT pg_last_wal_replay_lsn()::text AS replayed');
      const replayed = parseWalPosition(rows[0].replayed);
      if (replayed !== undefined && replayed >= position) return true;
      if (Date.now() + pause > deadline || gone()) return false;
      await sleep(pause);
    }
  }

  private get master(): pg.Pool {
    return primaryPool(this.dataSource);
  }

  /** On `pool`: the requests' (a read checking its position) or the checks' own. */
  private primaryPosition(pool: pg.Pool): Promise<bigint | undefined> {
    return pool.query<{ position: string }>(checkQuery('SELECT pg_current_wal_lsn()::text AS position')).then(
      (r) => parseWalPosition(r.rows[0].position),
      () => undefined,
    );
  }

  private check(): Promise<void> {
    // One check at a time: a slow replica must not pile up checks.
    this.checking ??= this.checkAll().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async checkAll(): Promise<void> {
    const pool = this.primaryChecks!;
    // The cluster too, each time: the primary may be another one now (rebuilt, upgraded), whose standbys are the ones to read.
    const { position: primary, system } = await pool.query<{ position: string; system: string }>(checkQuery(`SELECT pg_current_wal_lsn()::text AS position, (${SYSTEM}) AS system`)).then(
      (r) => ({ position: parseWalPosition(r.rows[0].position), system: r.rows[0].system }),
      () => ({ position: undefined, system: undefined }),
    );
    if (system !== undefined && system !== this.primarySystem) {
      if (this.primarySystem !== undefined) this.logger.warn(`The primary is another cluster now (system identifier ${system}, was ${this.primarySystem})`);
      this.primarySystem = system;
      this.samples = []; // positions of another history
    }
    const now = Date.now();
    if (this.primaryUp !== (primary !== undefined)) this.logger.warn(primary === undefined ? 'The primary does not answer: writes are refused, replicas serve reads' : 'The primary answers again');
    this.primaryUp = primary !== undefined;
    if (primary !== undefined) {
      this.samples.push({ at: now, position: primary });
      const horizon = now - this.config.replicas.maxLagSeconds * 1000 - 2 * CHECK_INTERVAL_MS;
      while (this.samples.length > 1 && this.samples[0].at < horizon) this.samples.shift();
    }
    for (const replica of this.replicas.filter((r) => !r.pool && !r.joining)) void this.join(replica);
    await Promise.all(this.replicas.filter((r) => r.pool).map((r) => this.checkReplica(r, primary, now)));
  }

  /**
   * A replica left out at start that answers now joins TypeORM's replica pools, made by TypeORM's
   * own createPool as at start. Not awaited by the checks: a host that does not answer takes the
   * whole connection timeout.
   */
  private async join(replica: Replica): Promise<void> {
    const driver = this.dataSource.driver as unknown as { slaves: pg.Pool[]; options: object; createPool(options: object, credentials: { url: string }): Promise<pg.Pool> };
    replica.joining = true;
    try {
      replica.pool = await driver.createPool(driver.options, { url: replica.url });
      driver.slaves.push(replica.pool);
      Object.assign(replica, { state: 'behind', inReads: false }); // until its first check
      this.logger.log(`Replica ${replica.name} answers now: it joins the reads once checked`);
    } catch {
      // Still not there: the next check tries again.
    } finally {
      replica.joining = false;
    }
  }

  /**
   * The age of the first sampled primary position the replica has not replayed. Missing even the
   * oldest sample (an instance just started, or a replica further behind than the samples go),
   * it has been behind for longer than they tell: then the time since the last transaction it
   * replayed was committed (`sinceReplay`, by the replica's clock against the primary's), which
   * is at least its lag.
   */
  private lagSeconds(replayed: bigint, sinceReplay: number | null, now: number): number {
    const first = this.samples.find((s) => s.position > replayed) ?? this.samples[0];
    const sampled = (now - first.at) / 1000;
    return first === this.samples[0] && sinceReplay !== null ? Math.max(sampled, sinceReplay) : sampled;
  }

  private async checkReplica(replica: Replica, primary: bigint | undefined, now: number): Promise<void> {
    const was = replica.state;
    try {
      const { rows } = await replica.checks.query<{ standby: boolean; replayed: string | null; system: string; sinceReplay: number | null }>(
        checkQuery(
          `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed, (${SYSTEM}) AS system,
                  extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS "sinceReplay"`,
        ),
      );
      // Not (or no longer) a standby, e.g. promoted: its data may have parted from the primary's.
      const replayed = parseWalPosition(rows[0].replayed);
      if (!rows[0].standby || replayed === undefined) throw new Error('not a standby (pg_is_in_recovery() is false)');
      // A standby of another primary (a wrong URL): its data is not ours, however close its position.
      if (this.primarySystem !== undefined && rows[0].system !== this.primarySystem) throw new Error(`a standby of another cluster (system identifier ${rows[0].system}, the primary's is ${this.primarySystem})`);
      // Further on than the primary has written: it follows another history (the primary was restored to an earlier instant).
      if (primary !== undefined && replayed > primary && replayed > ((await this.primaryPosition(this.primaryChecks!)) ?? replayed)) {
        throw new Error('ahead of the primary: it is not a standby of this primary\'s history (rebuild it)');
      }
      if (primary === undefined) {
        // The primary is gone: lag cannot be known, and the replicas are all there is to read.
        Object.assign(replica, { state: 'up', lagBytes: null, lagSeconds: null, inReads: true });
      } else {
        const lagBytes = primary > replayed ? Number(primary - replayed) : 0;
        const lagSeconds = lagBytes === 0 ? 0 : this.lagSeconds(replayed, rows[0].sinceReplay, now);
        const behind = lagSeconds > this.config.replicas.maxLagSeconds;
        Object.assign(replica, { state: behind ? 'behind' : 'up', lagBytes, lagSeconds, inReads: !behind });
      }
    } catch (error) {
      Object.assign(replica, { state: 'down', lagBytes: null, lagSeconds: null, inReads: false });
      if (was !== 'down') this.logger.warn(`Replica ${replica.name} is out of reads: ${(error as Error).message}`);
      return;
    }
    if (was !== replica.state) this.logger.log(`Replica ${replica.name} is ${replica.state === 'up' ? 'back in reads' : 'out of reads: too far behind'}`);
  }
}
