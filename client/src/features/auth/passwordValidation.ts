import { passwordShapeProblem } from '@mase/shared';
import { formErrors, type FormErrors } from '../../lib/errors';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Checks made before a password change is sent; the server also refuses common or guessable passwords. */
export function passwordChangeProblems({ currentPassword, newPassword, confirmPassword }: PasswordChange): FormErrors {
  let newProblem: string | null;
  if (!newPassword) newProblem = 'Enter a new password';
  else if (currentPassword && newPassword === currentPassword) newProblem = 'Your new password must be different from your current password';
  else newProblem = passwordShapeProblem(newPassword);
  let confirmProblem: string | null = null;
  if (!confirmPassword) confirmProblem = 'Enter your new password again to confirm it';
  else if (newPassword && confirmPassword !== newPassword) confirmProblem = 'The passwords do not match: enter your new password again';
  return formErrors([
    { id: 'currentPassword', message: currentPassword ? null : 'Enter your current password' },
    { id: 'newPassword', message: newProblem },
    { id: 'confirmPassword', message: newProblem ? null : confirmProblem },
  ]);
}
