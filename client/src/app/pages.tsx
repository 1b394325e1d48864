import { Link } from 'react-router';
import { usePageTitle } from '../lib/usePageTitle';

export function AccessDeniedPage() {
  usePageTitle('You do not have access to this page');
  return (
    <>
      <h1 className="govuk-heading-l">You do not have access to this page</h1>
      <p className="govuk-body">Your role in MASE Hub does not include this page.</p>
      <p className="govuk-body">If you need it for your work with the panel, ask your MASE Hub administrator.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          Go to your home page
        </Link>
      </p>
    </>
  );
}

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          Go to your home page
        </Link>
      </p>
    </>
  );
}
