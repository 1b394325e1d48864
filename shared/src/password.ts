/** Password rules shared by the sign-in, change-password and admin forms (NCSC/NIST style: length, not composition). */
export const PASSWORD_MIN_LENGTH = 12;
/** Bounded so that hashing cost cannot be used against the server. */
export const PASSWORD_MAX_LENGTH = 256;

/** Returns a user-readable problem with the password's shape, or null. Commonness is checked on the server. */
export function passwordShapeProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  }
  if (password.trim().length === 0) {
    return 'Password must not be only spaces';
  }
  return null;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const EMAIL_MAX_LENGTH = 254;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailProblem(email: string): string | null {
  const e = email.trim();
  if (e.length === 0) return 'Enter an email address';
  if (e.length > EMAIL_MAX_LENGTH) return `Email address must be ${EMAIL_MAX_LENGTH} characters or fewer`;
  if (!EMAIL_PATTERN.test(e)) return 'Enter an email address in the correct format, like name@example.org';
  return null;
}
