import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedRequest } from './actor.js';
import type { AuthService } from './auth.service.js';

/** Resolves `Authorization: Bearer …` once per request; RolesGuard and the field masks read the result. */
export function authMiddleware(keys: AuthService) {
  return (req: Request & AuthenticatedRequest, _res: Response, next: NextFunction) => {
    keys
      .authenticate(req.headers.authorization)
      .then((actor) => {
        req.actor = actor ?? null;
        req.authFailed = actor === undefined;
        next();
      })
      .catch(next);
  };
}
