import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueryRunner } from 'typeorm';

/**
 * Which database one request reads from. Entered only when replicas are configured: on Node 20
 * AsyncLocalStorage hooks every promise, a cost a deployment without replicas does not pay.
 */
export class ReadScope {
  /** The replica connection of this request's reads, while the scope owns it; none: they go to the primary. */
  private reader?: QueryRunner;
  /** The same connection, kept after `take()`: whether it is still alive. */
  private connection?: QueryRunner;
  /** The reader as the request's queries see it (`current()`). */
  private view?: QueryRunner;
  /** The end of the queue of this request's statements on the reader. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Whether one of them is running now. */
  private busy = false;
  /** Whether this request's reads were routed already (a page's in-process GraphQL queries reuse its choice). */
  decided = false;
  private ended = false;

  /** `position`: the primary's WAL position the caller's last write reached, which its reads must see. */
  constructor(readonly position: bigint | undefined) {}

  /** Whether the response has closed (answered, or the client hung up): nothing is read for it any more. */
  get closed(): boolean {
    return this.ended;
  }

  use(reader: QueryRunner | undefined): void {
    this.decided = true;
    // The response closed while the replica was being chosen: nobody will release it later.
    if (this.ended) void reader?.release();
    else if (reader) {
      this.reader = this.connection = reader;
      this.view = shared(reader, (run) => this.serial(run));
    }
  }

  /**
   * The reader for the request's queries, every ORM read included (ReplicatedDataSource): its
   * release does nothing (the response's end releases it), and its statements run one at a time.
   */
  current(): QueryRunner | undefined {
    return this.reader && !this.reader.isReleased ? this.view : undefined;
  }

  /**
   * One statement at a time on the request's connection: resolvers that run side by side queue
   * here, not in node-postgres, whose own queue is deprecated (removed in pg 9). A statement
   * whose turn comes after the response closed is not run; one whose connection broke (TypeORM
   * releases the runner then) fails as the database being unreachable, a 503.
   */
  serial<T>(run: () => Promise<T>): Promise<T> {
    const result = this.tail.then(async () => {
      if (this.ended) throw new Error('The response has closed: nothing more is read for it');
      if (this.connection?.isReleased) throw Object.assign(new Error('The replica connection was lost'), { code: '08006' }); // connection_failure
      this.busy = true;
      try {
        return await run();
      } finally {
        this.busy = false;
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Hands the connection to a caller that releases it itself (an export, which streams on after its handler returned). */
  take(): QueryRunner | undefined {
    const reader = this.reader && !this.reader.isReleased ? this.reader : undefined;
    this.reader = this.view = undefined;
    return reader;
  }

  async release(): Promise<void> {
    this.ended = true;
    const reader = this.take();
    if (!reader) return;
    // A statement still running (a GraphQL answer sent while other resolvers still read, a
    // client that hung up): the connection is closed, not given back busy to the next request.
    if (this.busy) await (reader as unknown as { releasePostgresConnection(err: unknown): Promise<void> }).releasePostgresConnection(true);
    else await reader.release();
  }
}

/** `reader` as the request's code may use it: release is the scope's, queries go through `serial`. */
function shared(reader: QueryRunner, serial: <T>(run: () => Promise<T>) => Promise<T>): QueryRunner {
  const release = async () => undefined;
  const query = (...args: Parameters<QueryRunner['query']>) => serial(() => reader.query(...args));
  return new Proxy(reader, { get: (target, key, receiver) => (key === 'release' ? release : key === 'query' ? query : Reflect.get(target, key, receiver)) });
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
