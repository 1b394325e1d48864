import { emailProblem } from '@mase/shared';
import { formErrors, type FormErrors } from '../../lib/errors';

/** Checks made before the sign-in form is sent; the server checks again. */
export function signInProblems(email: string, password: string): FormErrors {
  return formErrors([
    { id: 'email', message: email.trim() ? emailProblem(email) : 'Enter your email address' },
    { id: 'password', message: password ? null : 'Enter your password' },
  ]);
}
