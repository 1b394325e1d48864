import './network-explore.css';
import { useState } from 'react';
import { Link } from 'react-router';
import { Tag } from '../../../components/Tag';
import { LINK_TYPE_LABELS, NODE_KIND_LABELS, type NetworkGraph, type NodeKind } from '../../../components/network/graph';

/** The page of a node: people of concern and places for every reader, young people only for roles that may identify them. */
export function pageOf(kind: NodeKind, id: string, identify: boolean): string | null {
  if (kind === 'PERSON_OF_CONCERN') return `/intelligence/people/${id}`;
  if (kind === 'LOCATION') return `/intelligence/places/${id}`;
  return identify ? `/list/${id}` : null;
}

export function PageLink({ kind, id, label, identify }: { kind: NodeKind; id: string; label: string; identify: boolean }) {
  const to = pageOf(kind, id, identify);
  if (!to) return <p className="govuk-body-s">Young people are shown by pseudonym only; their records are not open to your role.</p>;
  return (
    <p className="govuk-body">
      <Link className="govuk-link" to={to}>
        Open the {kind === 'YOUNG_PERSON' ? 'record' : 'page'} for {label}
      </Link>
    </p>
  );
}

interface Props {
  graph: NetworkGraph;
  nodeKey: string;
  identify: boolean;
  /** Where the node's degree and betweenness were worked out. */
  figuresScope: string;
  /** This node's neighbourhood is being fetched. */
  expanding: boolean;
  /** This node is the one the view is focused on, at this many links. */
  focusedHops: number | null;
  onSelect: (key: string) => void;
  onExpand: () => void;
  onCollapse: () => void;
  onFocus: (hops: number) => void;
}

/** A selected node: its figures, its page, what can be done with it and its links in the view. */
export function NodePanel({ graph, nodeKey: key, identify, figuresScope, expanding, focusedHops, onSelect, onExpand, onCollapse, onFocus }: Props) {
  const [hops, setHops] = useState(focusedHops ?? 2);
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
      {a.riskLabel ? (
        <p className="govuk-body govuk-!-margin-bottom-1">
          {a.kind === 'YOUNG_PERSON' ? 'Screening' : 'Status'}: <strong>{a.riskLabel}</strong>
        </p>
      ) : null}
      <p className="govuk-body govuk-!-margin-bottom-1">
        Degree <strong>{a.degree}</strong>, betweenness <strong>{a.betweenness.toFixed(1)}</strong>, group <strong>{a.component + 1}</strong>
      </p>
      <p className="govuk-body-s">Figures {figuresScope}.</p>
      <PageLink kind={a.kind} id={a.id} label={a.label} identify={identify} />

      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">Explore from here</h3>
      <p className="govuk-body-s">
        Expand shows everything linked to it, even what the filters or the focus leave out. Collapse hides the nodes linked only to it.
      </p>
      <div className="govuk-button-group app-network-actions">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => {
            if (!expanding) onExpand();
          }}
          aria-disabled={expanding}
        >
          {expanding ? 'Expanding…' : 'Expand'}
          <span className="govuk-visually-hidden"> {a.label}</span>
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCollapse}>
          Collapse<span className="govuk-visually-hidden"> {a.label}</span>
        </button>
      </div>
      <form
        className="app-network-focus"
        onSubmit={(e) => {
          e.preventDefault();
          onFocus(hops);
        }}
      >
        <div className="govuk-form-group govuk-!-margin-bottom-0">
          <label className="govuk-label govuk-label--s" htmlFor="focus-hops">
            Links away
          </label>
          <select id="focus-hops" className="govuk-select" value={hops} onChange={(e) => setHops(Number(e.target.value))}>
            <option value={1}>1 link</option>
            <option value={2}>2 links</option>
            <option value={3}>3 links</option>
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          {focusedHops === null ? 'Focus on this node' : 'Focus again'}
        </button>
      </form>

      <h3 className="govuk-heading-s govuk-!-margin-top-6" id="node-links-heading">
        Links in this view ({links.length})
      </h3>
      {links.length === 0 ? (
        <p className="govuk-body-s">None shown. Expand it to see its links.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced" aria-labelledby="node-links-heading">
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
      )}
    </section>
  );
}
