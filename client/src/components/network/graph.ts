import Graph from 'graphology';
import { circular } from 'graphology-layout';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export type NodeKind = 'YOUNG_PERSON' | 'PERSON_OF_CONCERN' | 'LOCATION';

export interface ApiNode {
  id: string;
  kind: NodeKind;
  label: string;
  degree: number;
  betweenness: number;
  component: number;
  /** Young people: the RAG of their latest final screening. */
  rag?: string | null;
  /** People of concern: their status and category. */
  pocStatus?: string | null;
  pocCategory?: string | null;
}

export interface ApiEdge {
  id: string;
  type: string;
  fromId: string;
  fromKind: NodeKind;
  toId: string;
  toKind: NodeKind;
  handling: string;
  handlingNote?: string | null;
}

export interface NodeAttributes {
  label: string;
  kind: NodeKind;
  id: string;
  degree: number;
  betweenness: number;
  component: number;
  /** How much risk the ring round the node shows; null for none. */
  risk: RiskLevel | null;
  /** The risk in words, for the node list and the panel ("" for a location). */
  riskLabel: string;
  /** The ring drawn round the node (see RISK_RINGS); transparent when there is no risk to show. */
  ringColor: string;
  ringSize: number;
  size: number;
  color: string;
  x: number;
  y: number;
}

export interface EdgeAttributes {
  id: string;
  type: string;
  linkType: string;
  handling: string;
  handlingNote: string | null;
  size: number;
  color: string;
}

export type NetworkGraph = Graph<NodeAttributes, EdgeAttributes>;

export const NODE_KINDS: readonly NodeKind[] = ['YOUNG_PERSON', 'PERSON_OF_CONCERN', 'LOCATION'];

export const NODE_KIND_LABELS: Record<NodeKind, string> = {
  YOUNG_PERSON: 'Young person',
  PERSON_OF_CONCERN: 'Person of concern',
  LOCATION: 'Location',
};

/** Colour-blind-safe hues (Okabe–Ito) for the three kinds of node. */
export const NODE_COLOURS: Record<NodeKind, string> = {
  YOUNG_PERSON: '#0072b2',
  PERSON_OF_CONCERN: '#d55e00',
  LOCATION: '#009e73',
};

export const LINK_TYPES = ['SUSPECTED_OF_EXPLOITING', 'ASSOCIATE', 'SEEN_WITH', 'PEER', 'FREQUENTS', 'LIVES_AT', 'OTHER'] as const;

export const LINK_TYPE_LABELS: Record<string, string> = {
  SUSPECTED_OF_EXPLOITING: 'Suspected of exploiting',
  ASSOCIATE: 'Associate',
  SEEN_WITH: 'Seen with',
  PEER: 'Peer',
  FREQUENTS: 'Frequents',
  LIVES_AT: 'Lives at',
  OTHER: 'Other',
};

export const LINK_COLOURS: Record<string, string> = {
  SUSPECTED_OF_EXPLOITING: '#a50f15',
  ASSOCIATE: '#e69f00',
  SEEN_WITH: '#56b4e9',
  PEER: '#8a9ba8',
  FREQUENTS: '#66c2a4',
  LIVES_AT: '#4c2c92',
  OTHER: '#b1b4b6',
};

/** Links under handling code C (conditions apply) are drawn in this colour, thicker, whatever their type. */
export const HANDLING_C_COLOUR = '#d53880';

export type RiskLevel = 'HIGH' | 'MEDIUM' | 'LOW';

export const RISK_LEVELS: readonly RiskLevel[] = ['HIGH', 'MEDIUM', 'LOW'];

/**
 * The ring drawn round a node by its risk: colour and width (pixels beyond the node) both say the
 * level, so it reads without colour too.
 */
export const RISK_RINGS: Record<RiskLevel, { colour: string; width: number; label: string }> = {
  HIGH: { colour: '#d4351c', width: 5, label: 'High risk: red screening, or charged or convicted' },
  MEDIUM: { colour: '#f5a300', width: 3.5, label: 'Medium risk: amber screening, or arrested or under investigation' },
  LOW: { colour: '#505a5f', width: 2, label: 'Low risk: green screening, or intelligence only' },
};

export const NO_RING = 'rgba(0,0,0,0)';

const RAG_LEVELS: Record<string, RiskLevel> = { RED: 'HIGH', AMBER: 'MEDIUM', GREEN: 'LOW' };
const STATUS_LEVELS: Record<string, RiskLevel | null> = {
  CONVICTED: 'HIGH',
  CHARGED: 'HIGH',
  ARRESTED: 'MEDIUM',
  UNDER_INVESTIGATION: 'MEDIUM',
  INTELLIGENCE_ONLY: 'LOW',
  NFA: null,
};
export const POC_STATUS_LABELS: Record<string, string> = {
  INTELLIGENCE_ONLY: 'Intelligence only',
  UNDER_INVESTIGATION: 'Under investigation',
  ARRESTED: 'Arrested',
  CHARGED: 'Charged',
  CONVICTED: 'Convicted',
  NFA: 'No further action',
};
export const POC_CATEGORY_LABELS: Record<string, string> = { SUSPECTED_PERPETRATOR: 'suspected perpetrator', PERSON_OF_CONCERN: 'person of concern' };

/**
 * A node's risk, as the network draws it: a young person's from the RAG of their latest final
 * screening, a person of concern's from their status (with their category in words); a location
 * has none.
 */
export function nodeRisk(n: Pick<ApiNode, 'kind' | 'rag' | 'pocStatus' | 'pocCategory'>): { level: RiskLevel | null; label: string } {
  if (n.kind === 'YOUNG_PERSON') {
    const level = n.rag ? (RAG_LEVELS[n.rag] ?? null) : null;
    return { level, label: n.rag ? `${n.rag[0]}${n.rag.slice(1).toLowerCase()} (latest screening)` : 'No final screening' };
  }
  if (n.kind === 'PERSON_OF_CONCERN') {
    const level = n.pocStatus ? (STATUS_LEVELS[n.pocStatus] ?? null) : null;
    const status = n.pocStatus ? (POC_STATUS_LABELS[n.pocStatus] ?? n.pocStatus) : 'Status not known';
    const category = n.pocCategory ? POC_CATEGORY_LABELS[n.pocCategory] : undefined;
    return { level, label: category ? `${status}, ${category}` : status };
  }
  return { level: null, label: '' };
}

/** Everything the graph holds for a node from the API's node: its look by kind, degree and risk, at the origin. */
export function nodeAttributes(n: ApiNode): NodeAttributes {
  const risk = nodeRisk(n);
  return {
    id: n.id,
    kind: n.kind,
    label: n.label,
    degree: n.degree,
    betweenness: n.betweenness,
    component: n.component,
    risk: risk.level,
    riskLabel: risk.label,
    ringColor: risk.level ? RISK_RINGS[risk.level].colour : NO_RING,
    ringSize: risk.level ? RISK_RINGS[risk.level].width : 0,
    size: nodeSize(n.degree),
    color: NODE_COLOURS[n.kind],
    x: 0,
    y: 0,
  };
}

/** A node's key in the graph: ids are unique only within a kind. */
export function nodeKey(kind: NodeKind, id: string): string {
  return `${kind}:${id}`;
}

/** A node's size in pixels: grows with the square root of its degree, 4 to 20. */
export function nodeSize(degree: number): number {
  return Math.min(20, 4 + 2.5 * Math.sqrt(Math.max(0, degree)));
}

export function edgeColour(edge: Pick<ApiEdge, 'type' | 'handling'>): string {
  return edge.handling === 'C' ? HANDLING_C_COLOUR : (LINK_COLOURS[edge.type] ?? LINK_COLOURS.OTHER);
}

/**
 * Builds the graph from the API's network, keeping only the given kinds of node (and the links
 * between kept nodes), and lays it out: a circle, then a fixed number of ForceAtlas2 iterations.
 */
export function buildGraph(
  nodes: readonly ApiNode[],
  edges: readonly ApiEdge[],
  options: { kinds?: readonly NodeKind[]; iterations?: number } = {},
): NetworkGraph {
  const kinds = new Set(options.kinds ?? NODE_KINDS);
  const graph: NetworkGraph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: true });
  for (const n of nodes) {
    if (!kinds.has(n.kind)) continue;
    const key = nodeKey(n.kind, n.id);
    if (graph.hasNode(key)) continue;
    graph.addNode(key, nodeAttributes(n));
  }
  for (const e of edges) {
    const from = nodeKey(e.fromKind, e.fromId);
    const to = nodeKey(e.toKind, e.toId);
    if (!graph.hasNode(from) || !graph.hasNode(to) || graph.hasEdge(e.id)) continue;
    graph.addEdgeWithKey(e.id, from, to, {
      id: e.id,
      // sigma reads `type` as the edge program; keep the link type apart.
      type: 'line',
      linkType: e.type,
      handling: e.handling,
      handlingNote: e.handlingNote ?? null,
      size: e.handling === 'C' ? 2.5 : 1.5,
      color: edgeColour(e),
    });
  }
  layout(graph, options.iterations);
  return graph;
}

/** Circle first (so the result is deterministic), then ForceAtlas2 run synchronously. */
export function layout(graph: NetworkGraph, iterations?: number): void {
  if (graph.order === 0) return;
  circular.assign(graph, { scale: 100 });
  if (graph.order < 3) return;
  const steps = iterations ?? (graph.order > 2000 ? 60 : graph.order > 500 ? 120 : 250);
  const settings = forceAtlas2.inferSettings(graph);
  forceAtlas2.assign(graph, { iterations: steps, settings: { ...settings, barnesHutOptimize: graph.order > 500 } });
}

/** The most central nodes: by betweenness, then degree, then label. */
export function rankByCentrality<T extends Pick<ApiNode, 'betweenness' | 'degree' | 'label'>>(nodes: readonly T[], limit = 15): T[] {
  return [...nodes]
    .sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree || a.label.localeCompare(b.label))
    .slice(0, limit);
}

/** A node and the nodes one link away, for highlighting. */
export function neighbourhoodOf(graph: NetworkGraph, key: string): Set<string> {
  const keys = new Set<string>();
  if (!graph.hasNode(key)) return keys;
  keys.add(key);
  for (const n of graph.neighbors(key)) keys.add(n);
  return keys;
}
