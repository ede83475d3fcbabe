import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const requestIds = new AsyncLocalStorage<string>();

/** The id of the request being served, for errors and logs; undefined outside a request. */
export function currentRequestId(): string | undefined {
  return requestIds.getStore();
}

/**
 * Gives every request an id (also sent back as `X-Request-Id`) and makes it current for
 * everything the request runs. Mounted after the body parser: stream callbacks before it
 * would lose the async context.
 */
export function requestContext() {
  return (req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const id = randomUUID();
    req.id = id;
    res.setHeader('x-request-id', id);
    requestIds.run(id, next);
  };
}
