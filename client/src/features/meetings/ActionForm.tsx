import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select, TextInput, Textarea } from '../../components/fields';
import { RecordActionDocument } from '../../gql/graphql';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { setMeetingList } from './format';

export const ACTION_FIELD_IDS = {
  description: 'action-description',
  ownerAgencyId: 'action-agency',
  owner: 'action-owner',
  dueOn: 'action-due',
  youngPersonId: 'action-person',
} as const;

interface Option {
  id: string;
  label: string;
}

interface Props {
  meetingId: string;
  agencies: readonly { id: string; name: string }[];
  /** Young people on the agenda the action may be about. */
  people: readonly Option[];
}

interface Draft {
  description: string;
  ownerAgencyId: string;
  owner: string;
  dueOn: string;
  youngPersonId: string;
}

const EMPTY: Draft = { description: '', ownerAgencyId: '', owner: '', dueOn: '', youngPersonId: '' };

/** Records an action agreed at the meeting; the server names any missing field, shown against it. */
export function ActionForm({ meetingId, agencies, people }: Props) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [recorded, setRecorded] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RecordActionDocument, {
    update: (cache, { data }) => {
      if (data) setMeetingList(cache, meetingId, 'actions', [data.recordAction], 'append');
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'openActions' });
      cache.gc();
    },
  });
  const ids = ACTION_FIELD_IDS;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setRecorded(null);
    try {
      const { data } = await record({
        variables: {
          input: {
            meetingId,
            description: draft.description.trim(),
            ownerAgencyId: draft.ownerAgencyId || null,
            owner: draft.owner.trim() || null,
            dueOn: draft.dueOn.trim() || null,
            youngPersonId: draft.youngPersonId || null,
          },
        },
      });
      setErrors(NO_ERRORS);
      setDraft(EMPTY);
      setRecorded(data ? `Action recorded: ${data.recordAction.description}` : 'Action recorded');
    } catch (error) {
      setErrors(formErrorsFrom(error, ids));
    }
  }

  return (
    <form noValidate className="app-meeting-inline-form" onSubmit={(e) => void submit(e)} aria-labelledby="action-form-heading">
      <h3 className="govuk-heading-s" id="action-form-heading">
        Record an action
      </h3>
      <ErrorSummary items={errors.summary} />
      {recorded ? (
        <p className="govuk-body app-meeting-success" role="status">
          {recorded}
        </p>
      ) : null}
      <Textarea id={ids.description} label="What is to be done" value={draft.description} onChange={(description) => set({ description })} error={errors.fields[ids.description]} />
      <Select
        id={ids.ownerAgencyId}
        label="Agency that owns it"
        value={draft.ownerAgencyId}
        onChange={(ownerAgencyId) => set({ ownerAgencyId })}
        error={errors.fields[ids.ownerAgencyId]}
        options={[{ value: '', label: 'Choose an agency' }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
      />
      <TextInput
        id={ids.owner}
        label="Owner"
        hint="The person in that agency who will do it"
        widthClass="govuk-input--width-20"
        value={draft.owner}
        onChange={(owner) => set({ owner })}
        error={errors.fields[ids.owner]}
      />
      <TextInput id={ids.dueOn} label="Due by" hint="For example, 2026-12-09" widthClass="govuk-input--width-10" value={draft.dueOn} onChange={(dueOn) => set({ dueOn })} error={errors.fields[ids.dueOn]} />
      {people.length > 0 ? (
        <Select
          id={ids.youngPersonId}
          label="Young person it is about (optional)"
          value={draft.youngPersonId}
          onChange={(youngPersonId) => set({ youngPersonId })}
          error={errors.fields[ids.youngPersonId]}
          options={[{ value: '', label: 'None' }, ...people.map((p) => ({ value: p.id, label: p.label }))]}
        />
      ) : null}
      <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
        Record the action
      </button>
    </form>
  );
}
