import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { writeFilters, type DashboardFilters } from './filters';

/** The heading of an analysis page and the links between its pages (carrying the filters). */
export function AnalysisIntro({ current, filters, title, children }: { current: 'profile' | 'trends'; filters: DashboardFilters; title: string; children: ReactNode }) {
  const search = `?${writeFilters(filters).toString()}`;
  const pages = [
    { key: 'profile', label: 'Victim profile', to: `/analysis${search}` },
    { key: 'trends', label: 'Trends', to: `/analysis/trends${search}` },
  ] as const;
  return (
    <>
      <span className="govuk-caption-l">Analysis</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <nav className="app-analysis-nav" aria-label="Analysis pages">
        <ul className="app-analysis-nav__list">
          {pages.map((p) => (
            <li key={p.key} className={`app-analysis-nav__item${p.key === current ? ' app-analysis-nav__item--current' : ''}`}>
              <Link className="govuk-link govuk-link--no-visited-state" to={p.to} aria-current={p.key === current ? 'page' : undefined}>
                {p.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="govuk-body-l">{children}</p>
    </>
  );
}
