import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { AREAS, DIMENSIONS, type Dimension, type Role } from '@mase/shared';
import { Select } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { AnalysisThemesDocument, type AnalysisThemesQuery } from '../../gql/graphql';
import { addMonths, formatMonth, thisMonth } from '../intelligence/months';
import { dimensionLabel, writeFilters, type DashboardFilters } from './filters';
import { chartForMeasure } from './trends';

type Theme = AnalysisThemesQuery['themes']['themes'][number];

/** A p-value as people read it: "p = 0.0003", or "p < 0.0001" when smaller. */
export function formatP(p: number): string {
  if (p < 0.0001) return 'p < 0.0001';
  return `p = ${Number(p.toPrecision(2))}`;
}

/** The test as a sentence: "p = 0.0003, one-sided Poisson test against … (themes need p < 0.01)". */
export function testStatement(theme: Pick<Theme, 'pValue' | 'test'>): string {
  const test = theme.test.replace(/\(p < ([\d.]+)\)/, '(a theme needs p < $1)');
  const plain = test.charAt(0).toLowerCase() + test.slice(1);
  return theme.pValue === null || theme.pValue === undefined ? `No statistical test: ${plain}.` : `${formatP(theme.pValue)}, ${plain}.`;
}

const isDimension = (d: string | null | undefined): d is Dimension => !!d && (DIMENSIONS as readonly string[]).includes(d);

interface Props {
  role: Role;
  filters: DashboardFilters;
  /** Widget ids shown on the page, by dimension. */
  widgetFor: (dimension: Dimension) => string | null;
  /** Shows only one model of CSE (sets the dashboard's model filter). */
  onFilterModel?: (model: string) => void;
}

/** Themes of a month: counts that moved more than chance would explain, each with its test and the data behind it. */
export function WhatChanged({ role, filters, widgetFor, onFilterModel }: Props) {
  const latestComplete = addMonths(thisMonth(), -1);
  const [period, setPeriod] = useState(latestComplete);
  const { data, error, refetch } = useQuery(AnalysisThemesDocument, { variables: { period } });
  const months = Array.from({ length: 24 }, (_, i) => addMonths(latestComplete, -i));
  const canSeePlaces = AREAS.find((a) => a.key === 'intelligence')?.roles.includes(role) ?? false;
  const trendsSearch = writeFilters(filters).toString();

  function dataLink(theme: Theme) {
    const link = theme.link;
    if (link.kind === 'MEASURE') {
      const chart = chartForMeasure(link.measure);
      return (
        <Link className="govuk-link" to={`/analysis/trends?${trendsSearch}#${chart?.id ?? 'trends'}`}>
          See {chart ? chart.title.toLowerCase() : 'the monthly trends'} on the trends page
        </Link>
      );
    }
    if (link.kind === 'DIMENSION' && isDimension(link.dimension)) {
      const widget = widgetFor(link.dimension);
      const model = link.dimension === 'MODEL' && link.category && onFilterModel ? link.category : null;
      return (
        <>
          {widget ? (
            <a
              className="govuk-link"
              href={`#${widget}`}
              onClick={(e) => {
                const target = document.getElementById(`${widget}-title`);
                if (!target) return;
                e.preventDefault();
                target.scrollIntoView();
                target.focus({ preventScroll: true });
              }}
            >
              See the chart of {dimensionLabel(link.dimension).toLowerCase()}
            </a>
          ) : null}
          {model ? (
            <>
              {widget ? ' or ' : null}
              <button type="button" className="app-link-button govuk-link" onClick={() => onFilterModel?.(model)}>
                show only young people with this model
              </button>
            </>
          ) : null}
        </>
      );
    }
    if (link.kind === 'PLACE' && link.locationId && canSeePlaces) {
      return (
        <Link className="govuk-link" to={`/intelligence/places/${link.locationId}`}>
          See the place and its hot-spot reports
        </Link>
      );
    }
    return null;
  }

  return (
    <section className="app-what-changed" aria-labelledby="what-changed-title">
      <h2 className="govuk-heading-m" id="what-changed-title">
        What changed
      </h2>
      <Select
        id="themes-month"
        label="Month"
        value={period}
        options={months.map((m) => ({ value: m, label: `${formatMonth(m)}${m === latestComplete ? ' (last complete month)' : ''}` }))}
        onChange={setPeriod}
      />
      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !data ? (
        <Loading what="Looking for themes" />
      ) : (
        <>
          <p className="govuk-body-s">
            How themes are found: {data.themes.method} These are about the whole list, whatever the filters above.
          </p>
          {data.themes.themes.length === 0 ? (
            <p className="govuk-body">
              Nothing changed in {formatMonth(data.themes.period)} more than chance would explain. Choose another month to look back, or see the monthly trends.
            </p>
          ) : (
            <ul className="govuk-list app-themes">
              {data.themes.themes.map((t, i) => (
                <li key={`${t.kind}-${t.title}-${i}`} className="app-theme">
                  <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{t.title}</h3>
                  <p className="govuk-body govuk-!-margin-bottom-1">{t.detail}.</p>
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    Observed {t.observed}
                    {t.expected !== null && t.expected !== undefined ? `, expected ${t.expected.toFixed(1)}` : ''}. {testStatement(t)}
                  </p>
                  <p className="govuk-body-s">{dataLink(t)}</p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
