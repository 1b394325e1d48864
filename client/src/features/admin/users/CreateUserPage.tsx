import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { emailProblem } from '@mase/shared';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Select, TextInput } from '../../../components/fields';
import { OneTimePassword } from '../../../components/OneTimePassword';
import { QueryError } from '../../../components/QueryError';
import { AgencyOptionsDocument, CreateUserDocument, type CreateUserMutation } from '../../../gql/graphql';
import { formErrors, formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../../lib/errors';
import { usePageTitle } from '../../../lib/usePageTitle';
import { BackLink } from '../BackLink';
import { AGENCY_HINT, agencyOptions, isRoleValue, ROLE_OPTIONS, userAgencyProblem } from '../options';

const FIELD_IDS = { name: 'name', email: 'email', role: 'role', agencyId: 'agencyId' };

interface Draft {
  name: string;
  email: string;
  role: string;
  agencyId: string;
}

const EMPTY: Draft = { name: '', email: '', role: '', agencyId: '' };

function problems(d: Draft): FormErrors {
  return formErrors([
    { id: 'name', message: d.name.trim() ? null : "Enter the person's full name" },
    { id: 'email', message: emailProblem(d.email) },
    { id: 'role', message: isRoleValue(d.role) ? null : 'Choose a role' },
    { id: 'agencyId', message: userAgencyProblem(d.role, d.agencyId) },
  ]);
}

export function CreateUserPage() {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [created, setCreated] = useState<CreateUserMutation['createUser'] | null>(null);
  const agencies = useQuery(AgencyOptionsDocument, { fetchPolicy: 'cache-and-network' });
  const [createUser, { loading }] = useMutation(CreateUserDocument, {
    // The list of users has a new member: fetch it afresh next time it is shown.
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'users' });
      cache.gc();
    },
  });
  usePageTitle(created ? 'User created' : 'Create a user', hasErrors(errors));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const found = problems(draft);
    setErrors(found);
    if (hasErrors(found) || !isRoleValue(draft.role)) return;
    try {
      const result = await createUser({
        variables: { input: { name: draft.name.trim(), email: draft.email.trim(), role: draft.role, agencyId: draft.agencyId || null } },
      });
      if (result.data) {
        setCreated(result.data.createUser);
        setDraft(EMPTY);
      }
    } catch (error) {
      setErrors(formErrorsFrom(error, FIELD_IDS));
    }
  }

  if (created) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <OneTimePassword title="User created" headingLevel={1} name={created.user.name} password={created.temporaryPassword} />
          <h2 className="govuk-heading-m">What happens next</h2>
          <p className="govuk-body">
            {created.user.name} can now sign in with {created.user.email} and the one-time password above. MASE Hub will ask them to choose
            their own password straight away.
          </p>
          <ul className="govuk-list">
            <li>
              <Link className="govuk-link" to={`/admin/users/${created.user.id}`}>
                View {created.user.name}
              </Link>
            </li>
            <li>
              <button type="button" className="app-link-button govuk-link" onClick={() => setCreated(null)}>
                Create another user
              </button>
            </li>
            <li>
              <Link className="govuk-link" to="/admin/users">
                Back to users
              </Link>
            </li>
          </ul>
        </div>
      </div>
    );
  }

  return (
    <>
      <BackLink to="/admin/users">Back to users</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary items={errors.summary} />
          <h1 className="govuk-heading-l">Create a user</h1>
          <p className="govuk-body">MASE Hub will make a one-time password for them, which you give them securely.</p>
          {agencies.error && !agencies.data ? <QueryError error={agencies.error} title="The list of agencies could not be loaded" /> : null}
          <form noValidate onSubmit={(e) => void submit(e)}>
            <TextInput id="name" label="Full name" autoComplete="off" value={draft.name} onChange={(name) => setDraft({ ...draft, name })} error={errors.fields.name} />
            <TextInput
              id="email"
              label="Email address"
              hint="Their work email address. They sign in with it."
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={draft.email}
              onChange={(email) => setDraft({ ...draft, email })}
              error={errors.fields.email}
            />
            <Select
              id="role"
              label="Role"
              hint="What they may see and do in MASE Hub."
              value={draft.role}
              options={[{ value: '', label: 'Choose a role' }, ...ROLE_OPTIONS]}
              onChange={(role) => setDraft({ ...draft, role })}
              error={errors.fields.role}
            />
            <Select
              id="agencyId"
              label="Agency"
              hint={AGENCY_HINT}
              value={draft.agencyId}
              options={agencyOptions(agencies.data?.agencies ?? [])}
              onChange={(agencyId) => setDraft({ ...draft, agencyId })}
              error={errors.fields.agencyId}
            />
            <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
              Create user
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
