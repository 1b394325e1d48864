import { useId, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { rangeError, type MonthRange } from './months';

/** Two month inputs (yyyy-mm) and a button that applies them. */
export function MonthRangeForm({ value, onChange }: { value: MonthRange; onChange: (range: MonthRange) => void }) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const range = { from: draft.from.trim(), to: draft.to.trim() };
    const problem = rangeError(range);
    setError(problem);
    if (!problem) onChange(range);
  };
  return (
    <form onSubmit={submit} noValidate>
      {error ? <ErrorSummary items={[{ text: error, href: `#${id}-from` }]} /> : null}
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Months to show</legend>
        <div className="app-range">
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor={`${id}-from`}>
              From (yyyy-mm)
            </label>
            <input
              id={`${id}-from`}
              className="govuk-input govuk-input--width-10"
              type="month"
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
          </div>
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor={`${id}-to`}>
              To (yyyy-mm)
            </label>
            <input
              id={`${id}-to`}
              className="govuk-input govuk-input--width-10"
              type="month"
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            />
          </div>
          <div className="govuk-form-group">
            <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
              Show
            </button>
          </div>
        </div>
      </fieldset>
    </form>
  );
}
