import type { Area } from '@mase/shared';
import { usePageTitle } from '../lib/usePageTitle';
import { Tag } from './Tag';

/** The page for an area the role may use but that is not built yet: says so plainly and shows no data. */
export function NotAvailableYet({ area }: { area: Area }) {
  usePageTitle(area.label);
  return (
    <>
      <h1 className="govuk-heading-l">{area.label}</h1>
      <p className="govuk-body-l">{area.summary}</p>
      <div className="govuk-inset-text">
        <p className="govuk-body">
          <Tag colour="grey">Not available yet</Tag>
        </p>
        <p className="govuk-body">This part of MASE Hub is not available yet, so nothing is shown here.</p>
        <p className="govuk-body govuk-!-margin-bottom-0">Keep using your current process for this work until it is.</p>
      </div>
    </>
  );
}
