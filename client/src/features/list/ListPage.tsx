import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  CSE_MODEL_LABELS,
  CSE_MODELS,
  GENDER_LABELS,
  GENDERS,
  LEGAL_STATUS_LABELS,
  LEGAL_STATUSES,
  PLACEMENT_TYPE_LABELS,
  PLACEMENT_TYPES,
  RAGS,
  type AgeBand,
  type CseModel,
  type Gender,
  type LegalStatus,
  type PlacementType,
  type Rag,
} from '@mase/shared';
import { DataTable } from '../../components/DataTable';
import { Select, TextInput } from '../../components/fields';
import { Flash } from '../../components/Flash';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import {
  AnalysisListTrendsDocument,
  YoungPeopleDocument,
  type FlowMeasure,
  type SessionUserFragment,
  type YoungPeopleFilter,
  type YoungPeopleSort,
  type YoungPersonRowFragment,
} from '../../gql/graphql';
import { filterLabel, FILTER_LEGENDS, PERSON_FILTERS } from '../analysis/filters';
import { chartForMeasure, readCohort } from '../analysis/trends';
import { formatMonth } from '../intelligence/months';
import { usePageTitle } from '../../lib/usePageTitle';
import { canIdentify, Checkboxes, choicesOf, isDay, isKeeper, Overdue, RAG_LABELS, RagTag, formatDay } from './common';
import { useLoadMore } from '../../lib/useLoadMore';

const PAGE_SIZE = 50;

export interface ListFilters {
  search: string;
  rag: Rag[];
  score: string[];
  review: string;
  model: CseModel[];
  ageBand: AgeBand[];
  legalStatus: LegalStatus[];
  placementType: PlacementType[];
  gender: Gender[];
  /** Home wards (set from the analysis dashboard's address). */
  ward: string[];
  /** 'on' (default), 'off' or 'all'. */
  onList: string;
  /** Those on the list on this past date (yyyy-mm-dd), screenings as they were then; overrides onList. */
  onListOn: string;
  /** The young people behind a month's count on the trends (from the trends' address); the person filters are then the dashboard's, judged at the month end. */
  cohort: { measure: FlowMeasure; month: string } | null;
  sort: YoungPeopleSort;
}

export const NO_FILTERS: ListFilters = {
  search: '',
  rag: [],
  score: [],
  review: '',
  model: [],
  ageBand: [],
  legalStatus: [],
  placementType: [],
  gender: [],
  ward: [],
  onList: 'on',
  onListOn: '',
  cohort: null,
  sort: 'SCORE',
};

/**
 * Filters given in the address, e.g. /list?onListOn=2026-03-31&rag=RED&gender=FEMALE (how the
 * analysis dashboard opens the young people behind a count). Unknown values are ignored.
 */
export function listFiltersFromUrl(params: URLSearchParams): ListFilters {
  const pick = <T extends string>(key: string, allowed: readonly T[]): T[] => params.getAll(key).filter((v): v is T => (allowed as readonly string[]).includes(v));
  const onListOn = params.get('onListOn') ?? '';
  return {
    ...NO_FILTERS,
    rag: pick('rag', RAGS),
    score: pick('score', ['0', '1', '2', '3']),
    ageBand: pick('ageBand', AGE_BANDS),
    legalStatus: pick('legalStatus', LEGAL_STATUSES),
    placementType: pick('placementType', PLACEMENT_TYPES),
    model: pick('model', CSE_MODELS),
    gender: pick('gender', GENDERS),
    ward: params.getAll('ward').filter((w) => w.trim().length > 0 && w.length <= 100),
    onListOn: isDay(onListOn) ? onListOn : '',
    cohort: readCohort(params),
  };
}

const orNull = <T,>(xs: T[]): T[] | null => (xs.length > 0 ? xs : null);

export function toFilter(f: ListFilters): YoungPeopleFilter {
  if (f.cohort) {
    // The dashboard's filters belong to the cohort: the server judges them as the trends do.
    return {
      search: f.search.trim() || null,
      cohort: { ...f.cohort, rag: orNull(f.rag), ageBand: orNull(f.ageBand), gender: orNull(f.gender), model: orNull(f.model), ward: orNull(f.ward), legalStatus: orNull(f.legalStatus) },
    };
  }
  return {
    search: f.search.trim() || null,
    rag: orNull(f.rag),
    score: orNull(f.score.map(Number)),
    review: f.review === 'DUE' || f.review === 'OVERDUE' ? f.review : null,
    model: orNull(f.model),
    ageBand: orNull(f.ageBand),
    legalStatus: orNull(f.legalStatus),
    placementType: orNull(f.placementType),
    gender: orNull(f.gender),
    ward: orNull(f.ward),
    onList: f.onList === 'off' ? false : f.onList === 'all' ? null : true,
    onListOn: f.onListOn || null,
  };
}

function isFiltered(f: ListFilters): boolean {
  return JSON.stringify(f) !== JSON.stringify(NO_FILTERS);
}

/** What each measure counts, where it is not young people. */
const COUNTED: Partial<Record<FlowMeasure, string>> = {
  escalations: 'screenings',
  deescalations: 'screenings',
  reviewsOnTime: 'reviews',
  reviewsLate: 'reviews',
  missingEpisodes: 'missing episodes',
  missingOnList: 'missing episodes',
};

/** A cohort opened from the trends: the measure, the month and its count (as the trends count it), the filters, and the way back. */
function CohortHeading({ filters, params }: { filters: ListFilters; params: URLSearchParams }) {
  const cohort = filters.cohort!;
  const persons = PERSON_FILTERS.filter((k) => filters[k].length);
  const { data, error } = useQuery(AnalysisListTrendsDocument, {
    variables: { filter: { from: cohort.month, to: cohort.month, ...Object.fromEntries(persons.map((k) => [k, filters[k]])) } },
  });
  const measure = data?.listTrends.measures.find((m) => m.measure === cohort.measure);
  const count = measure?.points.find((p) => p.period === cohort.month)?.count.display;
  const back = new URLSearchParams(params);
  back.delete('cohort');
  back.delete('month');
  const chart = chartForMeasure(cohort.measure);
  const counted = COUNTED[cohort.measure];
  return (
    <div className="govuk-inset-text" data-testid="list-cohort">
      <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
        {measure?.label ?? 'The young people behind a count'}: {formatMonth(cohort.month)}
      </h2>
      {count !== undefined ? (
        <p className="govuk-body govuk-!-font-weight-bold" data-testid="cohort-count">
          {counted ? `${count} ${counted}, of the young people below (one young person can count more than once)` : `${count} ${count === '1' ? 'young person' : 'young people'}`}
        </p>
      ) : error ? (
        <p className="govuk-body">The count could not be loaded; the young people behind it are below.</p>
      ) : (
        <p className="govuk-body">Counting…</p>
      )}
      <p className="govuk-body">
        As the trends count them
        {persons.length ? `, with ${persons.map((k) => `${FILTER_LEGENDS[k].toLowerCase()}: ${filters[k].map((v) => filterLabel(k, v)).join(', ')}`).join('; ')}` : ''}, each young person as
        they were at the month end. Young people who have since left the list are included.
      </p>
      <p className="govuk-body govuk-!-margin-bottom-0">
        <Link className="govuk-link" to={`/analysis/trends?${back.toString()}${chart ? `#${chart.id}` : ''}`}>
          Back to the trends
        </Link>
      </p>
    </div>
  );
}

export function ListPage({ me }: { me: SessionUserFragment }) {
  usePageTitle('MASE list');
  const identify = canIdentify(me.role);
  const keeper = isKeeper(me.role);
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState<ListFilters>(() => listFiltersFromUrl(params));
  const [applied, setApplied] = useState<ListFilters>(() => listFiltersFromUrl(params));
  const { data, error, loading, fetchMore, refetch } = useQuery(YoungPeopleDocument, {
    variables: { filter: toFilter(applied), page: { first: PAGE_SIZE }, sort: applied.sort, canIdentify: identify },
    fetchPolicy: 'cache-and-network',
  });
  const { loadMore, loadingMore, moreError } = useLoadMore(data?.youngPeople.pageInfo.endCursor, (after) =>
    fetchMore({ variables: { page: { first: PAGE_SIZE, after } } }),
  );

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setApplied(draft);
  }

  function clear() {
    setDraft(NO_FILTERS);
    setApplied(NO_FILTERS);
    if (params.toString()) setParams(new URLSearchParams(), { replace: true });
  }


  const people = data?.youngPeople.nodes ?? [];
  const filtered = isFiltered(applied);
  const retry = () => void refetch().catch(() => undefined);

  return (
    <>
      <Flash />
      <div className="app-heading-with-action">
        <h1 className="govuk-heading-l">MASE list</h1>
        {keeper ? (
          <div className="govuk-button-group">
            <Link to="/list/new" role="button" draggable={false} className="govuk-button" data-module="govuk-button">
              Record a young person
            </Link>
            <Link to="/list/import" className="govuk-link">
              Import from a CSV file
            </Link>
            <Link to="/list/sign-off" role="button" draggable={false} className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Sign-off queue
            </Link>
            <Link to="/list/reviews" role="button" draggable={false} className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Reviews due
            </Link>
          </div>
        ) : null}
      </div>
      <p className="govuk-body">
        Young people at risk of child sexual exploitation, in the order you choose (highest score first to begin with). {identify ? 'Select a name' : 'Select a pseudonym'} to see their screenings and list
        history.
      </p>
      {applied.cohort ? <CohortHeading filters={applied} params={params} /> : null}

      <form className="app-filters" noValidate onSubmit={apply} aria-label="Filter the list">
        <h2 className="govuk-heading-s">Filter the list</h2>
        <div className="app-filters__fields">
          <TextInput
            id="filter-search"
            label={identify ? 'Search by reference or name' : 'Search by pseudonym'}
            type="search"
            value={draft.search}
            onChange={(search) => setDraft({ ...draft, search })}
            spellCheck={false}
          />
          <Select
            id="filter-sort"
            label="Sort by"
            value={draft.sort}
            options={[
              { value: 'SCORE', label: 'Highest score first' },
              { value: 'NEXT_REVIEW', label: 'Review due soonest' },
              { value: 'LAST_ASSESSED', label: 'Most recently screened' },
              { value: 'NAME', label: identify ? 'Surname' : 'Pseudonym' },
            ]}
            onChange={(sort) => setDraft({ ...draft, sort: sort as YoungPeopleSort })}
          />
          {draft.cohort ? null : (
            <>
              <Select
                id="filter-on-list"
                label="List status"
                value={draft.onList}
                options={[
                  { value: 'on', label: 'On the list today' },
                  { value: 'off', label: 'Not on the list' },
                  { value: 'all', label: 'Everyone' },
                ]}
                onChange={(onList) => setDraft({ ...draft, onList })}
              />
              <Select
                id="filter-review"
                label="Review"
                value={draft.review}
                options={[
                  { value: '', label: 'Any' },
                  { value: 'DUE', label: 'Due in the next 14 days' },
                  { value: 'OVERDUE', label: 'Overdue' },
                ]}
                onChange={(review) => setDraft({ ...draft, review })}
              />
            </>
          )}
        </div>
        {draft.cohort ? null : (
          <details className="govuk-details" open={isFiltered({ ...draft, search: '', onList: 'on', review: '' }) || undefined}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">More filters</span>
            </summary>
            <div className="govuk-details__text app-filters__fields app-list-filters">
              <Checkboxes id="filter-rag" legend="RAG" choices={RAGS.map((r) => ({ value: r, label: RAG_LABELS[r] }))} values={draft.rag} onChange={(v) => setDraft({ ...draft, rag: v as Rag[] })} />
              <Checkboxes
                id="filter-score"
                legend="Score"
                choices={['0', '1', '2', '3'].map((s) => ({ value: s, label: s }))}
                values={draft.score}
                onChange={(score) => setDraft({ ...draft, score })}
              />
              <Checkboxes
                id="filter-gender"
                legend="Gender"
                choices={choicesOf(GENDERS, GENDER_LABELS)}
                values={draft.gender}
                onChange={(v) => setDraft({ ...draft, gender: v as Gender[] })}
              />
              <Checkboxes
                id="filter-age-band"
                legend="Age band"
                choices={choicesOf(AGE_BANDS, AGE_BAND_LABELS)}
                values={draft.ageBand}
                onChange={(v) => setDraft({ ...draft, ageBand: v as AgeBand[] })}
              />
              <Checkboxes
                id="filter-placement"
                legend="Placement"
                choices={choicesOf(PLACEMENT_TYPES, PLACEMENT_TYPE_LABELS)}
                values={draft.placementType}
                onChange={(v) => setDraft({ ...draft, placementType: v as PlacementType[] })}
              />
              <Checkboxes
                id="filter-legal-status"
                legend="Legal status"
                choices={choicesOf(LEGAL_STATUSES, LEGAL_STATUS_LABELS)}
                values={draft.legalStatus}
                onChange={(v) => setDraft({ ...draft, legalStatus: v as LegalStatus[] })}
              />
              <Checkboxes
                id="filter-model"
                legend="Model of CSE"
                choices={choicesOf(CSE_MODELS, CSE_MODEL_LABELS)}
                values={draft.model}
                onChange={(v) => setDraft({ ...draft, model: v as CseModel[] })}
              />
            </div>
          </details>
        )}
        {!draft.cohort && (draft.onListOn || draft.ward.length) ? (
          <div className="govuk-inset-text" data-testid="list-filters-from-address">
            {draft.onListOn ? (
              <p className="govuk-body">
                Showing young people who were on the list on <strong>{formatDay(draft.onListOn)}</strong>, with their RAG rating, score, models and age as
                they were then. This replaces the list status.
              </p>
            ) : null}
            {draft.ward.length ? <p className="govuk-body">Home ward: {draft.ward.join(', ')}</p> : null}
          </div>
        ) : null}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">
            Apply filters
          </button>
          {filtered || isFiltered(draft) ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={clear}>
              Clear filters
            </button>
          ) : null}
        </div>
      </form>

      {error && !data ? (
        <QueryError error={error} onRetry={retry} />
      ) : !data ? (
        <Loading what="Loading the list" />
      ) : people.length === 0 ? (
        filtered ? (
          <p className="govuk-body">No young people match these filters. Clear the filters to see everyone on the list today.</p>
        ) : (
          <p className="govuk-body">
            Nobody is on the MASE list yet.{' '}
            {keeper ? 'Record a young person and complete a screening.' : 'A co-ordinator or co-chair adds young people by recording a screening.'}
          </p>
        )
      ) : (
        <>
          {error ? <QueryError error={error} onRetry={retry} /> : null}
          <DataTable<YoungPersonRowFragment>
            caption={applied.cohort ? 'The young people behind the count' : filtered ? 'Young people matching the filters' : 'On the MASE list today'}
            scrollLabel="Young people table"
            className="app-table--compact"
            rows={people}
            rowKey={(p) => p.id}
            columns={[
              ...(identify
                ? [
                    {
                      header: 'Name',
                      cell: (p: YoungPersonRowFragment) => (
                        <Link className="govuk-link" to={`/list/${p.id}`}>
                          {p.identity ? `${p.identity.firstName} ${p.identity.lastName}` : p.pseudonym}
                        </Link>
                      ),
                    },
                    { header: 'Reference', cell: (p: YoungPersonRowFragment) => p.identity?.reference ?? '' },
                  ]
                : [
                    {
                      header: 'Pseudonym',
                      cell: (p: YoungPersonRowFragment) => (
                        <Link className="govuk-link" to={`/list/${p.id}`}>
                          {p.pseudonym}
                        </Link>
                      ),
                    },
                    { header: 'Age band', cell: (p: YoungPersonRowFragment) => AGE_BAND_LABELS[p.ageBand] },
                  ]),
              { header: 'RAG', cell: (p) => (p.latestAssessment ? <RagTag rag={p.latestAssessment.rag} /> : 'Not screened') },
              { header: 'Score', numeric: true, cell: (p) => (p.latestAssessment ? String(p.latestAssessment.finalScore) : '') },
              { header: 'Last assessed', cell: (p) => <span className="app-nowrap">{formatDay(p.latestAssessment?.assessedOn)}</span> },
              { header: 'Next review', cell: (p) => (p.latestAssessment ? <Overdue day={p.latestAssessment.nextReviewOn} /> : '') },
              { header: 'Legal status', cell: (p) => LEGAL_STATUS_LABELS[p.legalStatus] },
            ]}
          />
          {moreError ? <QueryError error={moreError} /> : null}
          <LoadMore
            shown={people.length}
            noun={people.length === 1 ? 'young person' : 'young people'}
            hasMore={data.youngPeople.pageInfo.hasNextPage}
            loading={loadingMore || loading}
            onLoadMore={() => void loadMore()}
          />
        </>
      )}
    </>
  );
}
