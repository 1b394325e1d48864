import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextInput } from '../../components/fields';
import { SignInDocument } from '../../gql/graphql';
import { formErrorsFrom, hasErrorCode, hasErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { MfaCodeStep } from './MfaCodeStep';
import { signInProblems } from './signInValidation';

export type SignInNotice = 'signed-out' | 'expired';

interface Props {
  notice?: SignInNotice;
  /** Called once the session cookie is set; resolves when the app knows who signed in. */
  onSignedIn: () => Promise<void>;
}

const FIELD_IDS = { email: 'email', password: 'password' };

function Notice({ notice }: { notice: SignInNotice }) {
  const text = notice === 'signed-out' ? 'You have signed out.' : 'Your session has ended. Sign in again to carry on.';
  return (
    <div className="govuk-inset-text" role="status">
      {text}
    </div>
  );
}

interface PasswordStepProps extends Props {
  email: string;
  onEmailChange: (email: string) => void;
  /** Errors to show on arrival (a pending second step that ended). */
  initialErrors: FormErrors;
  /** The password was right and the account uses two-step verification: ask for the code. */
  onCodeRequired: () => void;
}

function PasswordStep({ notice, onSignedIn, email, onEmailChange, initialErrors, onCodeRequired }: PasswordStepProps) {
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(initialErrors);
  const [busy, setBusy] = useState(false);
  const [signIn] = useMutation(SignInDocument);
  usePageTitle('Sign in', hasErrors(errors));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problems = signInProblems(email, password);
    setErrors(problems);
    if (hasErrors(problems)) return;
    setBusy(true);
    try {
      await signIn({ variables: { input: { email: email.trim(), password } } });
      await onSignedIn();
    } catch (error) {
      setPassword('');
      setBusy(false);
      if (hasErrorCode(error, 'MFA_CODE_REQUIRED')) {
        onCodeRequired();
        return;
      }
      setErrors(formErrorsFrom(error, FIELD_IDS));
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={errors.summary} />
        {notice && !hasErrors(errors) ? <Notice notice={notice} /> : null}
        <h1 className="govuk-heading-l">Sign in to MASE Hub</h1>
        <p className="govuk-body">Use the email address and password your MASE Hub administrator gave you.</p>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <TextInput
            id="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={onEmailChange}
            error={errors.fields.email}
          />
          <TextInput
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errors.fields.password}
            widthClass="govuk-!-width-two-thirds"
          />
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            Sign in
          </button>
        </form>
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Problems signing in</span>
          </summary>
          <div className="govuk-details__text">
            If you have forgotten your password or your account is locked, ask your MASE Hub administrator to reset it. They will give
            you a one-time password to sign in with.
          </div>
        </details>
      </div>
    </div>
  );
}

/**
 * Signing in: email and password, then (for a user with two-step verification) the code from their
 * authenticator app or a recovery code. The pending second step lives in an HttpOnly cookie the
 * server set; this page only remembers which step it is on.
 */
export function SignInPage({ notice, onSignedIn }: Props) {
  const [email, setEmail] = useState('');
  const [codeStep, setCodeStep] = useState(false);
  const [restartErrors, setRestartErrors] = useState<FormErrors>(NO_ERRORS);

  if (codeStep) {
    return (
      <MfaCodeStep
        email={email.trim()}
        onSignedIn={onSignedIn}
        onRestart={(reason) => {
          setRestartErrors(reason ? { summary: [{ text: reason }], fields: {} } : NO_ERRORS);
          setCodeStep(false);
        }}
      />
    );
  }
  return (
    <PasswordStep
      notice={notice}
      onSignedIn={onSignedIn}
      email={email}
      onEmailChange={setEmail}
      initialErrors={restartErrors}
      onCodeRequired={() => setCodeStep(true)}
    />
  );
}
