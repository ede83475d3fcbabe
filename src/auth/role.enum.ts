import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  /** Manages API keys and reads the audit log. */
  ADMIN = 'ADMIN',
  /** Records and amends: units, posts, officials, rotations. */
  HR = 'HR',
  /** Exports whole histories. */
  ANALYST = 'ANALYST',
}

registerEnumType(Role, { name: 'Role', description: 'What an API key may do.' });

/** Who may see NIP, birth date and gender (personal data under UU 27/2022). */
export const PERSONAL_DATA_ROLES: readonly Role[] = [Role.ADMIN, Role.HR, Role.ANALYST];
