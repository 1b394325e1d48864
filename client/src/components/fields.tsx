import type { ChangeEvent, ReactNode } from 'react';

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  );
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <div id={`${id}-hint`} className="govuk-hint">
      {hint}
    </div>
  );
}

function groupClass(error?: string): string {
  return `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;
}

interface TextInputProps {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'search' | 'date';
  autoComplete?: string;
  /** A GOV.UK width class such as govuk-input--width-20 or govuk-!-width-one-half. */
  widthClass?: string;
  spellCheck?: boolean;
  labelClass?: string;
}

/** A GOV.UK text input with its label, hint and inline error. */
export function TextInput({ id, name, label, hint, error, value, onChange, type = 'text', autoComplete, widthClass, spellCheck, labelClass }: TextInputProps) {
  return (
    <div className={groupClass(error)}>
      <label className={`govuk-label${labelClass ? ` ${labelClass}` : ''}`} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <input
        className={['govuk-input', widthClass, error ? 'govuk-input--error' : null].filter(Boolean).join(' ')}
        id={id}
        name={name ?? id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

interface SelectProps {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  options: SelectOption[];
  onChange: (value: string) => void;
  labelClass?: string;
}

/** A GOV.UK select with its label, hint and inline error. */
export function Select({ id, name, label, hint, error, value, options, onChange, labelClass }: SelectProps) {
  return (
    <div className={groupClass(error)}>
      <label className={`govuk-label${labelClass ? ` ${labelClass}` : ''}`} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={name ?? id}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface TextareaProps {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}

/** A GOV.UK textarea with its label, hint and inline error. */
export function Textarea({ id, name, label, hint, error, value, onChange, rows = 3 }: TextareaProps) {
  return (
    <div className={groupClass(error)}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={name ?? id}
        rows={rows}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

interface CheckboxProps {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A single GOV.UK checkbox. */
export function Checkbox({ id, name, label, hint, checked, onChange }: CheckboxProps) {
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={id}
            name={name ?? id}
            type="checkbox"
            checked={checked}
            aria-describedby={hint ? `${id}-hint` : undefined}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint ? (
            <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
