import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueryRunner } from 'typeorm';

/**
 * Which database one request reads from. Entered only when replicas are configured: on Node 20
 * AsyncLocalStorage hooks every promise, a cost a deployment without replicas does not pay.
 */
export class ReadScope {
  /** A connection to a replica for this request's reads; none: they go to the primary. */
  private reader?: QueryRunner;
  /** Whether this request's reads were routed already (a page's in-process GraphQL queries reuse its choice). */
  decided = false;
  private closed = false;

  /** `position`: the primary's WAL position the caller's last write reached, which its reads must see. */
  constructor(readonly position: bigint | undefined) {}

  use(reader: QueryRunner | undefined): void {
    this.decided = true;
    // The response closed while the replica was being chosen: nobody will release it later.
    if (this.closed) void reader?.release();
    else this.reader = reader;
  }

  current(): QueryRunner | undefined {
    return this.reader && !this.reader.isReleased ? this.reader : undefined;
  }

  /** Hands the connection to a caller that releases it itself (an export, which streams on after its handler returned). */
  take(): QueryRunner | undefined {
    const reader = this.current();
    this.reader = undefined;
    return reader;
  }

  async release(): Promise<void> {
    this.closed = true;
    await this.take()?.release();
  }
}

const scopes = new AsyncLocalStorage<ReadScope>();

export function runInReadScope(scope: ReadScope, fn: () => void): void {
  scopes.run(scope, fn);
}

export function currentReadScope(): ReadScope | undefined {
  return scopes.getStore();
}

/** The replica connection the current request reads through, if it was given one. */
export function currentReader(): QueryRunner | undefined {
  return scopes.getStore()?.current();
}
