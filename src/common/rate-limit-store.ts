import { Logger } from '@nestjs/common';
import type { IncrementResponse, Options, Store } from 'express-rate-limit';
import { RateLimiterMemory, RateLimiterPostgres, RLWrapperTimeouts, type IRateLimiterOptions, type RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';

/**
 * express-rate-limit's hit counters kept in PostgreSQL by rate-limiter-flexible, so that
 * instances on one database count the same hits and behave as one. express-rate-limit still
 * decides (the limit for this caller, headers, the 429); this only maps its store calls onto
 * the library's. A hit is a penalty point: counted whatever the total, where consume would
 * refuse past a fixed `points` and our limit depends on the caller.
 */
export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  private limiter!: RLWrapperTimeouts;
  private insurance!: InsuranceLimiter;

  /**
   * `prefix` keeps the limiters sharing the table apart (the pages' hits are not the API's).
   * `databaseDown`: whether the primary is known to be gone, when the in-process count is used
   * at once rather than after each hit's failed write (a hung primary: its connection timeout).
   */
  constructor(
    private readonly dataSource: DataSource,
    readonly prefix: string,
    private readonly databaseDown: () => boolean = () => false,
  ) {}

  init(options: Options): void {
    // points: the library's own limit, never reached; express-rate-limit compares hits with the caller's.
    const window = { keyPrefix: this.prefix, points: Number.MAX_SAFE_INTEGER, duration: options.windowMs / 1000 };
    const counters = new RateLimiterPostgres({
      storeClient: this.dataSource,
      storeType: 'typeorm', // the primary's pool (driver.master): counters are writes
      tableName: 'rate_limit_counters',
      tableCreated: true, // by the RateLimitCounters migration, not by DDL at boot
      ...window,
      // Each instance deletes, every 5 minutes, the rows expired over an hour ago.
      clearExpiredByTimeout: true,
      // If the database fails the limiter (down, table missing), the library counts in this
      // process instead, with the same window. Neither fail-open nor fail-closed: a database
      // trouble turns into no 500 and no wall of 429s, and each instance still holds the limit
      // on its own (n instances let through at most n times it) just when a flood would hurt most.
      insuranceLimiter: (this.insurance = new InsuranceLimiter(window)),
    });
    // A hit the database has not counted within 2 s is counted in memory: a primary that hangs
    // would otherwise hold the request as long as its pooled connection stays open.
    this.limiter = new RLWrapperTimeouts({ limiter: counters, timeoutMs: 2000 });
  }

  async increment(key: string): Promise<IncrementResponse> {
    const counted = await this.counter().penalty(key);
    return { totalHits: counted.consumedPoints, resetTime: new Date(Date.now() + counted.msBeforeNext) };
  }

  async decrement(key: string): Promise<void> {
    await this.counter().reward(key);
  }

  async resetKey(key: string): Promise<void> {
    await this.counter().delete(key);
  }

  private counter(): RLWrapperTimeouts | InsuranceLimiter {
    return this.databaseDown() ? this.insurance : this.limiter;
  }
}

/** The in-process fallback, which says so in the log (at most once a minute): meanwhile each instance counts alone. */
class InsuranceLimiter extends RateLimiterMemory {
  private readonly logger = new Logger('RateLimit');
  private warnedAt = 0;

  constructor(private readonly options: IRateLimiterOptions) {
    super(options);
  }

  override penalty(key: string | number, points?: number, options?: Record<string, unknown>): Promise<RateLimiterRes> {
    if (Date.now() - this.warnedAt > 60_000) {
      this.warnedAt = Date.now();
      this.logger.warn(`The database failed the ${this.options.keyPrefix} rate limiter: counting in this instance's memory until it answers`);
    }
    return super.penalty(key, points, options);
  }
}
