import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { TextInput, Textarea } from '../../../components/fields';
import { IntelRecordDisruptionDocument, type DisruptionType, type RecordDisruptionInput } from '../../../gql/graphql';
import { formErrors, formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../../lib/errors';
import { isDay, Radios, today } from '../../list/common';
import { DISRUPTION_TYPE_CHOICES } from './common';

export interface DisruptionDraft {
  type: string;
  date: string;
  notes: string;
}

export const disruptionIds = { type: 'disruption-type', date: 'disruption-date', notes: 'disruption-notes' } as const;

/** Checks a disruption in the browser; returns the errors to show, or the input to send. */
export function checkDisruption(personOfConcernId: string, d: DisruptionDraft, on = today()): { errors: FormErrors; input?: RecordDisruptionInput } {
  const errors = formErrors([
    { id: disruptionIds.type, message: d.type ? null : 'Choose the type of disruption' },
    {
      id: disruptionIds.date,
      message: !isDay(d.date) ? 'Enter the date of the disruption as yyyy-mm-dd, for example 2026-03-27' : d.date.trim() > on ? 'The date of a disruption cannot be in the future' : null,
    },
    { id: disruptionIds.notes, message: d.notes.trim().length > 4000 ? 'Notes must be 4000 characters or fewer' : null },
  ]);
  if (hasErrors(errors)) return { errors };
  return { errors, input: { personOfConcernId, type: d.type as DisruptionType, date: d.date.trim(), notes: d.notes.trim() || null } };
}

/** Records a disruption (CAWN, order, arrest or other) on the person of concern page. */
export function DisruptionForm({ personOfConcernId }: { personOfConcernId: string }) {
  const empty = (): DisruptionDraft => ({ type: '', date: today(), notes: '' });
  const [draft, setDraft] = useState<DisruptionDraft>(empty);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState<string | null>(null);
  // The mutation returns the person with their disruptions, so the table above updates from the cache.
  const [record, { loading }] = useMutation(IntelRecordDisruptionDocument);
  const set = (patch: Partial<DisruptionDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setDone(null);
    const checked = checkDisruption(personOfConcernId, draft);
    setErrors(checked.errors);
    if (!checked.input) return;
    try {
      await record({ variables: { input: checked.input } });
      const label = DISRUPTION_TYPE_CHOICES.find((c) => c.value === checked.input?.type)?.label ?? 'Disruption';
      setDraft(empty());
      setDone(`${label} recorded`);
    } catch (error) {
      setErrors(formErrorsFrom(error, { type: disruptionIds.type, date: disruptionIds.date, notes: disruptionIds.notes }));
    }
  }

  return (
    <>
      {done ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="disruption-done">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading" id="disruption-done">
              {done}
            </p>
          </div>
        </div>
      ) : null}
      <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="disruption-heading" className="app-inline-form">
        <h3 className="govuk-heading-s" id="disruption-heading">
          Record a disruption
        </h3>
        <ErrorSummary items={errors.summary} />
        <Radios id={disruptionIds.type} legend="Type of disruption" choices={DISRUPTION_TYPE_CHOICES} value={draft.type} onChange={(type) => set({ type })} error={errors.fields[disruptionIds.type]} />
        <TextInput
          id={disruptionIds.date}
          label="Date"
          hint="For example, 2026-03-27"
          widthClass="govuk-input--width-10"
          autoComplete="off"
          value={draft.date}
          onChange={(date) => set({ date })}
          error={errors.fields[disruptionIds.date]}
        />
        <Textarea
          id={disruptionIds.notes}
          label="Notes (optional)"
          hint="For example the order made, its conditions and when it ends"
          value={draft.notes}
          onChange={(notes) => set({ notes })}
          error={errors.fields[disruptionIds.notes]}
        />
        <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
          Record the disruption
        </button>
      </form>
    </>
  );
}
