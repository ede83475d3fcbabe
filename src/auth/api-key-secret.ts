import { createHash, randomBytes } from 'node:crypto';

/** `mts_` and 32 random bytes in base64url: recognisable in logs and leaks, checkable before a lookup. */
export const SECRET_SHAPE = /^mts_[A-Za-z0-9_-]{43}$/;

export function newSecret(): string {
  return `mts_${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored as SHA-256 hashes only. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
