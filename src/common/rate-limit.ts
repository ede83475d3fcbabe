import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppConfig } from '../config/app-config.js';

/**
 * Requests per window, counted per API key (by the hash of the header, so wrong keys count
 * too) and per IP address for anonymous callers. Past the limit: 429, Retry-After, and a
 * GraphQL-shaped body with code RATE_LIMITED and the seconds to wait.
 */
export function rateLimiter(config: AppConfig['rateLimit']) {
  const keyed = (req: Request) => typeof req.headers.authorization === 'string';
  return rateLimit({
    windowMs: config.windowSeconds * 1000,
    limit: (req) => (keyed(req) ? config.perKey : config.anonymous),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) =>
      keyed(req) ? `key:${createHash('sha256').update(req.headers.authorization!).digest('hex')}` : `ip:${ipKeyGenerator(req.ip ?? '')}`,
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
