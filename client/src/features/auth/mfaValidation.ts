import { formErrors, type FormErrors } from '../../lib/errors';

/** The digits of a security code as people type it (spaces and dashes allowed). */
export function cleanCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** Checks a security code before it is sent; the server checks it against the app's secret. */
export function securityCodeProblem(input: string): string | null {
  const code = cleanCode(input);
  if (!code) return 'Enter the 6-digit security code from your authenticator app';
  if (!/^\d+$/.test(code)) return 'The security code must only include numbers';
  if (code.length !== 6) return 'The security code must be 6 digits';
  return null;
}

export function recoveryCodeProblem(input: string): string | null {
  const plain = input.replace(/[^A-Za-z0-9]/g, '');
  if (!plain) return 'Enter one of your recovery codes';
  if (plain.length !== 12) return 'A recovery code has 12 letters and numbers, like abcd-efgh-jkmn';
  return null;
}

export function codeProblems(id: string, input: string, kind: 'code' | 'recovery' = 'code'): FormErrors {
  return formErrors([{ id, message: kind === 'code' ? securityCodeProblem(input) : recoveryCodeProblem(input) }]);
}
