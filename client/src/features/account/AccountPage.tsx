import { useState, type FormEvent, type ReactNode } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ROLE_LABELS } from '@mase/shared';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Tag } from '../../components/Tag';
import { AccountDocument, DisableMfaDocument, type AccountQuery } from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import { formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { CodeInput } from '../auth/CodeInput';
import { cleanCode, codeProblems } from '../auth/mfaValidation';
import { MfaSetup } from './MfaSetup';
import { SessionsSection } from './SessionsSection';

type Account = AccountQuery['me'];

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function TurnOffForm({ onErrors }: { onErrors: (has: boolean) => void }) {
  const [code, setCode] = useState('');
  const [errors, setErrorsState] = useState<FormErrors>(NO_ERRORS);
  const [disableMfa, { loading }] = useMutation(DisableMfaDocument);

  function setErrors(next: FormErrors) {
    setErrorsState(next);
    onErrors(hasErrors(next));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const problems = codeProblems('disable-code', code);
    setErrors(problems);
    if (hasErrors(problems)) return;
    try {
      // The result (two-step verification off) reaches the page through the cache.
      await disableMfa({ variables: { input: { code: cleanCode(code) } } });
    } catch (error) {
      setCode('');
      setErrors(formErrorsFrom(error, { code: 'disable-code' }));
    }
  }

  return (
    <>
      <h3 className="govuk-heading-s">Turn off two-step verification</h3>
      <ErrorSummary items={errors.summary} />
      <p className="govuk-body">Signing in will then need only your password. Your recovery codes will stop working.</p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <CodeInput
          id="disable-code"
          label="Enter the 6-digit code from your authenticator app"
          value={code}
          onChange={setCode}
          error={errors.fields['disable-code']}
        />
        <button type="submit" className="govuk-button govuk-button--warning" disabled={loading} aria-disabled={loading}>
          Turn off two-step verification
        </button>
      </form>
    </>
  );
}

function MfaSection({ account, onErrors, onChanged }: { account: Account; onErrors: (has: boolean) => void; onChanged: () => Promise<unknown> }) {
  const [turnedOn, setTurnedOn] = useState(false);
  const left = account.mfaRecoveryCodesLeft;
  return (
    <section aria-labelledby="mfa-heading" className="app-section">
      <h2 className="govuk-heading-m" id="mfa-heading">
        Two-step verification
      </h2>
      {account.mfaEnabled ? (
        <>
          {turnedOn ? (
            <div className="govuk-inset-text" role="status">
              Two-step verification is on.
            </div>
          ) : null}
          <dl className="govuk-summary-list">
            <Row label="Status">
              <Tag colour="green">On</Tag> since {formatDateTime(account.mfaEnabledAt)}
            </Row>
            <Row label="Recovery codes left">{left}</Row>
          </dl>
          {left <= 3 ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                {left === 0 ? 'You have no recovery codes left.' : `You have only ${left} recovery code${left === 1 ? '' : 's'} left.`}{' '}
                {account.mfaRequired
                  ? 'Ask your MASE Hub administrator to reset your two-step verification to get new ones.'
                  : 'Turn two-step verification off and set it up again to get new ones.'}
              </strong>
            </div>
          ) : null}
          {account.mfaRequired ? (
            <p className="govuk-body">
              Your role must use two-step verification, so you cannot turn it off. If you lose your phone, sign in with a recovery code or
              ask your MASE Hub administrator to reset it.
            </p>
          ) : (
            <TurnOffForm onErrors={onErrors} />
          )}
        </>
      ) : (
        <>
          <MfaSetup
            intro={
              <p className="govuk-body">
                <Tag colour="grey">Off</Tag>
              </p>
            }
            onErrors={onErrors}
            onFinished={async () => {
              setTurnedOn(true);
              await onChanged();
            }}
          />
        </>
      )}
    </section>
  );
}

/** The signed-in user's own account: details, two-step verification and where they are signed in. */
export function AccountPage() {
  const [errorsShown, setErrorsShown] = useState(false);
  usePageTitle('Your account', errorsShown);
  const client = useApolloClient();
  const { data, error, refetch } = useQuery(AccountDocument, { fetchPolicy: 'cache-and-network' });
  const refresh = () => client.refetchQueries({ include: [AccountDocument, 'Me'] });
  const account = data?.me;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds-from-desktop">
        <h1 className="govuk-heading-l">Your account</h1>
        {error && !data ? (
          <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
        ) : !account || !data ? (
          <Loading what="Loading your account" />
        ) : (
          <>
            <dl className="govuk-summary-list">
              <Row label="Name">{account.name}</Row>
              <Row label="Email address">{account.email}</Row>
              <Row label="Role">{ROLE_LABELS[account.role]}</Row>
              <Row label="Agency">{account.agency?.name ?? 'None'}</Row>
              <Row label="Password">
                <Link className="govuk-link" to="/account/password">
                  Change your password
                </Link>
              </Row>
            </dl>
            <MfaSection account={account} onErrors={setErrorsShown} onChanged={refresh} />
            <SessionsSection sessions={data.mySessions} onChanged={() => refetch()} />
          </>
        )}
      </div>
    </div>
  );
}
