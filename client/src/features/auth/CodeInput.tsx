import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  /** `code`: the 6 digits an authenticator app shows; `recovery`: a recovery code. */
  kind?: 'code' | 'recovery';
  labelClass?: string;
}

/**
 * A GOV.UK input for a security code: numeric keyboard on phones, `one-time-code` so browsers and
 * password managers can fill it, no spellcheck.
 */
export function CodeInput({ id, label, hint, error, value, onChange, kind = 'code', labelClass }: Props) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={`govuk-label${labelClass ? ` ${labelClass}` : ''}`} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        className={`govuk-input ${kind === 'code' ? 'govuk-input--width-10' : 'govuk-input--width-20'}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type="text"
        inputMode={kind === 'code' ? 'numeric' : 'text'}
        autoComplete={kind === 'code' ? 'one-time-code' : 'off'}
        autoCapitalize="none"
        spellCheck={false}
        value={value}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
