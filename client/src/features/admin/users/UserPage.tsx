import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { ROLE_LABELS } from '@mase/shared';
import { ConfirmStep } from '../../../components/ConfirmStep';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Select, Textarea, TextInput } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { OneTimePassword } from '../../../components/OneTimePassword';
import { QueryError } from '../../../components/QueryError';
import { Tag } from '../../../components/Tag';
import {
  AgencyOptionsDocument,
  ResetUserMfaDocument,
  ResetUserPasswordDocument,
  SetUserStatusDocument,
  UpdateUserDocument,
  UserDocument,
  type SessionUserFragment,
  type UserRowFragment,
} from '../../../gql/graphql';
import { formatDateTime } from '../../../lib/dates';
import { errorMessage, formErrors, formErrorsFrom, hasErrorCode, hasErrors, NO_ERRORS, type FormErrors } from '../../../lib/errors';
import { usePageTitle } from '../../../lib/usePageTitle';
import { BackLink } from '../BackLink';
import { AGENCY_HINT, agencyOptions, isRoleValue, ROLE_OPTIONS, STATUS_LABELS, userAgencyProblem } from '../options';
import { StatusTag } from './UsersPage';

export const USER_CONFLICT_MESSAGE =
  'Someone else changed this user while you were looking at it, so your change was not saved. Reload the page to see their changes, then make yours again.';

function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function UserSummary({ user }: { user: UserRowFragment }) {
  return (
    <dl className="govuk-summary-list">
      <SummaryRow label="Email address">{user.email}</SummaryRow>
      <SummaryRow label="Role">{ROLE_LABELS[user.role]}</SummaryRow>
      <SummaryRow label="Agency">{user.agency?.name ?? 'None'}</SummaryRow>
      <SummaryRow label="Status">
        <StatusTag user={user} />
      </SummaryRow>
      <SummaryRow label="Password">
        {user.mustChangePassword ? 'One-time password: they must choose their own at their next sign-in' : 'Chosen by them'}
      </SummaryRow>
      <SummaryRow label="Two-step verification">{mfaStatus(user)}</SummaryRow>
      <SummaryRow label="Last signed in">{user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : 'Never'}</SummaryRow>
      <SummaryRow label="Account created">{formatDateTime(user.createdAt)}</SummaryRow>
    </dl>
  );
}

function mfaStatus(user: UserRowFragment): string {
  if (user.mfaEnabled) return `On since ${formatDateTime(user.mfaEnabledAt)}`;
  return user.mfaRequired ? 'Not set up yet: their role requires it, so they must set it up when they next sign in' : 'Off';
}

const EDIT_FIELD_IDS = { name: 'edit-name', role: 'edit-role', agencyId: 'edit-agencyId' };

interface EditBase {
  name: string;
  role: string;
  agencyId: string;
  version: number;
}

function snapshot(user: UserRowFragment): EditBase {
  return { name: user.name, role: user.role, agencyId: user.agency?.id ?? '', version: user.version };
}

function EditUserForm({ user, isSelf, onReload }: { user: UserRowFragment; isSelf: boolean; onReload: () => Promise<void> }) {
  // The values and version this form started from: the version is what the server checks for someone else's change.
  const [base, setBase] = useState<EditBase>(() => snapshot(user));
  const [name, setName] = useState(base.name);
  const [role, setRole] = useState(base.role);
  const [agencyId, setAgencyId] = useState(base.agencyId);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const agencies = useQuery(AgencyOptionsDocument, { fetchPolicy: 'cache-and-network' });
  const [updateUser, { loading }] = useMutation(UpdateUserDocument);
  const dirty = name !== base.name || role !== base.role || agencyId !== base.agencyId;

  // A newer copy arrived (e.g. a background refresh) while nothing was being edited: show it.
  useEffect(() => {
    if (user.version !== base.version && !dirty) {
      const next = snapshot(user);
      setBase(next);
      setName(next.name);
      setRole(next.role);
      setAgencyId(next.agencyId);
    }
  }, [user, base.version, dirty]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setSaved(null);
    setConflict(false);
    const found = formErrors([
      { id: 'edit-name', message: name.trim() ? null : 'Enter a name' },
      { id: 'edit-role', message: isRoleValue(role) ? null : 'Choose a role' },
      { id: 'edit-agencyId', message: userAgencyProblem(role, agencyId) },
    ]);
    setErrors(found);
    if (hasErrors(found) || !isRoleValue(role)) return;
    try {
      const result = await updateUser({
        variables: { input: { id: user.id, version: base.version, name: name.trim(), role, agencyId: agencyId || null } },
      });
      const updated = result.data?.updateUser;
      const accessChanged = role !== base.role || agencyId !== base.agencyId;
      setSaved(
        accessChanged && user.status === 'ACTIVE'
          ? 'Changes saved. The change of role or agency has signed them out, so that it applies at once.'
          : 'Changes saved.',
      );
      if (updated) {
        const next = snapshot(updated);
        setBase(next);
        setName(next.name);
        setRole(next.role);
        setAgencyId(next.agencyId);
      }
    } catch (error) {
      setConflict(hasErrorCode(error, 'CONFLICT'));
      setErrors(formErrorsFrom(error, EDIT_FIELD_IDS, { CONFLICT: USER_CONFLICT_MESSAGE }));
    }
  }

  return (
    <section aria-labelledby="edit-heading" className="app-section">
      <h2 className="govuk-heading-m" id="edit-heading">
        Change details
      </h2>
      <ErrorSummary items={errors.summary} />
      {conflict ? (
        <p className="govuk-body">
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void onReload()}>
            Reload this user
          </button>
        </p>
      ) : null}
      {saved ? (
        <div className="govuk-inset-text" role="status">
          {saved}
        </div>
      ) : null}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextInput id="edit-name" label="Full name" autoComplete="off" value={name} onChange={setName} error={errors.fields['edit-name']} />
        <Select
          id="edit-role"
          label="Role"
          hint={isSelf ? 'You cannot change your own role.' : undefined}
          value={role}
          options={ROLE_OPTIONS}
          onChange={setRole}
          error={errors.fields['edit-role']}
        />
        <Select
          id="edit-agencyId"
          label="Agency"
          hint={AGENCY_HINT}
          value={agencyId}
          options={agencyOptions(agencies.data?.agencies ?? [], user.agency)}
          onChange={setAgencyId}
          error={errors.fields['edit-agencyId']}
        />
        <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
          Save changes
        </button>
      </form>
    </section>
  );
}

function StatusSection({ user, isSelf }: { user: UserRowFragment; isSelf: boolean }) {
  const disabling = user.status === 'ACTIVE';
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [setUserStatus, { loading }] = useMutation(SetUserStatusDocument);
  const verb = disabling ? 'Disable' : 'Enable';

  async function confirm() {
    setProblem(null);
    try {
      await setUserStatus({ variables: { input: { id: user.id, status: disabling ? 'DISABLED' : 'ACTIVE', reason: reason.trim() || null } } });
      setDone(disabling ? `${user.name} has been disabled and signed out everywhere.` : `${user.name} has been enabled and can sign in again.`);
      setConfirming(false);
      setReason('');
    } catch (error) {
      setProblem(errorMessage(error));
      setConfirming(false);
    }
  }

  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    setProblem(null);
    setConfirming(true);
  }

  return (
    <section aria-labelledby="status-heading" className="app-section">
      <h2 className="govuk-heading-m" id="status-heading">
        {verb} account
      </h2>
      {problem ? <ErrorSummary items={[{ text: problem }]} /> : null}
      {done ? (
        <div className="govuk-inset-text" role="status">
          {done}
        </div>
      ) : null}
      {disabling && isSelf ? (
        <p className="govuk-body">You cannot disable your own account.</p>
      ) : confirming ? (
        <>
          <ConfirmStep
            id="status-confirm"
            confirmLabel={`Yes, ${verb.toLowerCase()} ${user.name}`}
            destructive={disabling}
            busy={loading}
            onConfirm={() => void confirm()}
            onCancel={() => setConfirming(false)}
          >
            {disabling
              ? `Are you sure you want to disable ${user.name}? They will be signed out at once and cannot sign in until enabled.`
              : `Are you sure you want to enable ${user.name}? They will be able to sign in again.`}
          </ConfirmStep>
          {reason.trim() ? <p className="govuk-body">Reason: {reason.trim()}</p> : null}
        </>
      ) : (
        <form noValidate onSubmit={ask}>
          <p className="govuk-body">
            {disabling
              ? 'A disabled user cannot sign in, and is signed out everywhere at once. Their records and history are kept.'
              : `This user is ${STATUS_LABELS.DISABLED.toLowerCase()}. Enabling them lets them sign in again.`}
          </p>
          <Textarea
            id="status-reason"
            label="Reason (optional)"
            hint="Kept in the audit log."
            value={reason}
            onChange={setReason}
          />
          <button type="submit" className={`govuk-button${disabling ? ' govuk-button--warning' : ' govuk-button--secondary'}`}>
            {verb} user
          </button>
        </form>
      )}
    </section>
  );
}

function ResetPasswordSection({ user }: { user: UserRowFragment }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const [resetUserPassword, { loading }] = useMutation(ResetUserPasswordDocument);

  async function confirm() {
    setProblem(null);
    try {
      const result = await resetUserPassword({ variables: { id: user.id } });
      setPassword(result.data?.resetUserPassword.temporaryPassword ?? null);
    } catch (error) {
      setProblem(errorMessage(error));
    }
    setConfirming(false);
  }

  return (
    <section aria-labelledby="reset-heading" className="app-section">
      <h2 className="govuk-heading-m" id="reset-heading">
        Reset password
      </h2>
      {problem ? <ErrorSummary items={[{ text: problem }]} /> : null}
      {password ? <OneTimePassword title="Password reset" name={user.name} password={password} /> : null}
      {confirming ? (
        <ConfirmStep
          id="reset-confirm"
          confirmLabel="Yes, reset the password"
          busy={loading}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(false)}
        >
          Are you sure you want to reset {user.name}&apos;s password? Their current password will stop working and they will be signed out
          everywhere.
        </ConfirmStep>
      ) : (
        <>
          <p className="govuk-body">
            Gives {user.name} a new one-time password and signs them out everywhere. Use this if they have forgotten their password or
            their account may be in someone else&apos;s hands.
          </p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => {
              setPassword(null);
              setConfirming(true);
            }}
          >
            Reset password
          </button>
        </>
      )}
    </section>
  );
}

function ResetMfaSection({ user, isSelf }: { user: UserRowFragment; isSelf: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [resetUserMfa, { loading }] = useMutation(ResetUserMfaDocument);

  async function confirm() {
    setProblem(null);
    try {
      await resetUserMfa({ variables: { id: user.id } });
      setDone(
        user.mfaRequired
          ? `${user.name}'s two-step verification has been reset and they have been signed out everywhere. Their role requires it, so they must set it up again when they next sign in.`
          : `${user.name}'s two-step verification has been reset and they have been signed out everywhere. They can sign in with their password alone.`,
      );
    } catch (error) {
      setProblem(errorMessage(error));
    }
    setConfirming(false);
  }

  return (
    <section aria-labelledby="mfa-reset-heading" className="app-section">
      <h2 className="govuk-heading-m" id="mfa-reset-heading">
        Reset two-step verification
      </h2>
      {problem ? <ErrorSummary items={[{ text: problem }]} /> : null}
      {done ? (
        <div className="govuk-inset-text" role="status">
          {done}
        </div>
      ) : null}
      {isSelf ? (
        <p className="govuk-body">
          You cannot reset your own two-step verification. Manage it from <Link className="govuk-link" to="/account">your account</Link>, or ask
          another administrator.
        </p>
      ) : !user.mfaEnabled ? (
        done ? null : <p className="govuk-body">{user.name} has not set up two-step verification, so there is nothing to reset.</p>
      ) : confirming ? (
        <ConfirmStep
          id="mfa-reset-confirm"
          confirmLabel="Yes, reset two-step verification"
          busy={loading}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(false)}
        >
          Are you sure you want to reset {user.name}&apos;s two-step verification? Their authenticator app and recovery codes will stop
          working and they will be signed out everywhere.
        </ConfirmStep>
      ) : (
        <>
          <p className="govuk-body">
            Use this if {user.name} has lost the phone with their authenticator app and has no recovery codes left. Check it is really them
            first, in person or by a call you make to a number you already hold.
          </p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => {
              setDone(null);
              setConfirming(true);
            }}
          >
            Reset two-step verification
          </button>
        </>
      )}
    </section>
  );
}

export function UserPage({ me }: { me: SessionUserFragment }) {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(UserDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const user = data?.user;
  const [reloads, setReloads] = useState(0);
  const notFound = !user && (hasErrorCode(error, 'NOT_FOUND') || hasErrorCode(error, 'BAD_USER_INPUT'));
  usePageTitle(user ? user.name : notFound ? 'User not found' : 'User', Boolean(error && !user && !notFound));

  async function reload() {
    try {
      await refetch();
      setReloads((n) => n + 1);
    } catch {
      // The query's own error state shows what went wrong.
    }
  }

  return (
    <>
      <BackLink to="/admin/users">Back to users</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds-from-desktop">
      {user ? (
        <>
          <span className="govuk-caption-l">User</span>
          <h1 className="govuk-heading-l">
            {user.name}
            {user.id === me.id ? (
              <>
                {' '}
                <Tag colour="blue">You</Tag>
              </>
            ) : null}
          </h1>
          <UserSummary user={user} />
          <EditUserForm key={`${user.id}:${reloads}`} user={user} isSelf={user.id === me.id} onReload={reload} />
          <StatusSection key={`status:${user.id}`} user={user} isSelf={user.id === me.id} />
          <ResetPasswordSection key={`reset:${user.id}`} user={user} />
          <ResetMfaSection key={`mfa:${user.id}`} user={user} isSelf={user.id === me.id} />
        </>
      ) : notFound ? (
        <>
          <h1 className="govuk-heading-l">User not found</h1>
          <p className="govuk-body">There is no user at this address. Go back to the list of users and choose one from there.</p>
        </>
      ) : error ? (
        <>
          <h1 className="govuk-heading-l">User</h1>
          <QueryError error={error} onRetry={() => void reload()} />
        </>
      ) : (
        <>
          <h1 className="govuk-heading-l">User</h1>
          <Loading what="Loading the user" />
        </>
      )}
        </div>
      </div>
    </>
  );
}
