import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The table rate-limiter-flexible's RateLimiterPostgres counts in (its own layout; the app
 * passes tableCreated so it never runs DDL at boot). No entity: the app never reads it.
 * UNLOGGED: a counter is written on every request and worth nothing after a crash, so it
 * skips the WAL (and so is not copied to replicas; the limiter writes to the primary anyway).
 */
export class RateLimitCounters1795944179651 implements MigrationInterface {
  name = 'RateLimitCounters1795944179651';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE UNLOGGED TABLE "rate_limit_counters" ("key" character varying(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "rate_limit_counters"');
  }
}
