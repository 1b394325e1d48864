import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '@mase/shared';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextInput } from '../../components/fields';
import { ChangePasswordDocument, type SessionUserFragment } from '../../gql/graphql';
import { formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { passwordChangeProblems } from './passwordValidation';

export const PASSWORD_CHANGED = 'Your password has been changed. Use it next time you sign in.';

const FIELD_IDS = { currentPassword: 'currentPassword', newPassword: 'newPassword' };

interface Props {
  me: SessionUserFragment;
}

/**
 * Changing your own password. While `me.mustChangePassword` is set this is the only page there is;
 * the mutation returns the user with the flag cleared, which the cache passes on to the whole app.
 */
export function ChangePasswordPage({ me }: Props) {
  const required = me.mustChangePassword;
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState(false);
  const [changePassword, { loading }] = useMutation(ChangePasswordDocument);
  const navigate = useNavigate();
  usePageTitle(done ? 'Password changed' : 'Change your password', hasErrors(errors));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const problems = passwordChangeProblems({ currentPassword, newPassword, confirmPassword });
    setErrors(problems);
    if (hasErrors(problems)) return;
    try {
      await changePassword({ variables: { input: { currentPassword, newPassword } } });
      // A required change lets the whole service appear (the cache now has the flag cleared): go home and say so.
      if (required) void navigate('/', { state: { flash: PASSWORD_CHANGED } });
      else setDone(true);
    } catch (error) {
      setErrors(formErrorsFrom(error, FIELD_IDS));
    }
  }

  if (done) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">Password changed</h1>
            <div className="govuk-panel__body">Use your new password next time you sign in.</div>
          </div>
          <p className="govuk-body">You have been signed out everywhere else you were signed in.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/">
              Go to your home page
            </Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={errors.summary} />
        <h1 className="govuk-heading-l">Change your password</h1>
        {required ? (
          <div className="govuk-inset-text">
            You must choose your own password before you can use MASE Hub, {me.name}. Your current password is the one-time password you
            were given.
          </div>
        ) : (
          <p className="govuk-body">Changing your password signs you out everywhere else you are signed in.</p>
        )}
        <form noValidate onSubmit={(e) => void submit(e)}>
          <TextInput
            id="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={setCurrentPassword}
            error={errors.fields.currentPassword}
            widthClass="govuk-!-width-two-thirds"
          />
          <TextInput
            id="newPassword"
            label="New password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters; a phrase of several words works well`}
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={setNewPassword}
            error={errors.fields.newPassword}
            widthClass="govuk-!-width-two-thirds"
          />
          <TextInput
            id="confirmPassword"
            label="Confirm password"
            type="password"
            autoComplete="new-password"
            value={confirmPassword}
            onChange={setConfirmPassword}
            error={errors.fields.confirmPassword}
            widthClass="govuk-!-width-two-thirds"
          />
          <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
            Change password
          </button>
        </form>
      </div>
    </div>
  );
}
