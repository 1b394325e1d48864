import { useEffect, useMemo, useRef, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { NODE_KIND_LABELS, NODE_KINDS, nodeKey, rankByCentrality, type ApiNode, type NodeAttributes, type NodeKind } from '../../components/network/graph';
import { IntelNeighbourhoodDocument, IntelNetworkDocument, MeDocument } from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { BackLink } from '../admin/BackLink';
import { canIdentify } from '../list/common';
import { GraphCanvas } from './network/GraphCanvas';
import { FiltersForm, NO_FILTERS, toApiFilter, type Filters } from './network/FiltersForm';
import { NodePanel, PageLink } from './network/NodePanel';
import { EdgePanel, Legend } from './network/parts';
import { buildViewGraph, leavesOf, newIn, viewOf, type Expansion, type Positions } from './network/view';

type Mode = { kind: 'all' } | { kind: 'focus'; nodeKind: NodeKind; id: string; label: string; hops: number };
type NodeRef = Pick<ApiNode, 'kind' | 'id' | 'label'>;
type Ranked = NodeAttributes & { key: string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Every node in the view as buttons, grouped by kind: the graph without a mouse. Built only when opened. */
function NodeList({ nodes, selected, onSelect }: { nodes: Ranked[]; selected: string | null; onSelect: (key: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="govuk-details app-network-nodes" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Every node in this view ({nodes.length}), by kind</span>
      </summary>
      {open ? (
        <div className="govuk-details__text">
          {NODE_KINDS.map((kind) => {
            const ofKind = nodes.filter((n) => n.kind === kind).sort((a, b) => a.label.localeCompare(b.label));
            if (ofKind.length === 0) return null;
            return (
              <section key={kind} aria-labelledby={`nodes-${kind}`}>
                <h3 className="govuk-heading-s" id={`nodes-${kind}`}>
                  {NODE_KIND_LABELS[kind]} ({ofKind.length})
                </h3>
                <ul className="govuk-list">
                  {ofKind.map((n) => (
                    <li key={n.key}>
                      <button type="button" className="app-link-button govuk-link" aria-pressed={selected === n.key} onClick={() => onSelect(n.key)}>
                        {n.label}
                      </button>
                      {n.riskLabel ? <span className="govuk-body-s"> ({n.riskLabel})</span> : null}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      ) : null}
    </details>
  );
}

export function NetworkPage() {
  usePageTitle('Network');
  const client = useApolloClient();
  const me = useQuery(MeDocument, { fetchPolicy: 'cache-only' });
  const identify = me.data ? canIdentify(me.data.me.role) : false;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [mode, setMode] = useState<Mode>({ kind: 'all' });
  // Neighbourhoods fetched to expand nodes, and nodes collapsed away: what the user changed in the view.
  const [expansions, setExpansions] = useState<Expansion[]>([]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [expanding, setExpanding] = useState<string | null>(null);
  const [expandError, setExpandError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [selectedNode, setSelectedNode] = useState<string | null>(null);
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  /** Bumped whenever the view starts again, so an expansion that arrives late is dropped. */
  const generation = useRef(0);

  const apiFilter = useMemo(() => toApiFilter(filters), [filters]);
  const full = useQuery(IntelNetworkDocument, { variables: { filter: apiFilter }, fetchPolicy: 'cache-and-network' });
  // Neighbourhoods are not written to the cache: their nodes carry figures for the neighbourhood
  // only, and normalised by id they would overwrite the whole network's.
  const focus = useQuery(IntelNeighbourhoodDocument, {
    variables: mode.kind === 'focus' ? { kind: mode.nodeKind, id: mode.id, hops: mode.hops, filter: apiFilter } : { kind: 'LOCATION', id: '', hops: 1 },
    skip: mode.kind !== 'focus',
    fetchPolicy: 'no-cache',
  });
  const base = mode.kind === 'focus' ? focus.data?.neighbourhood : full.data?.network;
  const metrics = useMemo(() => new Map((full.data?.network.nodes ?? []).map((n) => [nodeKey(n.kind, n.id), n])), [full.data]);
  const view = useMemo(() => (base ? viewOf({ base, kinds: filters.kinds, expansions, hidden, metrics }) : null), [base, filters.kinds, expansions, hidden, metrics]);
  // Positions carry over while only expansions and collapses change, so the picture stays put.
  const positions = useMemo<Positions>(() => new Map(), [base, filters.kinds]);
  const graph = useMemo(() => (view ? buildViewGraph(view, positions) : null), [view, positions]);
  const nodes = useMemo<Ranked[]>(() => graph?.mapNodes((key, a) => ({ key, ...a })) ?? [], [graph]);
  const ranking = rankByCentrality(nodes, 15);
  const groups = full.data?.complexAbuseGroups ?? [];
  const changed = expansions.length > 0 || hidden.size > 0;

  // Keyboard focus goes to the selected node's heading once it is on the page (a focus view may still be loading).
  const pendingFocus = useRef<string | null>(null);
  const moveFocus = () => {
    const el = pendingFocus.current ? document.getElementById(pendingFocus.current) : null;
    if (!el) return;
    el.focus();
    pendingFocus.current = null;
  };
  useEffect(moveFocus);
  const focusSoon = (id = 'node-heading') => {
    pendingFocus.current = id;
    requestAnimationFrame(moveFocus);
  };
  const focusHeading = () => focusSoon();
  const nodeRef = (key: string): NodeRef | undefined => {
    if (graph?.hasNode(key)) return graph.getNodeAttributes(key);
    return metrics.get(key) ?? groups.flatMap((g) => g.members).find((m) => nodeKey(m.kind, m.id) === key);
  };

  const startAgain = () => {
    generation.current += 1;
    setExpansions([]);
    setHidden(new Set());
    setExpanding(null);
    setExpandError(null);
  };
  const selectNode = (key: string | null) => {
    setSelectedNode(key);
    setSelectedEdge(null);
    setExpandError(null);
    const n = key ? nodeRef(key) : undefined;
    setStatus(n ? `Selected ${n.label} (${NODE_KIND_LABELS[n.kind].toLowerCase()}).` : '');
  };
  const selectEdge = (key: string | null) => {
    setSelectedEdge(key);
    setSelectedNode(null);
  };
  const selectFromList = (key: string) => {
    selectNode(key);
    focusHeading();
  };

  const expand = async (n: NodeRef) => {
    const key = nodeKey(n.kind, n.id);
    const started = generation.current;
    setExpanding(key);
    setExpandError(null);
    try {
      const { data } = await client.query({
        query: IntelNeighbourhoodDocument,
        variables: { kind: n.kind, id: n.id, hops: 1, filter: apiFilter },
        fetchPolicy: 'no-cache',
      });
      if (generation.current !== started || !data) return;
      const network = data.neighbourhood;
      const fresh = newIn(graph, network, hidden);
      setExpansions((xs) => [...xs.filter((x) => x.key !== key), { key, network }]);
      setHidden((h) => {
        const next = new Set(h);
        for (const m of network.nodes) next.delete(nodeKey(m.kind, m.id));
        return next;
      });
      setSelectedNode(key);
      setStatus(
        fresh.nodes === 0 && fresh.links === 0
          ? `Expanded ${n.label}: everything linked to it is already shown.`
          : `Expanded ${n.label}: added ${plural(fresh.nodes, 'node', 'nodes')} and ${plural(fresh.links, 'link', 'links')}.`,
      );
    } catch (e) {
      if (generation.current === started) setExpandError(e);
    } finally {
      if (generation.current === started) setExpanding(null);
    }
  };

  const collapse = (key: string) => {
    if (!graph?.hasNode(key)) return;
    const label = graph.getNodeAttribute(key, 'label');
    const leaves = leavesOf(graph, key);
    if (leaves.length === 0) {
      setStatus(`Nothing to collapse: every node linked to ${label} is linked to something else too.`);
      return;
    }
    setHidden((h) => new Set([...h, ...leaves]));
    setStatus(`Collapsed ${label}: hid ${plural(leaves.length, 'node', 'nodes')} linked only to it. Expand it to show them again.`);
  };

  const focusOn = (key: string, hops: number) => {
    const n = nodeRef(key);
    if (!n) return;
    startAgain();
    setMode({ kind: 'focus', nodeKind: n.kind, id: n.id, label: n.label, hops });
    setSelectedNode(key);
    setStatus(`Showing only what is within ${plural(hops, 'link', 'links')} of ${n.label}.`);
    focusHeading();
  };
  const backToWhole = () => {
    startAgain();
    setMode({ kind: 'all' });
    setStatus('Showing the whole network.');
    focusSoon(selectedNode ? 'node-heading' : 'network-summary');
  };

  const active = mode.kind === 'focus' ? focus : full;
  const failed = active.error && !active.data ? active.error : undefined;
  const offView = selectedNode && !graph?.hasNode(selectedNode) ? nodeRef(selectedNode) : undefined;
  const figuresScope = (key: string) =>
    mode.kind === 'focus' && !view?.added.has(key) ? `within the neighbourhood of ${mode.label}` : 'across the whole network (with these filters)';

  return (
    <>
      <BackLink to="/intelligence">Back to intelligence</BackLink>
      <h1 className="govuk-heading-l">Network</h1>
      <p className="govuk-body">
        Links between young people (by pseudonym), people of concern and locations. Select a node, a row in the ranking or a group member to see
        its links; from there you can expand it, collapse it, focus on it or open its page.
      </p>
      <FiltersForm
        value={filters}
        onApply={(f) => {
          startAgain();
          setFilters(f);
          selectNode(null);
        }}
      />
      {failed ? (
        <QueryError error={failed} onRetry={() => void active.refetch().catch(() => undefined)} />
      ) : !graph || !base ? (
        <Loading what="Loading the network" />
      ) : base.edges.length === 0 && mode.kind === 'all' && !changed ? (
        <div className="govuk-inset-text">
          No links are recorded{Object.keys(apiFilter).length > 0 ? ' that match these filters' : ' yet'}. Police record links between young people, people of concern
          and locations.
        </div>
      ) : (
        <>
          {mode.kind === 'focus' ? (
            <div className="govuk-notification-banner" role="region" aria-labelledby="focus-title">
              <div className="govuk-notification-banner__header">
                <h2 className="govuk-notification-banner__title" id="focus-title">
                  Focused on {mode.label}
                </h2>
              </div>
              <div className="govuk-notification-banner__content">
                <p className="govuk-body">
                  Showing only what is within {plural(mode.hops, 'link', 'links')} of <strong>{mode.label}</strong> ({plural(graph.order, 'node', 'nodes')},{' '}
                  {plural(graph.size, 'link', 'links')}). Degree and betweenness are within this neighbourhood; nodes added by expanding show their figures across
                  the whole network.
                </p>
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={backToWhole}>
                  Back to the whole network
                </button>
              </div>
            </div>
          ) : null}
          <p className="govuk-body-s" id="network-summary" tabIndex={-1}>
            {mode.kind === 'all' ? `${plural(graph.order, 'node', 'nodes')} and ${plural(graph.size, 'link', 'links')}.` : null}
            {changed ? (
              <>
                {' '}
                {expansions.length > 0 ? `${plural(expansions.length, 'node', 'nodes')} expanded. ` : null}
                {hidden.size > 0 ? `${plural(hidden.size, 'node', 'nodes')} collapsed away. ` : null}
                <button
                  type="button"
                  className="app-link-button govuk-link"
                  onClick={() => {
                    startAgain();
                    setStatus('Expanding and collapsing undone.');
                  }}
                >
                  Undo expanding and collapsing
                </button>
              </>
            ) : null}
          </p>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <GraphCanvas
                graph={graph}
                selectedNode={selectedNode && graph.hasNode(selectedNode) ? selectedNode : null}
                selectedEdge={selectedEdge && graph.hasEdge(selectedEdge) ? selectedEdge : null}
                onSelectNode={selectNode}
                onSelectEdge={selectEdge}
                label={`Network graph of ${graph.order} nodes and ${graph.size} links; the ranking table, the list of every node and the groups below give the same information`}
              />
              <Legend />
            </div>
            <div className="govuk-grid-column-one-third app-explore-side">
              <p className="govuk-body-s" role="status">
                {status}
              </p>
              {expandError ? <QueryError error={expandError} /> : null}
              {selectedNode && graph.hasNode(selectedNode) ? (
                <NodePanel
                  key={selectedNode}
                  graph={graph}
                  nodeKey={selectedNode}
                  identify={identify}
                  figuresScope={figuresScope(selectedNode)}
                  expanding={expanding === selectedNode}
                  focusedHops={mode.kind === 'focus' && nodeKey(mode.nodeKind, mode.id) === selectedNode ? mode.hops : null}
                  onSelect={selectNode}
                  onExpand={() => void expand(graph.getNodeAttributes(selectedNode))}
                  onCollapse={() => collapse(selectedNode)}
                  onFocus={(hops) => focusOn(selectedNode, hops)}
                />
              ) : selectedEdge && graph.hasEdge(selectedEdge) ? (
                <EdgePanel graph={graph} edgeKey={selectedEdge} />
              ) : offView ? (
                <section aria-labelledby="node-heading">
                  <span className="govuk-caption-m">{NODE_KIND_LABELS[offView.kind]}</span>
                  <h2 className="govuk-heading-m" id="node-heading" tabIndex={-1}>
                    {offView.label}
                  </h2>
                  <p className="govuk-body">Not in this view: the filters{mode.kind === 'focus' ? ' or the focus' : ''} leave it out.</p>
                  <div className="govuk-button-group">
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary"
                      aria-disabled={expanding === selectedNode}
                      onClick={() => {
                        if (expanding !== selectedNode) void expand(offView);
                      }}
                    >
                      {expanding === selectedNode ? 'Expanding…' : 'Show it here with its links'}
                    </button>
                    {mode.kind === 'focus' ? (
                      <button type="button" className="govuk-button govuk-button--secondary" onClick={backToWhole}>
                        Back to the whole network
                      </button>
                    ) : null}
                  </div>
                  <PageLink kind={offView.kind} id={offView.id} label={offView.label} identify={identify} />
                </section>
              ) : (
                <p className="govuk-body">Select a node to see its links, or a link to see its handling code.</p>
              )}
            </div>
          </div>

          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-half">
              <DataTable<Ranked>
                caption="Most central"
                scrollLabel="Most central table"
                className="app-table--compact"
                rows={ranking}
                rowKey={(n) => n.key}
                columns={[
                  {
                    header: 'Name',
                    className: '',
                    cell: (n) => (
                      <button type="button" className="app-link-button govuk-link" aria-pressed={selectedNode === n.key} onClick={() => selectFromList(n.key)}>
                        {n.label}
                      </button>
                    ),
                  },
                  {
                    header: 'Kind and risk',
                    cell: (n) => (
                      <>
                        {NODE_KIND_LABELS[n.kind]}
                        {n.riskLabel ? <span className="govuk-body-s app-node-risk">{n.riskLabel}</span> : null}
                      </>
                    ),
                  },
                  { header: 'Betweenness', numeric: true, cell: (n) => n.betweenness.toFixed(1) },
                  { header: 'Degree', numeric: true, cell: (n) => String(n.degree) },
                ]}
              />
              <NodeList nodes={nodes} selected={selectedNode} onSelect={selectFromList} />
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
                            <button type="button" className="app-link-button govuk-link" onClick={() => selectFromList(nodeKey(m.kind, m.id))}>
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
