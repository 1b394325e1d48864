import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import {
  EDUCATION_STATUS_LABELS,
  EDUCATION_STATUSES,
  ETHNICITIES,
  ETHNICITY_LABELS,
  GENDER_LABELS,
  GENDERS,
  LEGAL_STATUS_LABELS,
  LEGAL_STATUSES,
  PLACEMENT_TYPE_LABELS,
  PLACEMENT_TYPES,
  PRESENTATION_LABELS,
  PRESENTATIONS,
  SEND_STATUS_LABELS,
  SEND_STATUSES,
  type EducationStatus,
  type Ethnicity,
  type Gender,
  type LegalStatus,
  type PlacementType,
  type Presentation,
  type SendStatus,
} from '@mase/shared';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select, TextInput } from '../../components/fields';
import { CreateYoungPersonDocument, type SessionUserFragment } from '../../gql/graphql';
import { formErrors, formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { AccessDeniedPage } from '../../app/pages';
import { BackLink } from '../admin/BackLink';
import { choicesOf, forgetList, isDay, isKeeper, Radios, today } from './common';

const TEXT_FIELDS = ['reference', 'firstName', 'lastName', 'dateOfBirth', 'school', 'homeWard', 'socialWorker', 'team', 'crisNumber', 'placementBorough'] as const;
const CHOICE_FIELDS = ['gender', 'ethnicity', 'legalStatus', 'placementType', 'educationStatus', 'send', 'presentation'] as const;
type Draft = Record<(typeof TEXT_FIELDS)[number] | (typeof CHOICE_FIELDS)[number], string>;

const EMPTY: Draft = {
  reference: '',
  firstName: '',
  lastName: '',
  dateOfBirth: '',
  school: '',
  homeWard: '',
  socialWorker: '',
  team: '',
  crisNumber: '',
  placementBorough: '',
  gender: '',
  ethnicity: '',
  legalStatus: '',
  placementType: 'HOME_BOROUGH',
  educationStatus: '',
  send: 'NOT_KNOWN',
  presentation: '',
};

const FIELD_IDS: Record<string, string> = Object.fromEntries([...TEXT_FIELDS, ...CHOICE_FIELDS].map((f) => [f, f]));

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>, prompt: string) => [{ value: '', label: prompt }, ...choicesOf(keys, labels)];

function problems(d: Draft): FormErrors {
  return formErrors([
    { id: 'reference', message: d.reference.trim() ? null : 'Enter the case-management reference' },
    { id: 'firstName', message: d.firstName.trim() ? null : 'Enter their first name' },
    { id: 'lastName', message: d.lastName.trim() ? null : 'Enter their last name' },
    {
      id: 'dateOfBirth',
      message: !isDay(d.dateOfBirth) ? 'Enter their date of birth as yyyy-mm-dd, for example 2010-03-27' : d.dateOfBirth.trim() > today() ? 'Date of birth must be in the past' : null,
    },
    { id: 'gender', message: d.gender ? null : 'Choose their gender' },
    { id: 'ethnicity', message: d.ethnicity ? null : 'Choose their ethnicity' },
    { id: 'legalStatus', message: d.legalStatus ? null : 'Choose their legal status' },
    { id: 'placementBorough', message: d.placementType !== 'HOME_BOROUGH' && !d.placementBorough.trim() ? 'Enter the borough' : null },
    { id: 'educationStatus', message: d.educationStatus ? null : 'Choose their education status' },
    { id: 'presentation', message: d.presentation ? null : 'Choose how they present' },
  ]);
}

const opt = (s: string) => s.trim() || null;

export function RecordYoungPersonPage({ me }: { me: SessionUserFragment }) {
  if (!isKeeper(me.role)) return <AccessDeniedPage />;
  return <RecordYoungPerson />;
}

function RecordYoungPerson() {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [create, { loading }] = useMutation(CreateYoungPersonDocument, { update: (cache) => forgetList(cache) });
  usePageTitle('Record a young person', hasErrors(errors));
  const set = (field: keyof Draft) => (value: string) => setDraft({ ...draft, [field]: value });
  const text = (field: (typeof TEXT_FIELDS)[number], label: string, hint?: string) => (
    <TextInput id={field} label={label} hint={hint} autoComplete="off" value={draft[field]} onChange={set(field)} error={errors.fields[field]} />
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const found = problems(draft);
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      const result = await create({
        variables: {
          input: {
            reference: draft.reference.trim(),
            firstName: draft.firstName.trim(),
            lastName: draft.lastName.trim(),
            dateOfBirth: draft.dateOfBirth.trim(),
            gender: draft.gender as Gender,
            ethnicity: draft.ethnicity as Ethnicity,
            legalStatus: draft.legalStatus as LegalStatus,
            placementType: draft.placementType as PlacementType,
            placementBorough: draft.placementType === 'HOME_BOROUGH' ? null : opt(draft.placementBorough),
            educationStatus: draft.educationStatus as EducationStatus,
            send: draft.send as SendStatus,
            presentation: draft.presentation as Presentation,
            school: opt(draft.school),
            homeWard: opt(draft.homeWard),
            socialWorker: opt(draft.socialWorker),
            team: opt(draft.team),
            crisNumber: opt(draft.crisNumber),
          },
        },
      });
      const id = result.data?.createYoungPerson.id;
      if (id) void navigate(`/list/${id}`, { state: { flash: 'Young person recorded. Complete a screening to score their risk.' } });
    } catch (error) {
      setErrors(formErrorsFrom(error, FIELD_IDS));
    }
  }

  const borough = (
    <TextInput id="placementBorough" label={draft.placementType === 'PLACED_OUT' ? 'Borough they are placed in' : 'Borough that placed them'} value={draft.placementBorough} onChange={set('placementBorough')} error={errors.fields.placementBorough} />
  );

  return (
    <>
      <BackLink to="/list">Back to the list</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary items={errors.summary} />
          <h1 className="govuk-heading-l">Record a young person</h1>
          <p className="govuk-body">MASE Hub checks for a record of the same young person before it adds a new one.</p>
          <form noValidate onSubmit={(e) => void submit(e)}>
            {text('reference', 'Reference', 'Their case-management system reference, for example a MOSAIC id')}
            {text('firstName', 'First name')}
            {text('lastName', 'Last name')}
            <TextInput id="dateOfBirth" label="Date of birth" hint="For example, 2010-03-27" widthClass="govuk-input--width-10" autoComplete="off" value={draft.dateOfBirth} onChange={set('dateOfBirth')} error={errors.fields.dateOfBirth} />
            <Select id="gender" label="Gender" value={draft.gender} options={options(GENDERS, GENDER_LABELS, 'Choose')} onChange={set('gender')} error={errors.fields.gender} />
            <Select id="ethnicity" label="Ethnicity" value={draft.ethnicity} options={options(ETHNICITIES, ETHNICITY_LABELS, 'Choose')} onChange={set('ethnicity')} error={errors.fields.ethnicity} />
            <Select id="legalStatus" label="Legal status" value={draft.legalStatus} options={options(LEGAL_STATUSES, LEGAL_STATUS_LABELS, 'Choose')} onChange={set('legalStatus')} error={errors.fields.legalStatus} />
            <Radios
              id="placementType"
              legend="Placement"
              choices={choicesOf(PLACEMENT_TYPES, PLACEMENT_TYPE_LABELS)}
              value={draft.placementType}
              onChange={set('placementType')}
              error={errors.fields.placementType}
              conditional={{ PLACED_OUT: borough, PLACED_IN: borough }}
            />
            <Select
              id="educationStatus"
              label="Education"
              value={draft.educationStatus}
              options={options(EDUCATION_STATUSES, EDUCATION_STATUS_LABELS, 'Choose')}
              onChange={set('educationStatus')}
              error={errors.fields.educationStatus}
            />
            <Select id="send" label="Special educational needs and disabilities (SEND)" value={draft.send} options={choicesOf(SEND_STATUSES, SEND_STATUS_LABELS)} onChange={set('send')} error={errors.fields.send} />
            <Radios id="presentation" legend="Presentation" choices={choicesOf(PRESENTATIONS, PRESENTATION_LABELS)} value={draft.presentation} onChange={set('presentation')} error={errors.fields.presentation} />
            {text('school', 'School (optional)')}
            {text('homeWard', 'Home ward (optional)')}
            {text('socialWorker', 'Social worker (optional)')}
            {text('team', 'Team (optional)')}
            {text('crisNumber', 'CRIS number (optional)')}
            <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
              Record young person
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
