import {
  HANDLING_C_COLOUR,
  LINK_COLOURS,
  LINK_TYPE_LABELS,
  LINK_TYPES,
  NODE_COLOURS,
  NODE_KIND_LABELS,
  NODE_KINDS,
  RISK_LEVELS,
  RISK_RINGS,
  type NetworkGraph,
} from '../../../components/network/graph';

export function Legend() {
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
      {RISK_LEVELS.map((level) => (
        <li key={level}>
          <svg width="22" height="22" aria-hidden="true" focusable="false">
            <circle cx="11" cy="11" r={10 - RISK_RINGS[level].width / 2} fill="#ffffff" stroke={RISK_RINGS[level].colour} strokeWidth={RISK_RINGS[level].width} />
          </svg>
          Ring: {RISK_RINGS[level].label}
        </li>
      ))}
      <li>No ring: no final screening, no further action, or a location</li>
      <li>Node size: number of links</li>
    </ul>
  );
}

export function EdgePanel({ graph, edgeKey }: { graph: NetworkGraph; edgeKey: string }) {
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
