import { SetMetadata } from '@nestjs/common';
import { ROLES, type Role } from '@mase/shared';

export const ROLES_KEY = 'mase:roles';
export const PUBLIC_KEY = 'mase:public';
export const DURING_PASSWORD_CHANGE_KEY = 'mase:during-password-change';
export const DURING_MFA_SETUP_KEY = 'mase:during-mfa-setup';

/** Who may call this resolver or route. Without this (or @Public) the global AccessGuard refuses it. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Any signed-in user, whatever the role. */
export const AnySignedIn = () => SetMetadata(ROLES_KEY, [...ROLES]);

/** Callable without signing in (sign-in itself, health checks). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Still callable by a user who must change their password first (me, changePassword, signOut). */
export const AllowedDuringPasswordChange = () => SetMetadata(DURING_PASSWORD_CHANGE_KEY, true);

/**
 * Still callable by a user whose role must use two-step verification and who has not set it up yet
 * (me, signOut, the enrolment mutations).
 */
export const AllowedDuringMfaSetup = () => SetMetadata(DURING_MFA_SETUP_KEY, true);
