import { useState, type FormEvent } from 'react';
import { LINK_TYPE_LABELS, LINK_TYPES, NODE_KIND_LABELS, NODE_KINDS, type NodeKind } from '../../../components/network/graph';
import type { IntelligenceGrade, LinkType, NetworkFilter } from '../../../gql/graphql';
import { isDay } from '../../list/common';

const GRADES: readonly IntelligenceGrade[] = ['A', 'B', 'C', 'D', 'E'];

export interface Filters {
  kinds: NodeKind[];
  types: LinkType[];
  lastSeenFrom: string;
  lastSeenTo: string;
  /** The weakest intelligence grade to include, '' for all. */
  minGrade: IntelligenceGrade | '';
  /** The weakest source grade to include (1 is best), '' for all. */
  maxSourceGrade: string;
}

export const NO_FILTERS: Filters = { kinds: [...NODE_KINDS], types: [...LINK_TYPES], lastSeenFrom: '', lastSeenTo: '', minGrade: '', maxSourceGrade: '' };

export function toApiFilter(f: Filters): NetworkFilter {
  const filter: NetworkFilter = {};
  if (f.types.length < LINK_TYPES.length) filter.types = f.types;
  if (f.lastSeenFrom) filter.lastSeenFrom = f.lastSeenFrom;
  if (f.lastSeenTo) filter.lastSeenTo = f.lastSeenTo;
  if (f.minGrade) filter.intelligenceGrades = GRADES.slice(0, GRADES.indexOf(f.minGrade) + 1);
  if (f.maxSourceGrade) filter.maxSourceGrade = Number(f.maxSourceGrade);
  return filter;
}

function Checkboxes<T extends string>({
  legend,
  options,
  labels,
  value,
  onChange,
  name,
}: {
  legend: string;
  options: readonly T[];
  labels: Record<string, string>;
  value: T[];
  onChange: (v: T[]) => void;
  name: string;
}) {
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {options.map((o) => (
            <div className="govuk-checkboxes__item" key={o}>
              <input
                className="govuk-checkboxes__input"
                id={`${name}-${o}`}
                type="checkbox"
                checked={value.includes(o)}
                onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((v) => v !== o))}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`${name}-${o}`}>
                {labels[o]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function FiltersForm({ value, onApply }: { value: Filters; onApply: (f: Filters) => void }) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if ((draft.lastSeenFrom && !isDay(draft.lastSeenFrom)) || (draft.lastSeenTo && !isDay(draft.lastSeenTo))) {
      setError('Enter dates as yyyy-mm-dd');
      return;
    }
    if (draft.lastSeenFrom && draft.lastSeenTo && draft.lastSeenFrom > draft.lastSeenTo) {
      setError('The "last seen from" date must be on or before the "last seen to" date');
      return;
    }
    if (draft.kinds.length === 0 || draft.types.length === 0) {
      setError('Select at least one kind of node and one type of link');
      return;
    }
    setError(null);
    onApply(draft);
  };
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Filter the network</span>
      </summary>
      <form className="govuk-details__text" onSubmit={submit} noValidate>
        {error ? (
          <p className="govuk-error-message" role="alert">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="app-network-filters">
          <Checkboxes legend="Show" name="kind" options={NODE_KINDS} labels={NODE_KIND_LABELS} value={draft.kinds} onChange={(kinds) => setDraft({ ...draft, kinds })} />
          <Checkboxes legend="Link types" name="type" options={LINK_TYPES} labels={LINK_TYPE_LABELS} value={draft.types} onChange={(types) => setDraft({ ...draft, types })} />
          <div>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="last-seen-from">
                Last seen from
              </label>
              <input id="last-seen-from" className="govuk-input govuk-input--width-10" type="date" value={draft.lastSeenFrom} onChange={(e) => setDraft({ ...draft, lastSeenFrom: e.target.value })} />
            </div>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="last-seen-to">
                Last seen to
              </label>
              <input id="last-seen-to" className="govuk-input govuk-input--width-10" type="date" value={draft.lastSeenTo} onChange={(e) => setDraft({ ...draft, lastSeenTo: e.target.value })} />
            </div>
          </div>
          <div>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="min-grade">
                Intelligence grade at least
              </label>
              <select id="min-grade" className="govuk-select" value={draft.minGrade} onChange={(e) => setDraft({ ...draft, minGrade: e.target.value as Filters['minGrade'] })}>
                <option value="">Any (A to E)</option>
                {GRADES.slice(0, 4).map((g) => (
                  <option key={g} value={g}>
                    {g === 'A' ? 'A only' : `A to ${g}`}
                  </option>
                ))}
              </select>
            </div>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="max-source">
                Source grade at least
              </label>
              <select id="max-source" className="govuk-select" value={draft.maxSourceGrade} onChange={(e) => setDraft({ ...draft, maxSourceGrade: e.target.value })}>
                <option value="">Any (1 to 3)</option>
                <option value="1">1 only</option>
                <option value="2">1 or 2</option>
              </select>
            </div>
          </div>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">
            Apply filters
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            onClick={() => {
              setDraft(NO_FILTERS);
              setError(null);
              onApply(NO_FILTERS);
            }}
          >
            Clear filters
          </button>
        </div>
      </form>
    </details>
  );
}
