import type { Request } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import type { AppConfig } from '../config/app-config.js';

/**
 * Requests per window, counted by who the caller turned out to be (mounted after the auth
 * middleware): a valid key by its id, however its header is spelled; everyone else —
 * anonymous callers and wrong keys alike — by client address. Past the limit: 429,
 * Retry-After, and a GraphQL-shaped body with code RATE_LIMITED and the seconds to wait.
 * Hits are counted in `store`: each limiter needs its own.
 */
export function rateLimiter(config: AppConfig['rateLimit'], store: Store) {
  const addressKey = memoized(ipKeyGenerator, 10_000);
  // The shape the auth middleware leaves on the request (common/ knows no domain module).
  const keyId = (req: Request) => (req as Request & { actor?: { keyId: string } | null }).actor?.keyId;
  return rateLimit({
    windowMs: config.windowSeconds * 1000,
    store,
    limit: (req) => (keyId(req) ? config.perKey : config.anonymous),
    // draft-7 rather than draft-8: the latter hashes the partition key (SHA-256) on every request.
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => (keyId(req) ? `key:${keyId(req)}` : `ip:${addressKey(req.ip ?? '')}`),
    // The check reads keyGenerator's source for a call to ipKeyGenerator; it is called, through addressKey.
    validate: { keyGeneratorIpFallback: false },
    handler: (req, res) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfter = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + config.windowSeconds * 1000) - Date.now()) / 1000));
      res
        .status(429)
        .set('Retry-After', String(retryAfter))
        .json({
          errors: [
            {
              message: `Too many requests: retry after ${retryAfter} seconds.`,
              extensions: { code: 'RATE_LIMITED', retryAfter },
            },
          ],
        });
    },
  });
}

/**
 * `fn` remembering its last `size` or so answers (emptied when full): ipKeyGenerator parses
 * an IPv6 address (IPv4 ones arrive as ::ffff:a.b.c.d) on every call, and a server sees the
 * same few addresses again and again.
 */
function memoized(fn: (value: string) => string, size: number): (value: string) => string {
  const known = new Map<string, string>();
  return (value) => {
    let answer = known.get(value);
    if (answer === undefined) {
      if (known.size >= size) known.clear();
      known.set(value, (answer = fn(value)));
    }
    return answer;
  };
}
