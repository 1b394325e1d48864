import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { AREAS, type Dimension } from '@mase/shared';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { AnalysisProfileDocument, type SessionUserFragment } from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { formatMonth } from '../intelligence/months';
import { AnalysisIntro } from './AnalysisIntro';
import { FilterBar } from './FilterBar';
import { hasPersonFilters, readFilters, toAnalyticsFilter, writeFilters, type DashboardFilters } from './filters';
import { gridOf, TOTAL } from './profile';
import { ProfileWidget } from './ProfileWidget';
import { SavedViews } from './SavedViews';
import { WhatChanged } from './WhatChanged';
import type { Frame } from './Widget';
import './analysis.css';

interface WidgetDef {
  dimension: Dimension | typeof TOTAL;
  title: string;
  frame: Frame;
  hint?: string;
}

const MULTI = 'One young person can count in several categories, so the bars add up to more than the list.';

/** The victim profile's widgets, in order. */
export const PROFILE_WIDGETS: WidgetDef[] = [
  { dimension: TOTAL, title: 'List size over time', frame: 'year', hint: 'Young people on the MASE list at the end of each month (this month: today).' },
  { dimension: 'RAG', title: 'RAG rating over time', frame: 'year', hint: 'Each young person’s RAG rating at their latest screening on the day counted.' },
  { dimension: 'AGE_BAND', title: 'Age band', frame: 'latest', hint: 'Age on the day counted.' },
  { dimension: 'GENDER', title: 'Gender', frame: 'latest' },
  { dimension: 'ETHNICITY', title: 'Ethnicity', frame: 'latest' },
  { dimension: 'LEGAL_STATUS', title: 'Legal status', frame: 'latest' },
  { dimension: 'PLACEMENT', title: 'Placement', frame: 'latest' },
  { dimension: 'SEND', title: 'Special educational needs and disability (SEND)', frame: 'latest' },
  { dimension: 'EDUCATION', title: 'Education', frame: 'latest' },
  { dimension: 'PRESENTATION', title: 'Presentation', frame: 'latest' },
  { dimension: 'MODEL', title: 'Models of CSE', frame: 'latest', hint: MULTI },
  { dimension: 'SAFEGUARD_AREA', title: 'SAFEGUARD areas with indicators present', frame: 'latest', hint: MULTI },
  { dimension: 'PUSH_FACTOR', title: 'Push factors', frame: 'latest', hint: MULTI },
  { dimension: 'PULL_FACTOR', title: 'Pull factors', frame: 'latest', hint: MULTI },
];

const DIMENSIONS_SHOWN = PROFILE_WIDGETS.flatMap((w) => (w.dimension === TOTAL ? [] : [w.dimension]));
export const widgetId = (d: Dimension | typeof TOTAL) => `widget-${d.toLowerCase().replace(/_/g, '-')}`;

/**
 * Roles with case-level access (those who may use the MASE list) filter by young person and open the
 * list from a count; the rest see whole-list figures through disclosure control, as the server does.
 */
export function canUsePersonFilters(role: SessionUserFragment['role']): boolean {
  return AREAS.find((a) => a.key === 'list')?.roles.includes(role) ?? false;
}

export function AnalysisPage({ me }: { me: SessionUserFragment }) {
  usePageTitle('Victim profile');
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const personFilters = canUsePersonFilters(me.role);
  const sent = toAnalyticsFilter(filters, personFilters);
  const apply = (f: DashboardFilters) => setParams(writeFilters(f));
  const profile = useQuery(AnalysisProfileDocument, { variables: { filter: sent, dimensions: DIMENSIONS_SHOWN } });
  const data = profile.data?.victimProfile;
  const grids = useMemo(() => (data ? new Map(PROFILE_WIDGETS.map((w) => [w.dimension, gridOf(data, w.dimension)])) : null), [data]);
  const empty = data ? data.totals.every((t) => t.count.value === 0) : false;
  const filterKey = writeFilters(filters).toString();

  return (
    <>
      <AnalysisIntro current="profile" filters={filters} title="Victim profile">
        Who is on the MASE list at the end of each month, broken down by what the screenings record. Every chart obeys the filters; each has a table with the same
        figures, and downloads.
      </AnalysisIntro>
      {!personFilters ? (
        <div className="govuk-inset-text" data-testid="agency-lead-note">
          <p className="govuk-body">
            Your role sees figures for the whole list by month. Filters by RAG rating, age band, gender, model, ward or legal status are not available to you, because
            comparing filtered figures could reveal a small group of young people.
          </p>
          <p className="govuk-body govuk-!-margin-bottom-0">
            Counts from 1 to 5 show as <strong>c</strong> (some other counts are hidden too, where a total would give a small one away).
          </p>
          {hasPersonFilters(filters) ? <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">This address or view also had filters by young person: they have been left out.</p> : null}
        </div>
      ) : null}
      <FilterBar key={filterKey} filters={filters} onApply={apply} personFilters={personFilters} />
      <details className="govuk-details app-saved-views-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Saved views: save these filters, or open a view</span>
        </summary>
        <div className="govuk-details__text">
          <SavedViews filters={filters} personFilters={personFilters} path="/analysis" />
        </div>
      </details>
      {personFilters ? (
        <WhatChanged
          role={me.role}
          filters={filters}
          widgetFor={(d) => (PROFILE_WIDGETS.some((w) => w.dimension === d) ? widgetId(d) : null)}
          onFilterModel={(model) => apply({ ...filters, model: [model] })}
        />
      ) : null}
      <h2 className="govuk-heading-l app-analysis-section">
        The list from {formatMonth(filters.from)} to {formatMonth(filters.to)}
      </h2>
      {profile.error && !data ? (
        <QueryError error={profile.error} onRetry={() => void profile.refetch().catch(() => undefined)} />
      ) : !data || !grids ? (
        <Loading what="Counting the list" />
      ) : empty ? (
        <div className="govuk-inset-text" data-testid="profile-empty">
          Nobody was on the MASE list from {formatMonth(filters.from)} to {formatMonth(filters.to)}
          {personFilters && hasPersonFilters(filters) ? ' with these filters' : ''}. Widen the months{personFilters ? ', or clear the filters by young person' : ''} to
          see more. Young people join the list when a screening that meets the threshold is signed off.
        </div>
      ) : (
        <div className="app-widgets">
          {PROFILE_WIDGETS.map((w) => (
            <ProfileWidget
              key={w.dimension}
              id={widgetId(w.dimension)}
              title={w.title}
              hint={w.hint}
              dimension={w.dimension}
              grid={grids.get(w.dimension)!}
              defaultFrame={w.frame}
              filters={filters}
              sent={sent}
              canList={personFilters}
            />
          ))}
        </div>
      )}
    </>
  );
}
