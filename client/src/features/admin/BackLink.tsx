import { Link } from 'react-router';

export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  );
}
