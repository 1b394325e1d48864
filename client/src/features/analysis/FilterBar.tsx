import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { AnalysisWardsDocument } from '../../gql/graphql';
import { Checkboxes } from '../list/common';
import { describeFilters, FILTER_CHOICES, hasPersonFilters, PERSON_FILTERS, rangeProblem, withoutPersonFilters, type DashboardFilters } from './filters';

interface Props {
  filters: DashboardFilters;
  onApply: (filters: DashboardFilters) => void;
  /** False for roles that see whole-list figures only: the dates are their only filter. */
  personFilters: boolean;
}

/** The dashboard-wide filters every widget obeys: months, and who is counted. */
export function FilterBar({ filters, onApply, personFilters }: Props) {
  // Home wards to choose from: those young people on the list in these months live in.
  const wardQuery = useQuery(AnalysisWardsDocument, { variables: { filter: { from: filters.from, to: filters.to } }, skip: !personFilters });
  const wards = useMemo(
    () => [...new Set((wardQuery.data?.victimProfile.series[0]?.cells ?? []).map((c) => c.category))].filter((w) => w !== 'Not recorded'),
    [wardQuery.data],
  );
  const [draft, setDraft] = useState(filters);
  const [problem, setProblem] = useState<{ field: 'from' | 'to'; message: string } | null>(null);
  const set = <K extends keyof DashboardFilters>(key: K, value: DashboardFilters[K]) => setDraft({ ...draft, [key]: value });

  function apply(e: FormEvent) {
    e.preventDefault();
    const next = { ...draft, from: draft.from.trim(), to: draft.to.trim() };
    const found = rangeProblem(next.from, next.to);
    setProblem(found);
    if (!found) onApply(personFilters ? next : withoutPersonFilters(next));
  }

  function clear() {
    const next = withoutPersonFilters(draft);
    setDraft(next);
    setProblem(null);
    if (!rangeProblem(next.from, next.to)) onApply(next);
  }

  const wardChoices = [...new Set([...wards, ...draft.ward])].sort().map((w) => ({ value: w, label: w }));

  return (
    <form className="app-filters app-analysis-filters" noValidate onSubmit={apply} aria-label="Filter the dashboard">
      {problem ? <ErrorSummary items={[{ text: problem.message, href: `#filter-${problem.field}` }]} /> : null}
      <h2 className="govuk-heading-s">Filter every chart</h2>
      <div className="app-filters__fields">
        {(['from', 'to'] as const).map((key) => (
          <div key={key} className={`govuk-form-group${problem?.field === key ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label" htmlFor={`filter-${key}`}>
              {key === 'from' ? 'First month' : 'Last month'}
            </label>
            <div id={`filter-${key}-hint`} className="govuk-hint">
              For example, {key === 'from' ? '2024-04' : '2026-03'}
            </div>
            {problem?.field === key ? (
              <p id={`filter-${key}-error`} className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {problem.message}
              </p>
            ) : null}
            <input
              id={`filter-${key}`}
              name={key}
              type="month"
              className={`govuk-input govuk-input--width-10${problem?.field === key ? ' govuk-input--error' : ''}`}
              value={draft[key]}
              aria-describedby={`filter-${key}-hint${problem?.field === key ? ` filter-${key}-error` : ''}`}
              onChange={(e) => set(key, e.target.value)}
            />
          </div>
        ))}
      </div>
      {personFilters ? (
        <details className="govuk-details app-analysis-filters__people" open={hasPersonFilters(draft) || undefined}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Filter by young person (RAG, age band, gender, model, ward, legal status)</span>
          </summary>
          <div className="govuk-details__text app-filters__fields app-analysis-filters__groups">
            {PERSON_FILTERS.map((key) =>
              key === 'ward' ? (
                wardChoices.length ? (
                  <Checkboxes key={key} id="filter-ward" legend="Home ward" choices={wardChoices} values={draft.ward} onChange={(v) => set('ward', v)} />
                ) : null
              ) : (
                <Checkboxes key={key} id={`filter-${key}`} legend={FILTER_CHOICES[key].legend} choices={FILTER_CHOICES[key].choices} values={draft[key]} onChange={(v) => set(key, v)} />
              ),
            )}
          </div>
        </details>
      ) : null}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary">
          Apply filters
        </button>
        {personFilters && (hasPersonFilters(draft) || hasPersonFilters(filters)) ? (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={clear}>
            Clear young person filters
          </button>
        ) : null}
      </div>
      <p className="govuk-body app-analysis-filters__now" data-testid="filters-in-force">
        <span className="govuk-!-font-weight-bold">Showing:</span> {describeFilters(filters, personFilters)}
      </p>
    </form>
  );
}
