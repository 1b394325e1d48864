import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { VerifyMfaDocument } from '../../gql/graphql';
import { formErrorsFrom, hasErrorCode, hasErrors, NO_ERRORS, errorMessage, type FormErrors } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { CodeInput } from './CodeInput';
import { cleanCode, codeProblems } from './mfaValidation';

interface Props {
  email: string;
  /** Called once the session cookie is set; resolves when the app knows who signed in. */
  onSignedIn: () => Promise<void>;
  /** Back to the email and password, with the reason when the pending sign-in has ended. */
  onRestart: (reason?: string) => void;
}

const FIELD_IDS = { code: 'code', recoveryCode: 'recoveryCode' };

/** The second step of signing in: the code from the authenticator app, or a recovery code instead. */
export function MfaCodeStep({ email, onSignedIn, onRestart }: Props) {
  const [kind, setKind] = useState<'code' | 'recovery'>('code');
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [verifyMfa] = useMutation(VerifyMfaDocument);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = kind === 'code' ? 'code' : 'recoveryCode';
  const title = kind === 'code' ? 'Enter your security code' : 'Enter a recovery code';
  usePageTitle(title, hasErrors(errors));

  // A new step of the page: take the reader to its heading.
  useEffect(() => {
    heading.current?.focus();
  }, [kind]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problems = codeProblems(id, value, kind);
    setErrors(problems);
    if (hasErrors(problems)) return;
    setBusy(true);
    try {
      await verifyMfa({ variables: { input: kind === 'code' ? { code: cleanCode(value) } : { recoveryCode: value.trim() } } });
      await onSignedIn();
    } catch (error) {
      setBusy(false);
      setValue('');
      if (hasErrorCode(error, 'UNAUTHENTICATED')) {
        onRestart(errorMessage(error));
        return;
      }
      setErrors(formErrorsFrom(error, FIELD_IDS));
    }
  }

  function switchKind() {
    setKind(kind === 'code' ? 'recovery' : 'code');
    setValue('');
    setErrors(NO_ERRORS);
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={errors.summary} />
        <span className="govuk-caption-l">Sign in to MASE Hub</span>
        <h1 className="govuk-heading-l" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {kind === 'code' ? (
          <p className="govuk-body">
            Open the authenticator app you set up for MASE Hub and enter the 6-digit code it shows for <strong>{email}</strong>.
          </p>
        ) : (
          <p className="govuk-body">
            Enter one of the recovery codes you saved when you set up two-step verification. Each code works once.
          </p>
        )}
        <form noValidate onSubmit={(e) => void submit(e)}>
          <CodeInput
            key={kind}
            id={id}
            kind={kind}
            label={kind === 'code' ? 'Security code' : 'Recovery code'}
            hint={kind === 'code' ? 'The code changes every 30 seconds.' : 'For example, abcd-efgh-jkmn'}
            value={value}
            onChange={setValue}
            error={errors.fields[id]}
          />
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            Continue
          </button>
        </form>
        <p className="govuk-body">
          <button type="button" className="app-link-button govuk-link" onClick={switchKind}>
            {kind === 'code' ? 'Use a recovery code instead' : 'Use a code from your authenticator app instead'}
          </button>
        </p>
        <p className="govuk-body">
          <button type="button" className="app-link-button govuk-link" onClick={() => onRestart()}>
            Start again with a different email address
          </button>
        </p>
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">I cannot use my authenticator app</span>
          </summary>
          <div className="govuk-details__text">
            Use one of the recovery codes you saved when you set up two-step verification. If you have none left, ask your MASE Hub
            administrator to reset your two-step verification. They will not ask you for your password or codes.
          </div>
        </details>
      </div>
    </div>
  );
}
