import type { ReactNode } from 'react';

/** A GOV.UK summary list row; an empty value reads "Not recorded". */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children === '' || children == null ? 'Not recorded' : children}</dd>
    </div>
  );
}
