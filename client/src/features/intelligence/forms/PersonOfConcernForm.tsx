import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams } from 'react-router';
import { GENDER_LABELS, GENDERS } from '@mase/shared';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Select, TextInput, Textarea } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import {
  IntelCreatePersonOfConcernDocument,
  IntelPersonForEditDocument,
  IntelUpdatePersonOfConcernDocument,
  type IntelPersonEditFragment,
  type PersonOfConcernFields,
  type SessionUserFragment,
} from '../../../gql/graphql';
import { formErrorsFrom, hasErrorCode, hasErrors, NO_ERRORS, type FormErrors } from '../../../lib/errors';
import { usePageTitle } from '../../../lib/usePageTitle';
import { AccessDeniedPage } from '../../../app/pages';
import { BackLink } from '../../admin/BackLink';
import { choicesOf, Radios } from '../../list/common';
import { personName, POC_CATEGORIES, POC_CATEGORY_LABELS, POC_STATUS_LABELS, POC_STATUSES } from '../people/labels';
import { canRecordIntelligence, ConflictNotice, conflictMessage, forgetIntelligence } from './common';
import { emptyPersonDraft, draftFromPerson, personFieldIds, personInput, personProblems, type AgeKnown, type PersonDraft } from './personDraft';
import { RepeatList, VehiclesField } from './RepeatFields';

const AGE_CHOICES = [
  { value: 'DATE_OF_BIRTH', label: 'Their date of birth' },
  { value: 'APPROXIMATE', label: 'An approximate age' },
];

const WHAT = 'this person of concern';

interface FormProps {
  initial: PersonDraft;
  submitLabel: string;
  busy: boolean;
  /** Sends the fields; throws the API's error to be shown against the fields. */
  onSubmit: (fields: PersonOfConcernFields) => Promise<void>;
  /** Offered when someone else changed the record first: fetches the latest and starts the form again. */
  onReload?: () => void;
}

/** A person of concern's details: names, aliases, age, description, vehicles, phone numbers, addresses, category and status. */
export function PersonOfConcernForm({ initial, submitLabel, busy, onSubmit, onReload }: FormProps) {
  const [draft, setDraft] = useState<PersonDraft>(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState(false);
  const set = <K extends keyof PersonDraft>(field: K) => (value: PersonDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setConflict(false);
    const found = personProblems(draft);
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      await onSubmit(personInput(draft));
    } catch (error) {
      setConflict(Boolean(onReload) && hasErrorCode(error, 'CONFLICT'));
      setErrors(formErrorsFrom(error, personFieldIds(draft), { CONFLICT: conflictMessage(WHAT) }));
    }
  }

  const field = (id: 'firstName' | 'lastName', label: string) => (
    <TextInput id={id} label={label} autoComplete="off" spellCheck={false} value={draft[id]} onChange={set(id)} error={errors.fields[id]} />
  );

  return (
    <>
      <ErrorSummary items={errors.summary} />
      {conflict && onReload ? <ConflictNotice what={WHAT} onReload={onReload} /> : null}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <h2 className="govuk-heading-m">Who they are</h2>
        <TextInput
          id="policeReference"
          label="Police reference (optional)"
          hint="Your own reference for this person, for example a nominal number. Each reference belongs to one person."
          widthClass="govuk-input--width-20"
          autoComplete="off"
          spellCheck={false}
          value={draft.policeReference}
          onChange={set('policeReference')}
          error={errors.fields.policeReference}
        />
        <p className="govuk-body">Give a name, or at least one alias or nickname.</p>
        {field('firstName', 'First name (optional)')}
        {field('lastName', 'Last name (optional)')}
        <RepeatList
          id="aliases"
          legend="Aliases and nicknames"
          hint="Other names they use or are known by, including street names and online usernames"
          noun="alias or nickname"
          values={draft.aliases}
          onChange={set('aliases')}
          errors={errors.fields}
          widthClass="govuk-!-width-full"
          max={30}
        />
        <Radios
          id="ageKnown"
          legend="What do you know about their age?"
          choices={AGE_CHOICES}
          value={draft.ageKnown}
          onChange={(v) => set('ageKnown')(v as AgeKnown)}
          error={errors.fields.ageKnown}
          conditional={{
            DATE_OF_BIRTH: (
              <TextInput
                id="dateOfBirth"
                label="Date of birth"
                hint="For example, 1994-03-27"
                widthClass="govuk-input--width-10"
                autoComplete="off"
                value={draft.dateOfBirth}
                onChange={set('dateOfBirth')}
                error={errors.fields.dateOfBirth}
              />
            ),
            APPROXIMATE: (
              <TextInput
                id="approximateAge"
                label="Approximate age in years"
                hint="A whole number, for example 30"
                widthClass="govuk-input--width-3"
                autoComplete="off"
                value={draft.approximateAge}
                onChange={set('approximateAge')}
                error={errors.fields.approximateAge}
              />
            ),
          }}
        />
        <Select
          id="gender"
          label="Gender"
          value={draft.gender}
          options={[{ value: '', label: 'Choose' }, ...choicesOf(GENDERS, GENDER_LABELS)]}
          onChange={set('gender')}
          error={errors.fields.gender}
        />
        <Textarea
          id="description"
          label="Description (optional)"
          hint="Appearance and anything else that helps recognise them: height, build, hair, tattoos, clothing"
          rows={4}
          value={draft.description}
          onChange={set('description')}
          error={errors.fields.description}
        />

        <h2 className="govuk-heading-m">How to find them</h2>
        <VehiclesField values={draft.vehicles} onChange={set('vehicles')} errors={errors.fields} />
        <RepeatList
          id="phoneNumbers"
          legend="Phone numbers"
          hint="Full or partial, for example 07700 900123 or the last digits known. Searches match any part of the number."
          noun="phone number"
          values={draft.phoneNumbers}
          onChange={set('phoneNumbers')}
          errors={errors.fields}
          widthClass="govuk-input--width-20"
        />
        <RepeatList
          id="addresses"
          legend="Addresses"
          hint="Addresses they live at or use"
          noun="address"
          values={draft.addresses}
          onChange={set('addresses')}
          errors={errors.fields}
          widthClass="govuk-!-width-full"
        />

        <h2 className="govuk-heading-m">Category and status</h2>
        <Radios id="category" legend="Category" choices={choicesOf(POC_CATEGORIES, POC_CATEGORY_LABELS)} value={draft.category} onChange={set('category')} error={errors.fields.category} />
        <Radios id="status" legend="Status" choices={choicesOf(POC_STATUSES, POC_STATUS_LABELS)} value={draft.status} onChange={set('status')} error={errors.fields.status} />

        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}

/** Records a new person of concern (police only). */
export function NewPersonOfConcernPage({ me }: { me: SessionUserFragment }) {
  if (!canRecordIntelligence(me.role)) return <AccessDeniedPage />;
  return <NewPersonOfConcern />;
}

function NewPersonOfConcern() {
  const navigate = useNavigate();
  const [create, { loading }] = useMutation(IntelCreatePersonOfConcernDocument, { update: (cache) => forgetIntelligence(cache, ['peopleOfConcern']) });
  usePageTitle('Add a person of concern');
  return (
    <>
      <BackLink to="/intelligence/people">Back to people of concern</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">Intelligence</span>
          <h1 className="govuk-heading-l">Add a person of concern</h1>
          <PersonOfConcernForm
            initial={emptyPersonDraft()}
            submitLabel="Add person of concern"
            busy={loading}
            onSubmit={async (input) => {
              const result = await create({ variables: { input } });
              const saved = result.data?.createPersonOfConcern;
              if (saved) void navigate(`/intelligence/people/${saved.id}`, { state: { flash: `${personName(saved)} has been added.` } });
            }}
          />
        </div>
      </div>
    </>
  );
}

/** Changes a person of concern's details (police only); refused with CONFLICT if someone else saved first. */
export function EditPersonOfConcernPage({ me }: { me: SessionUserFragment }) {
  if (!canRecordIntelligence(me.role)) return <AccessDeniedPage />;
  return <EditPersonOfConcern />;
}

function EditPersonOfConcern() {
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(IntelPersonForEditDocument, { variables: { id }, fetchPolicy: 'network-only' });
  const [reloads, setReloads] = useState(0);
  const person = data?.personOfConcern;
  const notFound = !person && (hasErrorCode(error, 'NOT_FOUND') || hasErrorCode(error, 'BAD_USER_INPUT'));
  usePageTitle(person ? `Change ${personName(person)}` : notFound ? 'Person of concern not found' : 'Change a person of concern', Boolean(error && !person && !notFound));

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
      <BackLink to={`/intelligence/people/${id}`}>Back to the person of concern</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {person ? (
            <>
              <span className="govuk-caption-l">Person of concern</span>
              <h1 className="govuk-heading-l">Change {personName(person)}</h1>
              <EditPersonForm key={`${person.id}:${reloads}`} person={person} onReload={() => void reload()} />
            </>
          ) : notFound ? (
            <>
              <h1 className="govuk-heading-l">Person of concern not found</h1>
              <p className="govuk-body">
                Check the link, or{' '}
                <Link to="/intelligence/people" className="govuk-link">
                  go back to people of concern
                </Link>
                .
              </p>
            </>
          ) : error ? (
            <>
              <h1 className="govuk-heading-l">Change a person of concern</h1>
              <QueryError error={error} onRetry={() => void reload()} />
            </>
          ) : (
            <>
              <h1 className="govuk-heading-l">Change a person of concern</h1>
              <Loading what="Loading the person of concern" />
            </>
          )}
        </div>
      </div>
    </>
  );
}

function EditPersonForm({ person, onReload }: { person: IntelPersonEditFragment; onReload: () => void }) {
  // The version this form started from: the server refuses the change if someone else saved since.
  // A fresh copy replaces the form only on an explicit reload, never under someone's typing.
  const [version] = useState(person.version);
  const [initial] = useState(() => draftFromPerson(person));
  const navigate = useNavigate();
  const [update, { loading }] = useMutation(IntelUpdatePersonOfConcernDocument, { update: (cache) => forgetIntelligence(cache, ['peopleOfConcern', 'network', 'neighbourhood']) });
  return (
    <PersonOfConcernForm
      initial={initial}
      submitLabel="Save changes"
      busy={loading}
      onReload={onReload}
      onSubmit={async (input) => {
        const result = await update({ variables: { input: { ...input, id: person.id, version } } });
        const saved = result.data?.updatePersonOfConcern;
        if (saved) void navigate(`/intelligence/people/${saved.id}`, { state: { flash: `Changes to ${personName(saved)} have been saved.` } });
      }}
    />
  );
}
