import Graph from 'graphology';
import {
  edgeColour,
  layout,
  nodeAttributes,
  nodeKey,
  type ApiEdge,
  type ApiNode,
  type EdgeAttributes,
  type NetworkGraph,
  type NodeAttributes,
  type NodeKind,
} from '../../../components/network/graph';

export interface ApiNetwork {
  nodes: readonly ApiNode[];
  edges: readonly ApiEdge[];
}

/** A node's neighbourhood fetched to expand it into the view. */
export interface Expansion {
  key: string;
  network: ApiNetwork;
}

export interface ViewInput {
  /** What the view starts from: the whole network, or one node's neighbourhood. */
  base: ApiNetwork;
  /** Kinds of node the filters show; nodes brought in by expanding are shown whatever their kind. */
  kinds: readonly NodeKind[];
  expansions: readonly Expansion[];
  /** Nodes collapsed out of the view. */
  hidden: ReadonlySet<string>;
  /**
   * Figures to show for nodes brought in by expanding (normally the whole network's): a
   * neighbourhood's own figures describe only that neighbourhood.
   */
  metrics?: ReadonlyMap<string, ApiNode>;
}

export interface View extends ApiNetwork {
  /** Nodes in the view that only expanding brought in. */
  added: ReadonlySet<string>;
}

const endsOf = (e: ApiEdge) => [nodeKey(e.fromKind, e.fromId), nodeKey(e.toKind, e.toId)] as const;

/** The nodes and links to draw: the base (filtered by kind), plus expansions, less collapsed nodes. */
export function viewOf({ base, kinds, expansions, hidden, metrics }: ViewInput): View {
  const shown = new Set(kinds);
  const nodes = new Map<string, ApiNode>();
  const added = new Set<string>();
  for (const n of base.nodes) {
    const key = nodeKey(n.kind, n.id);
    if (shown.has(n.kind) && !hidden.has(key)) nodes.set(key, n);
  }
  for (const x of expansions) {
    for (const n of x.network.nodes) {
      const key = nodeKey(n.kind, n.id);
      if (nodes.has(key) || hidden.has(key)) continue;
      nodes.set(key, metrics?.get(key) ?? n);
      added.add(key);
    }
  }
  const edges = new Map<string, ApiEdge>();
  for (const e of [...base.edges, ...expansions.flatMap((x) => x.network.edges)]) {
    const [a, b] = endsOf(e);
    if (!edges.has(e.id) && nodes.has(a) && nodes.has(b)) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], added };
}

/** Where nodes were drawn, so that expanding and collapsing leave the rest of the picture in place. */
export type Positions = Map<string, { x: number; y: number }>;

/**
 * The graph to draw. Nodes with a known position keep it; new nodes go in a ring around a
 * neighbour already placed (the node that was expanded); with nothing known, the whole graph is
 * laid out afresh. The positions are updated to match.
 */
export function buildViewGraph(view: ApiNetwork, positions: Positions): NetworkGraph {
  const graph: NetworkGraph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: true });
  for (const n of view.nodes) {
    const key = nodeKey(n.kind, n.id);
    if (graph.hasNode(key)) continue;
    graph.addNode(key, nodeAttributes(n));
  }
  for (const e of view.edges) {
    const [from, to] = endsOf(e);
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

  const known = graph.filterNodes((key) => positions.has(key));
  if (known.length === 0) {
    layout(graph);
  } else {
    for (const key of known) graph.mergeNodeAttributes(key, positions.get(key)!);
    placeNewNodes(graph, new Set(known));
  }
  positions.clear();
  graph.forEachNode((key, a) => positions.set(key, { x: a.x, y: a.y }));
  return graph;
}

function placeNewNodes(graph: NetworkGraph, placed: Set<string>): void {
  const xs = [...placed].map((k) => graph.getNodeAttribute(k, 'x'));
  const ys = [...placed].map((k) => graph.getNodeAttribute(k, 'y'));
  const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1);
  let waiting = graph.filterNodes((key) => !placed.has(key));
  while (waiting.length > 0) {
    // Each round places the nodes next to one already placed, fanned out around it.
    const round = new Map<string, string[]>();
    for (const key of waiting) {
      const anchor = graph.neighbors(key).find((n) => placed.has(n));
      if (anchor) round.set(anchor, [...(round.get(anchor) ?? []), key]);
    }
    if (round.size === 0) {
      // Unconnected to anything placed: a ring outside the picture.
      const cx = xs.reduce((s, v) => s + v, 0) / xs.length;
      const cy = ys.reduce((s, v) => s + v, 0) / ys.length;
      waiting.forEach((key, i) => {
        const angle = (2 * Math.PI * i) / waiting.length;
        graph.mergeNodeAttributes(key, { x: cx + extent * 0.7 * Math.cos(angle), y: cy + extent * 0.7 * Math.sin(angle) });
        placed.add(key);
      });
      break;
    }
    for (const [anchor, keys] of round) {
      const { x, y } = graph.getNodeAttributes(anchor);
      const radius = extent * (keys.length > 8 ? 0.25 : 0.18);
      keys.forEach((key, i) => {
        const angle = (2 * Math.PI * i) / keys.length + 0.3;
        graph.mergeNodeAttributes(key, { x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) });
        placed.add(key);
      });
    }
    waiting = waiting.filter((key) => !placed.has(key));
  }
}

/** The neighbours of a node that are linked to nothing else in the graph: what collapsing it hides. */
export function leavesOf(graph: NetworkGraph, key: string): string[] {
  if (!graph.hasNode(key)) return [];
  return graph.neighbors(key).filter((n) => graph.neighbors(n).every((m) => m === key));
}

/** Nodes and links of `network` that the view does not show yet. */
export function newIn(graph: NetworkGraph | null, network: ApiNetwork, hidden: ReadonlySet<string>): { nodes: number; links: number } {
  const nodes = network.nodes.filter((n) => {
    const key = nodeKey(n.kind, n.id);
    return hidden.has(key) || !graph?.hasNode(key);
  }).length;
  const links = network.edges.filter((e) => !graph?.hasEdge(e.id)).length;
  return { nodes, links };
}
