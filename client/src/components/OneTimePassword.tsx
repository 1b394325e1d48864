import { useEffect, useRef } from 'react';

interface Props {
  title: string;
  name: string;
  password: string;
  /** The panel's title is the page's main heading when the page exists to show it. */
  headingLevel?: 1 | 2;
}

/** Shows a one-time password once, with what to do with it. */
export function OneTimePassword({ title, name, password, headingLevel = 2 }: Props) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const panel = useRef<HTMLDivElement>(null);
  // The password replaces the button that asked for it: move focus here so it is read out.
  useEffect(() => {
    panel.current?.focus();
  }, [password]);
  return (
    <div className="govuk-panel govuk-panel--confirmation app-one-time-password" ref={panel} tabIndex={-1}>
      <Heading className="govuk-panel__title">{title}</Heading>
      <div className="govuk-panel__body">
        <p className="govuk-body app-panel-text">One-time password</p>
        <p className="app-one-time-password__value">
          <code data-testid="temporary-password">{password}</code>
        </p>
        <p className="govuk-body app-panel-text govuk-!-margin-bottom-0">
          Give this one-time password to {name} securely. They must choose their own password when they first sign in. It will not be shown
          again.
        </p>
      </div>
    </div>
  );
}
