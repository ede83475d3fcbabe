import type { NextFunction, Request, Response } from 'express';
import { translateDatabaseError } from '../common/errors/database-errors.js';
import { sendDomainError } from '../common/errors/exception.filter.js';
import type { AuthenticatedRequest } from './actor.js';
import type { AuthService } from './auth.service.js';

/** Resolves `Authorization: Bearer …` once per request; RolesGuard and the field masks read the result. */
export function authMiddleware(keys: AuthService) {
  return (req: Request & AuthenticatedRequest, res: Response, next: NextFunction) => {
    keys
      .authenticate(req.headers.authorization)
      .then((actor) => {
        req.actor = actor ?? null;
        req.authFailed = actor === undefined;
        next();
      })
      .catch((error: unknown) => {
        // Neither the primary nor a replica could check the key: a 503 to retry, not a 500.
        const domain = translateDatabaseError(error);
        if (domain) sendDomainError(res, domain);
        else next(error);
      });
  };
}
