import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { BeginMfaEnrolmentDocument, ConfirmMfaEnrolmentDocument, type BeginMfaEnrolmentMutation } from '../../gql/graphql';
import { errorMessage, formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { CodeInput } from '../auth/CodeInput';
import { cleanCode, codeProblems } from '../auth/mfaValidation';
import { RecoveryCodes } from './RecoveryCodes';
import './account.css';

type Enrolment = BeginMfaEnrolmentMutation['beginMfaEnrolment'];

type Stage = { name: 'intro' } | { name: 'scan'; enrolment: Enrolment } | { name: 'codes'; codes: string[] };

interface Props {
  /** After the recovery codes have been saved: the caller refreshes what it shows. */
  onFinished: () => Promise<unknown>;
  /** Told whenever the step shows errors, so the page title can say so. */
  onErrors?: (has: boolean) => void;
  /** Shown before setting up starts (for example, that it is off now). */
  intro?: ReactNode;
}

/** The secret in groups of four, as authenticator apps show keys for typing. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * Setting up an authenticator app: a secret made on the server, shown once as a QR code and as text;
 * turned on by the first right code; then the recovery codes, shown once.
 */
export function MfaSetup({ onFinished, onErrors, intro }: Props) {
  const [stage, setStage] = useState<Stage>({ name: 'intro' });
  const [code, setCode] = useState('');
  const [errors, setErrorsState] = useState<FormErrors>(NO_ERRORS);
  const [finishing, setFinishing] = useState(false);
  const [begin, beginState] = useMutation(BeginMfaEnrolmentDocument);
  const [confirm, confirmState] = useMutation(ConfirmMfaEnrolmentDocument);
  const scanHeading = useRef<HTMLHeadingElement>(null);

  function setErrors(next: FormErrors) {
    setErrorsState(next);
    onErrors?.(hasErrors(next));
  }

  useEffect(() => {
    if (stage.name === 'scan') scanHeading.current?.focus();
  }, [stage.name]);

  async function start() {
    setErrors(NO_ERRORS);
    setCode('');
    try {
      const result = await begin();
      if (result.data) setStage({ name: 'scan', enrolment: result.data.beginMfaEnrolment });
    } catch (error) {
      setErrors({ summary: [{ text: errorMessage(error) }], fields: {} });
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmState.loading) return;
    const problems = codeProblems('mfa-code', code);
    setErrors(problems);
    if (hasErrors(problems)) return;
    try {
      const result = await confirm({ variables: { input: { code: cleanCode(code) } } });
      if (result.data) {
        setErrors(NO_ERRORS);
        setStage({ name: 'codes', codes: result.data.confirmMfaEnrolment.recoveryCodes });
      }
    } catch (error) {
      setCode('');
      setErrors(formErrorsFrom(error, { code: 'mfa-code' }));
    }
  }

  async function finish() {
    setFinishing(true);
    try {
      await onFinished();
    } finally {
      setFinishing(false);
    }
  }

  if (stage.name === 'codes') return <RecoveryCodes codes={stage.codes} onSaved={() => void finish()} busy={finishing} />;

  if (stage.name === 'intro') {
    return (
      <>
        <ErrorSummary items={errors.summary} />
        {intro}
        <p className="govuk-body">
          Two-step verification means that signing in needs your password and a 6-digit code from an authenticator app on your phone. Someone
          who learns your password still cannot sign in as you.
        </p>
        <p className="govuk-body">You need a phone or tablet with an authenticator app, such as Microsoft Authenticator or Google Authenticator.</p>
        <button type="button" className="govuk-button" disabled={beginState.loading} aria-disabled={beginState.loading} onClick={() => void start()}>
          Set up two-step verification
        </button>
      </>
    );
  }

  const { enrolment } = stage;
  return (
    <div data-testid="mfa-scan-step">
      <ErrorSummary items={errors.summary} />
      <h2 className="govuk-heading-m" ref={scanHeading} tabIndex={-1}>
        Add MASE Hub to your authenticator app
      </h2>
      <ol className="govuk-list govuk-list--number">
        <li>Open the authenticator app on your phone and choose to add an account.</li>
        <li>Scan this QR code with it.</li>
      </ol>
      <img className="app-mfa-qr" src={enrolment.qrCodeDataUrl} alt="QR code to add MASE Hub to your authenticator app" width={240} height={240} />
      <p className="govuk-body">
        If you cannot scan the QR code, enter this key in the app instead. It is shown only while you set up.
      </p>
      <p>
        <code className="app-mfa-secret" data-testid="mfa-secret">
          {groupSecret(enrolment.secret)}
        </code>
      </p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <CodeInput
          id="mfa-code"
          label="Enter the 6-digit code the app shows"
          labelClass="govuk-label--s"
          hint="This checks the app is set up. The code changes every 30 seconds."
          value={code}
          onChange={setCode}
          error={errors.fields['mfa-code']}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={confirmState.loading} aria-disabled={confirmState.loading}>
            Turn on two-step verification
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void start()}>
            Start again with a new QR code
          </button>
        </div>
      </form>
    </div>
  );
}
