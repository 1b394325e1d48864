import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Tag } from '../../components/Tag';
import {
  buildGraph,
  HANDLING_C_COLOUR,
  LINK_COLOURS,
  LINK_TYPE_LABELS,
  LINK_TYPES,
  NODE_COLOURS,
  NODE_KIND_LABELS,
  NODE_KINDS,
  nodeKey,
  rankByCentrality,
  type ApiNode,
  type NetworkGraph,
  type NodeKind,
} from '../../components/network/graph';
import { NetworkCanvas } from '../../components/network/NetworkCanvas';
import { IntelNeighbourhoodDocument, IntelNetworkDocument, type IntelligenceGrade, type LinkType, type NetworkFilter } from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { BackLink } from '../admin/BackLink';
import { isDay } from '../list/common';

const GRADES: readonly IntelligenceGrade[] = ['A', 'B', 'C', 'D', 'E'];

interface Filters {
  kinds: NodeKind[];
  types: LinkType[];
  lastSeenFrom: string;
  lastSeenTo: string;
  /** The weakest intelligence grade to include, '' for all. */
  minGrade: IntelligenceGrade | '';
  /** The weakest source grade to include (1 is best), '' for all. */
  maxSourceGrade: string;
}

const NO_FILTERS: Filters = { kinds: [...NODE_KINDS], types: [...LINK_TYPES], lastSeenFrom: '', lastSeenTo: '', minGrade: '', maxSourceGrade: '' };

function toApiFilter(f: Filters): NetworkFilter {
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

function FiltersForm({ value, onApply }: { value: Filters; onApply: (f: Filters) => void }) {
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

function Legend() {
  return (
    <ul className="app-network-legend" aria-label="Key">
      {NODE_KINDS.map((k) => (
        <li key={k}>
          <svg width="16" height="16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="7" fill={NODE_COLOURS[k]} />
          </svg>
          {NODE_KIND_LABELS[k]}
        </li>
      ))}
      {LINK_TYPES.map((t) => (
        <li key={t}>
          <svg width="24" height="10" aria-hidden="true" focusable="false">
            <line x1="0" y1="5" x2="24" y2="5" stroke={LINK_COLOURS[t]} strokeWidth="3" />
          </svg>
          {LINK_TYPE_LABELS[t]}
        </li>
      ))}
      <li>
        <svg width="24" height="10" aria-hidden="true" focusable="false">
          <line x1="0" y1="5" x2="24" y2="5" stroke={HANDLING_C_COLOUR} strokeWidth="5" />
        </svg>
        Handling code C (conditions apply)
      </li>
      <li>Node size: number of links</li>
    </ul>
  );
}

function NodePanel({ graph, nodeKey: key, onSelect, onNeighbourhood }: { graph: NetworkGraph; nodeKey: string; onSelect: (k: string) => void; onNeighbourhood: () => void }) {
  const a = graph.getNodeAttributes(key);
  const links = graph.edges(key).map((e) => {
    const attrs = graph.getEdgeAttributes(e);
    const other = graph.opposite(key, e);
    return { key: e, attrs, other, otherLabel: graph.getNodeAttribute(other, 'label'), otherKind: graph.getNodeAttribute(other, 'kind') };
  });
  return (
    <section aria-labelledby="node-heading">
      <span className="govuk-caption-m">{NODE_KIND_LABELS[a.kind]}</span>
      <h2 className="govuk-heading-m" id="node-heading" tabIndex={-1}>
        {a.label}
      </h2>
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Degree</dt>
          <dd className="govuk-summary-list__value">{a.degree}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Betweenness</dt>
          <dd className="govuk-summary-list__value">{a.betweenness.toFixed(1)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Group</dt>
          <dd className="govuk-summary-list__value">{a.component + 1}</dd>
        </div>
      </dl>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onNeighbourhood}>
        Show 2-hop neighbourhood
      </button>
      <h3 className="govuk-heading-s">Links ({links.length})</h3>
      <ul className="govuk-list govuk-list--spaced">
        {links.map((l) => (
          <li key={l.key}>
            {LINK_TYPE_LABELS[l.attrs.linkType] ?? l.attrs.linkType}:{' '}
            <button type="button" className="app-link-button govuk-link" onClick={() => onSelect(l.other)}>
              {l.otherLabel}
            </button>{' '}
            <span className="govuk-body-s">({NODE_KIND_LABELS[l.otherKind]})</span>
            {l.attrs.handling === 'C' ? (
              <>
                <br />
                <Tag colour="pink">Handling C</Tag> <span className="govuk-body-s">{l.attrs.handlingNote ?? 'Conditions apply'}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function EdgePanel({ graph, edgeKey }: { graph: NetworkGraph; edgeKey: string }) {
  const a = graph.getEdgeAttributes(edgeKey);
  const [s, t] = graph.extremities(edgeKey);
  return (
    <section aria-labelledby="edge-heading">
      <span className="govuk-caption-m">Link</span>
      <h2 className="govuk-heading-m" id="edge-heading">
        {LINK_TYPE_LABELS[a.linkType] ?? a.linkType}
      </h2>
      <p className="govuk-body">
        {graph.getNodeAttribute(s, 'label')} and {graph.getNodeAttribute(t, 'label')}
      </p>
      {a.handling === 'C' ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Handling code C: {a.handlingNote ?? 'conditions apply to sharing this link.'}
          </strong>
        </div>
      ) : (
        <p className="govuk-body">Handling code P: lawful sharing permitted.</p>
      )}
    </section>
  );
}

type Mode = { kind: 'all' } | { kind: 'hood'; nodeKind: NodeKind; id: string; label: string };

export function NetworkPage() {
  usePageTitle('Network');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [mode, setMode] = useState<Mode>({ kind: 'all' });
  const [selectedNode, setSelectedNode] = useState<string | null>(null);
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  const apiFilter = useMemo(() => toApiFilter(filters), [filters]);
  const full = useQuery(IntelNetworkDocument, { variables: { filter: apiFilter }, fetchPolicy: 'cache-and-network' });
  const hood = useQuery(IntelNeighbourhoodDocument, {
    variables: mode.kind === 'hood' ? { kind: mode.nodeKind, id: mode.id, hops: 2, filter: apiFilter } : { kind: 'LOCATION', id: '', hops: 2 },
    skip: mode.kind !== 'hood',
  });
  const network = mode.kind === 'hood' ? hood.data?.neighbourhood : full.data?.network;
  const graph = useMemo(() => (network ? buildGraph(network.nodes, network.edges, { kinds: filters.kinds }) : null), [network, filters.kinds]);
  const visibleNodes = useMemo(() => (network?.nodes ?? []).filter((n) => filters.kinds.includes(n.kind)), [network, filters.kinds]);
  const ranking = rankByCentrality(visibleNodes, 15);
  const groups = full.data?.complexAbuseGroups ?? [];

  const selectNode = (key: string | null) => {
    setSelectedNode(key);
    setSelectedEdge(null);
  };
  const selectEdge = (key: string | null) => {
    setSelectedEdge(key);
    setSelectedNode(null);
  };
  const selectFromList = (n: Pick<ApiNode, 'kind' | 'id'>) => {
    const key = nodeKey(n.kind, n.id);
    if (graph && !graph.hasNode(key) && mode.kind === 'hood') setMode({ kind: 'all' });
    selectNode(key);
    requestAnimationFrame(() => document.getElementById('node-heading')?.focus());
  };
  const showNeighbourhood = () => {
    if (!graph || !selectedNode) return;
    const a = graph.getNodeAttributes(selectedNode);
    setMode({ kind: 'hood', nodeKind: a.kind, id: a.id, label: a.label });
  };

  const active = mode.kind === 'hood' ? hood : full;
  const failed = active.error && !active.data ? active.error : undefined;

  return (
    <>
      <BackLink to="/intelligence">Back to intelligence</BackLink>
      <h1 className="govuk-heading-l">Network</h1>
      <p className="govuk-body">
        Links between young people (by pseudonym), people of concern and locations. Select a node, a row in the ranking or a group member to see
        its links.
      </p>
      <FiltersForm
        value={filters}
        onApply={(f) => {
          setFilters(f);
          selectNode(null);
        }}
      />
      {failed ? (
        <QueryError error={failed} onRetry={() => void active.refetch().catch(() => undefined)} />
      ) : !graph || !network ? (
        <Loading what="Loading the network" />
      ) : network.edges.length === 0 && mode.kind === 'all' ? (
        <div className="govuk-inset-text">No links are recorded{Object.keys(apiFilter).length > 0 ? ' that match these filters' : ' yet'}. Police record links between young people, people of concern and locations.</div>
      ) : (
        <>
          {mode.kind === 'hood' ? (
            <div className="govuk-notification-banner" role="region" aria-labelledby="hood-title">
              <div className="govuk-notification-banner__header">
                <h2 className="govuk-notification-banner__title" id="hood-title">
                  Neighbourhood
                </h2>
              </div>
              <div className="govuk-notification-banner__content">
                <p className="govuk-body">
                  Showing only what is within 2 links of <strong>{mode.label}</strong> ({graph.order} nodes, {graph.size} links). Degree and betweenness
                  are within this neighbourhood.
                </p>
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  onClick={() => {
                    setMode({ kind: 'all' });
                  }}
                >
                  Show everything
                </button>
              </div>
            </div>
          ) : (
            <p className="govuk-body-s">
              {graph.order} nodes and {graph.size} links.
            </p>
          )}
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <NetworkCanvas
                graph={graph}
                selectedNode={selectedNode && graph.hasNode(selectedNode) ? selectedNode : null}
                selectedEdge={selectedEdge && graph.hasEdge(selectedEdge) ? selectedEdge : null}
                onSelectNode={selectNode}
                onSelectEdge={selectEdge}
                label={`Network graph of ${graph.order} nodes and ${graph.size} links; the ranking table and groups list below give the same information`}
              />
              <Legend />
            </div>
            <div className="govuk-grid-column-one-third app-network-side" aria-live="polite">
              {selectedNode && graph.hasNode(selectedNode) ? (
                <NodePanel graph={graph} nodeKey={selectedNode} onSelect={(k) => selectNode(k)} onNeighbourhood={showNeighbourhood} />
              ) : selectedEdge && graph.hasEdge(selectedEdge) ? (
                <EdgePanel graph={graph} edgeKey={selectedEdge} />
              ) : selectedNode ? (
                <p className="govuk-body">That node is not in the current view. Change the filters to see it.</p>
              ) : (
                <p className="govuk-body">Select a node to see its links, or a link to see its handling code.</p>
              )}
            </div>
          </div>

          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-half">
              <DataTable<ApiNode>
                caption="Most central"
                scrollLabel="Most central table"
                className="app-table--compact"
                rows={ranking}
                rowKey={(n) => nodeKey(n.kind, n.id)}
                columns={[
                  {
                    header: 'Name',
                    className: '',
                    cell: (n) => (
                      <button
                        type="button"
                        className="app-link-button govuk-link"
                        aria-pressed={selectedNode === nodeKey(n.kind, n.id)}
                        onClick={() => selectFromList(n)}
                      >
                        {n.label}
                      </button>
                    ),
                  },
                  { header: 'Kind', cell: (n) => NODE_KIND_LABELS[n.kind] },
                  { header: 'Betweenness', numeric: true, cell: (n) => n.betweenness.toFixed(1) },
                  { header: 'Degree', numeric: true, cell: (n) => String(n.degree) },
                ]}
              />
            </div>
            <div className="govuk-grid-column-one-half">
              <h2 className="govuk-heading-m">Complex-abuse groups</h2>
              {groups.length === 0 ? (
                <p className="govuk-body">No group meets the complex-abuse rule{Object.keys(apiFilter).length > 0 ? ' with these filters' : ''}.</p>
              ) : (
                groups.map((g) => (
                  <section className="app-group" key={g.component} aria-labelledby={`group-${g.component}`}>
                    <h3 className="govuk-heading-s" id={`group-${g.component}`}>
                      Group {g.component + 1}: {g.members.length} members
                    </h3>
                    <p className="govuk-body govuk-!-font-weight-bold">{g.recommendation || 'Consider a complex strategy meeting'}</p>
                    <ul className="govuk-list govuk-list--bullet">
                      {g.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                    <details className="govuk-details govuk-!-margin-bottom-0" open={g.members.length <= 12}>
                      <summary className="govuk-details__summary">
                        <span className="govuk-details__summary-text">Members ({g.members.length})</span>
                      </summary>
                    <ul className="govuk-list">
                      {g.members.map((m) => (
                        <li key={nodeKey(m.kind, m.id)}>
                          <button type="button" className="app-link-button govuk-link" onClick={() => selectFromList(m)}>
                            {m.label}
                          </button>{' '}
                          <span className="govuk-body-s">({NODE_KIND_LABELS[m.kind]})</span>
                        </li>
                      ))}
                    </ul>
                    </details>
                  </section>
                ))
              )}
            </div>
          </div>
        </>
      )}
    </>
  );
}

