import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  id: string;
  /** The question, shown as GOV.UK warning text. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** Use the red warning button for actions that take something away. */
  destructive?: boolean;
}

/** "Are you sure?" before an action that cannot simply be undone; takes focus when it appears. */
export function ConfirmStep({ id, children, confirmLabel, onConfirm, onCancel, busy = false, destructive = true }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="app-confirm" role="group" aria-labelledby={id} ref={ref} tabIndex={-1}>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text" id={id}>
          <span className="govuk-visually-hidden">Warning</span>
          {children}
        </strong>
      </div>
      <div className="govuk-button-group">
        <button type="button" className={`govuk-button${destructive ? ' govuk-button--warning' : ''}`} disabled={busy} aria-disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
