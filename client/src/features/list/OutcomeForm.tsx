import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextInput, Textarea } from '../../components/fields';
import { RecordAssessmentOutcomeDocument, type AssessmentOutcome } from '../../gql/graphql';
import { formErrors, formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { formatDay, isDay, Radios, today } from './common';

export const OUTCOME_LABELS: Record<AssessmentOutcome, string> = {
  STRATEGY_DISCUSSION: 'Strategy discussion held',
  S47_ENQUIRY: 'Section 47 enquiry',
  CHILD_PROTECTION_PLAN: 'Child protection plan',
  CHILD_IN_NEED_PLAN: 'Child in need plan',
  NO_FURTHER_ACTION: 'No further action',
};

const OUTCOMES = Object.keys(OUTCOME_LABELS) as AssessmentOutcome[];

/** What a screening led to, once recorded. */
export function OutcomeText({ outcome, outcomeOn, reason }: { outcome: AssessmentOutcome; outcomeOn?: string | null; reason?: string | null }) {
  return (
    <>
      {OUTCOME_LABELS[outcome]}
      {outcomeOn ? ` on ${formatDay(outcomeOn)}` : ''}
      {reason ? `: ${reason}` : ''}
    </>
  );
}

/** Records what a screening led to (co-ordinators and co-chairs). */
export function OutcomeForm({ assessmentId, onDone }: { assessmentId: string; onDone: () => void }) {
  const [outcome, setOutcome] = useState('');
  const [outcomeOn, setOutcomeOn] = useState(today());
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [record, { loading }] = useMutation(RecordAssessmentOutcomeDocument);
  const ids = { outcome: `outcome-${assessmentId}`, outcomeOn: `outcome-on-${assessmentId}`, reason: `outcome-reason-${assessmentId}` };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const found = formErrors([
      { id: ids.outcome, message: outcome ? null : 'Choose the outcome' },
      {
        id: ids.outcomeOn,
        message: !isDay(outcomeOn) ? 'Enter the date as yyyy-mm-dd, for example 2026-03-27' : outcomeOn.trim() > today() ? 'The date must be today or in the past' : null,
      },
      { id: ids.reason, message: outcome === 'NO_FURTHER_ACTION' && !reason.trim() ? 'Give the reason for no further action' : null },
    ]);
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      await record({ variables: { input: { assessmentId, outcome: outcome as AssessmentOutcome, outcomeOn: outcomeOn.trim(), reason: reason.trim() || null } } });
      onDone();
    } catch (error) {
      setErrors(formErrorsFrom(error, ids));
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="app-inline-form" aria-labelledby={`${ids.outcome}-heading`}>
      <h4 className="govuk-heading-s" id={`${ids.outcome}-heading`}>
        Record the outcome
      </h4>
      <ErrorSummary items={errors.summary} />
      <Radios
        id={ids.outcome}
        legend="What did the screening lead to?"
        small
        value={outcome}
        onChange={setOutcome}
        error={errors.fields[ids.outcome]}
        choices={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
      />
      <TextInput id={ids.outcomeOn} label="Date" hint="For example, 2026-03-27" widthClass="govuk-input--width-10" value={outcomeOn} onChange={setOutcomeOn} error={errors.fields[ids.outcomeOn]} />
      <Textarea
        id={ids.reason}
        label={outcome === 'NO_FURTHER_ACTION' ? 'Reason' : 'Reason (optional)'}
        hint="Required for no further action"
        value={reason}
        onChange={setReason}
        error={errors.fields[ids.reason]}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={loading} aria-disabled={loading}>
        Record the outcome
      </button>
    </form>
  );
}
