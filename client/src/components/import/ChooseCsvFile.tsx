import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorSummary } from '../ErrorSummary';
import { formErrors, hasErrors, NO_ERRORS, type ErrorItem, type FormErrors } from '../../lib/errors';
import { MAX_FILE_BYTES } from './importRows';

/** The id of the file input: API errors about the file link here (`#import-file`). */
export const FILE_INPUT_ID = 'import-file';

interface Props {
  /** While the file is read and checked: the button does nothing. */
  busy: boolean;
  /** Errors from the API about the file, shown when the browser's own checks pass. */
  errors: ErrorItem[];
  onChosen: (file: File) => void;
  /** The file input's label. */
  label: string;
  /** The button's text, and its text while busy. */
  buttonText?: string;
  busyText?: string;
  /** What to say between the error summary and the form: what the file holds, the template. */
  children?: ReactNode;
}

/** Choosing a CSV file: an error summary, the file input (up to 5 MB) with its inline error, and a button. */
export function ChooseCsvFile({ busy, errors, onChosen, label, buttonText = 'Continue', busyText, children }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const shown = hasErrors(local) ? local.summary : errors;
  const fieldError = local.fields[FILE_INPUT_ID] ?? errors.find((e) => e.href === `#${FILE_INPUT_ID}`)?.text;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found = formErrors([
      {
        id: FILE_INPUT_ID,
        message: !file ? 'Choose a CSV file' : file.size > MAX_FILE_BYTES ? 'The file is larger than 5 MB. Split it into smaller files and import each one' : null,
      },
    ]);
    setLocal(found);
    if (!hasErrors(found) && file) onChosen(file);
  }

  return (
    <>
      <ErrorSummary items={shown} />
      {children}
      <form noValidate onSubmit={submit}>
        <div className={`govuk-form-group${fieldError ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor={FILE_INPUT_ID}>
            {label}
          </label>
          <div id={`${FILE_INPUT_ID}-hint`} className="govuk-hint">
            Up to 5 MB
          </div>
          {fieldError ? (
            <p id={`${FILE_INPUT_ID}-error`} className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {fieldError}
            </p>
          ) : null}
          <input
            className={`govuk-file-upload${fieldError ? ' govuk-file-upload--error' : ''}`}
            id={FILE_INPUT_ID}
            name={FILE_INPUT_ID}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={fieldError ? `${FILE_INPUT_ID}-hint ${FILE_INPUT_ID}-error` : `${FILE_INPUT_ID}-hint`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          {busy && busyText ? busyText : buttonText}
        </button>
      </form>
    </>
  );
}
