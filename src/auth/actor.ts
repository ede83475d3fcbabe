import { PERSONAL_DATA_ROLES, Role } from './role.enum.js';

/** Who is calling: an API key, or nobody (anonymous). */
export interface Actor {
  keyId: string;
  role: Role;
  /** The governments (top-level unit ids) the key acts for, or ALL. */
  governments: 'ALL' | readonly string[];
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

/** Whether the actor's key acts for this government (anonymous callers act for none). */
export function actsFor(actor: Actor | null | undefined, governmentId: string): boolean {
  return !!actor && (actor.governments === 'ALL' || actor.governments.includes(governmentId));
}
