import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Checkbox, Select, TextInput } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { AgencyDocument, UpdateAgencyDocument, type AgencyRowFragment } from '../../../gql/graphql';
import { formErrorsFrom, hasErrorCode, hasErrors, NO_ERRORS, type FormErrors } from '../../../lib/errors';
import { usePageTitle } from '../../../lib/usePageTitle';
import { BackLink } from '../BackLink';
import { AGENCY_KIND_OPTIONS } from '../options';
import { ActiveTag } from './AgenciesPage';
import { agencyProblems, isAgencyKind } from './agencyForm';

export const AGENCY_CONFLICT_MESSAGE =
  'Someone else changed this agency while you were looking at it, so your change was not saved. Reload the page to see their changes, then make yours again.';

const FIELD_IDS = { name: 'name', kind: 'kind', active: 'active' };

function EditAgencyForm({ agency, onReload }: { agency: AgencyRowFragment; onReload: () => Promise<void> }) {
  // The version this form started from: the server refuses the change if someone else saved since.
  // A fresh copy replaces the form only on an explicit reload, never under someone's typing.
  const [version] = useState(agency.version);
  const [name, setName] = useState(agency.name);
  const [kind, setKind] = useState<string>(agency.kind);
  const [active, setActive] = useState(agency.active);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState(false);
  const navigate = useNavigate();
  const [updateAgency, { loading }] = useMutation(UpdateAgencyDocument);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setConflict(false);
    const found = agencyProblems(name, kind);
    setErrors(found);
    if (hasErrors(found) || !isAgencyKind(kind)) return;
    try {
      const result = await updateAgency({ variables: { input: { id: agency.id, version, name: name.trim(), kind, active } } });
      const saved = result.data?.updateAgency;
      void navigate('/admin/agencies', { state: { flash: `${saved?.name ?? 'The agency'} has been saved.` } });
    } catch (error) {
      setConflict(hasErrorCode(error, 'CONFLICT'));
      setErrors(formErrorsFrom(error, FIELD_IDS, { CONFLICT: AGENCY_CONFLICT_MESSAGE }));
    }
  }

  return (
    <>
      <ErrorSummary items={errors.summary} />
      {conflict ? (
        <p className="govuk-body">
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void onReload()}>
            Reload this agency
          </button>
        </p>
      ) : null}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextInput id="name" label="Agency name" value={name} onChange={setName} error={errors.fields.name} />
        <Select id="kind" label="Kind of agency" value={kind} options={AGENCY_KIND_OPTIONS} onChange={setKind} error={errors.fields.kind} />
        <Checkbox
          id="active"
          label="Active"
          hint="Untick to stop new users joining this agency. Its history is kept."
          checked={active}
          onChange={setActive}
        />
        <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
          Save changes
        </button>
      </form>
    </>
  );
}

export function AgencyPage() {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(AgencyDocument, { variables: { id }, fetchPolicy: 'network-only' });
  const [reloads, setReloads] = useState(0);
  const agency = data?.agency;
  const notFound = !agency && (hasErrorCode(error, 'NOT_FOUND') || hasErrorCode(error, 'BAD_USER_INPUT'));
  usePageTitle(agency ? `Change ${agency.name}` : notFound ? 'Agency not found' : 'Agency', Boolean(error && !agency && !notFound));

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
      <BackLink to="/admin/agencies">Back to agencies</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {agency ? (
            <>
              <span className="govuk-caption-l">Agency</span>
              <h1 className="govuk-heading-l">Change {agency.name}</h1>
              <p className="govuk-body">
                Currently <ActiveTag agency={agency} />
              </p>
              <EditAgencyForm key={`${agency.id}:${reloads}`} agency={agency} onReload={reload} />
            </>
          ) : notFound ? (
            <>
              <h1 className="govuk-heading-l">Agency not found</h1>
              <p className="govuk-body">There is no agency at this address. Go back to the list of agencies and choose one from there.</p>
            </>
          ) : error ? (
            <>
              <h1 className="govuk-heading-l">Agency</h1>
              <QueryError error={error} onRetry={() => void reload()} />
            </>
          ) : (
            <>
              <h1 className="govuk-heading-l">Agency</h1>
              <Loading what="Loading the agency" />
            </>
          )}
        </div>
      </div>
    </>
  );
}
