import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { TextInput } from '../../../components/fields';
import { formErrors, hasErrors, NO_ERRORS, type FormErrors } from '../../../lib/errors';
import { isMonth, thisMonth } from '../months';

/** What is wrong with a month typed for a monthly report, or null. */
export function reportMonthProblem(value: string, now = thisMonth()): string | null {
  if (!isMonth(value)) return 'Enter the month as yyyy-mm, for example 2026-03';
  if (value.trim() > now) return 'The month must not be in the future';
  return null;
}

interface Props {
  initial: string;
  /** A problem with the month in the address, shown until a month is chosen. */
  problem?: string | null;
  hint?: string;
  onChoose: (month: string) => void;
}

/** Step one of a monthly report: which month it is for. */
export function MonthStep({ initial, problem, hint, onChoose }: Props) {
  const [month, setMonth] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(() => (problem ? formErrors([{ id: 'month', message: problem }]) : NO_ERRORS));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = formErrors([{ id: 'month', message: reportMonthProblem(month) }]);
    setErrors(found);
    if (!hasErrors(found)) onChoose(month.trim());
  }

  return (
    <>
      <ErrorSummary items={errors.summary} />
      <form noValidate onSubmit={submit} aria-label="Choose the month">
        <TextInput
          id="month"
          label="Which month is the report for?"
          labelClass="govuk-label--s"
          hint={hint ?? 'yyyy-mm, for example 2026-03. If the month has a report already, you can correct it.'}
          widthClass="govuk-input--width-10"
          autoComplete="off"
          value={month}
          onChange={setMonth}
          error={errors.fields.month}
        />
        <button type="submit" className="govuk-button">
          Continue
        </button>
      </form>
    </>
  );
}
