import type { Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppConfig } from '../config/app-config.js';

/**
 * Requests per window, counted by who the caller turned out to be (mounted after the auth
 * middleware): a valid key by its id, however its header is spelled; everyone else —
 * anonymous callers and wrong keys alike — by client address. Past the limit: 429,
 * Retry-After, and a GraphQL-shaped body with code RATE_LIMITED and the seconds to wait.
 */
export function rateLimiter(config: AppConfig['rateLimit']) {
  // The shape the auth middleware leaves on the request (common/ knows no domain module).
  const keyId = (req: Request) => (req as Request & { actor?: { keyId: string } | null }).actor?.keyId;
  return rateLimit({
    windowMs: config.windowSeconds * 1000,
    limit: (req) => (keyId(req) ? config.perKey : config.anonymous),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => (keyId(req) ? `key:${keyId(req)}` : `ip:${ipKeyGenerator(req.ip ?? '')}`),
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
