import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Select, TextInput } from '../../../components/fields';
import { CreateAgencyDocument } from '../../../gql/graphql';
import { formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../../lib/errors';
import { usePageTitle } from '../../../lib/usePageTitle';
import { BackLink } from '../BackLink';
import { AGENCY_KIND_OPTIONS } from '../options';
import { agencyProblems, isAgencyKind } from './agencyForm';

const FIELD_IDS = { name: 'name', kind: 'kind' };

export function CreateAgencyPage() {
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const navigate = useNavigate();
  const [createAgency, { loading }] = useMutation(CreateAgencyDocument, {
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'agencies' });
      cache.gc();
    },
  });
  usePageTitle('Add an agency', hasErrors(errors));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const found = agencyProblems(name, kind);
    setErrors(found);
    if (hasErrors(found) || !isAgencyKind(kind)) return;
    try {
      const result = await createAgency({ variables: { input: { name: name.trim(), kind } } });
      const created = result.data?.createAgency;
      void navigate('/admin/agencies', { state: { flash: created ? `${created.name} has been added.` : 'The agency has been added.' } });
    } catch (error) {
      setErrors(formErrorsFrom(error, FIELD_IDS));
    }
  }

  return (
    <>
      <BackLink to="/admin/agencies">Back to agencies</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary items={errors.summary} />
          <h1 className="govuk-heading-l">Add an agency</h1>
          <form noValidate onSubmit={(e) => void submit(e)}>
            <TextInput id="name" label="Agency name" value={name} onChange={setName} error={errors.fields.name} />
            <Select
              id="kind"
              label="Kind of agency"
              value={kind}
              options={[{ value: '', label: 'Choose a kind' }, ...AGENCY_KIND_OPTIONS]}
              onChange={setKind}
              error={errors.fields.kind}
            />
            <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
              Add agency
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
