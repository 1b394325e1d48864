import { useEffect, useRef } from 'react';

interface Props {
  codes: readonly string[];
  onSaved: () => void;
  busy?: boolean;
}

/** The recovery codes, shown this once, with a plain warning to save them now. */
export function RecoveryCodes({ codes, onSaved, busy = false }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div data-testid="recovery-codes-step">
      <div className="govuk-panel govuk-panel--confirmation">
        <h2 className="govuk-panel__title" ref={heading} tabIndex={-1}>
          Two-step verification is on
        </h2>
        <div className="govuk-panel__body">You will need a code from your authenticator app every time you sign in.</div>
      </div>
      <h3 className="govuk-heading-m">Save your recovery codes now</h3>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Save these recovery codes now. You will not be able to see them again.
        </strong>
      </div>
      <p className="govuk-body">
        If you lose your phone or cannot use your authenticator app, you can sign in with one of these codes instead. Each code works
        once. Keep them somewhere safe that only you can get to, such as a password manager, or print them and lock them away.
      </p>
      <ol className="app-recovery-codes" aria-label="Your recovery codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <button type="button" className="govuk-button" disabled={busy} aria-disabled={busy} onClick={onSaved}>
        I have saved my recovery codes
      </button>
    </div>
  );
}
