import { PERSONAL_DATA_ROLES, Role } from './role.enum.js';

/** Who is calling: an API key, or nobody (anonymous). */
export interface Actor {
  keyId: string;
  role: Role;
}

/** Set on every request by AuthMiddleware. */
export interface AuthenticatedRequest {
  actor?: Actor | null;
  /** An Authorization header was sent but named no valid key. */
  authFailed?: boolean;
}

export function canSeePersonalData(actor: Actor | null | undefined): boolean {
  return !!actor && PERSONAL_DATA_ROLES.includes(actor.role);
}
