import { UndirectedGraph } from 'graphology';
import { connectedComponents } from 'graphology-components';
import { betweenness as betweennessCentrality } from 'graphology-metrics/centrality/index.js';
import { bfsFromNode } from 'graphology-traversal';
import type { Rag } from '@mase/shared';
import type { LinkType, NodeKind } from './link.entity.js';
import type { PocCategory, PocStatus } from './person-of-concern.entity.js';

/** Pure graph analysis of the intelligence network (no database): graphology does the algorithms. */

export interface GraphNode {
  kind: NodeKind;
  id: string;
  label: string;
  /** Young people: the RAG of their latest final screening. */
  rag?: Rag | null;
  /** People of concern: their status and category. */
  pocStatus?: PocStatus | null;
  pocCategory?: PocCategory | null;
}

export interface GraphEdge {
  /** The link's id. */
  id: string;
  type: LinkType;
  source: string;
  target: string;
}

export interface AnalysedNode extends GraphNode {
  key: string;
  /** Distinct neighbours. */
  degree: number;
  /** Unnormalised: the number of shortest paths between other pairs of nodes that pass through this one. */
  betweenness: number;
  /** Components are numbered from 0, largest first (ties by their smallest node key). */
  component: number;
}

export interface Analysis {
  nodes: AnalysedNode[];
  edges: GraphEdge[];
  components: string[][];
}

export const nodeKey = (kind: NodeKind, id: string): string => `${kind}:${id}`;

/** A simple undirected graph: several links between the same two nodes are one edge of it. */
export function buildGraph(nodes: GraphNode[], edges: GraphEdge[]): UndirectedGraph {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  for (const n of nodes) graph.mergeNode(nodeKey(n.kind, n.id), { ...n });
  for (const e of edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) throw new Error(`Edge ${e.id} refers to a node not in the graph`);
    if (e.source !== e.target) graph.mergeEdge(e.source, e.target);
  }
  return graph;
}

/** Connected components, degree and betweenness of every node. */
export function analyse(nodes: GraphNode[], edges: GraphEdge[]): Analysis {
  const graph = buildGraph(nodes, edges);
  const components = connectedComponents(graph)
    .map((c) => [...c].sort())
    .sort((x, y) => y.length - x.length || (x[0] < y[0] ? -1 : 1));
  const componentOf = new Map<string, number>();
  components.forEach((c, i) => c.forEach((k) => componentOf.set(k, i)));
  const betweenness = graph.order > 0 ? betweennessCentrality(graph, { normalized: false }) : {};
  const out: AnalysedNode[] = graph.mapNodes((key, attrs) => ({
    ...(attrs as GraphNode),
    key,
    degree: graph.degree(key),
    betweenness: betweenness[key] ?? 0,
    component: componentOf.get(key)!,
  }));
  return { nodes: out, edges, components };
}

/** The keys of the nodes within `hops` links of the start node (itself included). */
export function neighbourhoodKeys(graph: UndirectedGraph, start: string, hops: number): Set<string> {
  const keys = new Set<string>([start]);
  if (!graph.hasNode(start)) return keys;
  bfsFromNode(graph, start, (key, _attrs, depth) => {
    if (depth > hops) return true;
    keys.add(key);
    return depth === hops;
  });
  return keys;
}

export const COMPLEX_STRATEGY_ADVICE = 'Consider a complex strategy meeting';

export interface ComplexAbuseDecision {
  flagged: boolean;
  reasons: string[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Protocol 6.11, for one connected component: flagged when it holds 2+ young people AND 2+ people
 * of concern, or when one person of concern is linked directly to 3+ young people. The reasons say
 * which, naming the person of concern.
 */
export function complexAbuseRule(nodes: GraphNode[], edges: Pick<GraphEdge, 'source' | 'target'>[]): ComplexAbuseDecision {
  const byKey = new Map(nodes.map((n) => [nodeKey(n.kind, n.id), n]));
  const youngPeople = nodes.filter((n) => n.kind === 'YOUNG_PERSON').length;
  const peopleOfConcern = nodes.filter((n) => n.kind === 'PERSON_OF_CONCERN').length;
  const youngPeopleOf = new Map<string, Set<string>>();
  for (const e of edges) {
    const [s, t] = [byKey.get(e.source), byKey.get(e.target)];
    if (!s || !t) continue;
    for (const [poc, yp] of [
      [s, t],
      [t, s],
    ]) {
      if (poc.kind !== 'PERSON_OF_CONCERN' || yp.kind !== 'YOUNG_PERSON') continue;
      const key = nodeKey(poc.kind, poc.id);
      youngPeopleOf.set(key, (youngPeopleOf.get(key) ?? new Set()).add(yp.id));
    }
  }
  const reasons = complexAbuseReasons(
    youngPeople,
    peopleOfConcern,
    [...youngPeopleOf].map(([key, yps]) => ({ key, label: byKey.get(key)!.label, youngPeople: yps.size })),
  );
  return { flagged: reasons.length > 0, reasons };
}

/**
 * The reasons protocol 6.11 gives for one connected component, from its counts: how many young
 * people and people of concern it holds, and how many young people each person of concern (by node
 * key and label) is linked to directly. Empty when the component is not flagged.
 */
export function complexAbuseReasons(youngPeople: number, peopleOfConcern: number, direct: { key: string; label: string; youngPeople: number }[]): string[] {
  const reasons: string[] = [];
  if (youngPeople >= 2 && peopleOfConcern >= 2) {
    reasons.push(`${plural(youngPeople, 'young person', 'young people')} and ${plural(peopleOfConcern, 'person of concern', 'people of concern')} are connected in one network`);
  }
  for (const d of [...direct].sort((x, y) => y.youngPeople - x.youngPeople || (x.key < y.key ? -1 : 1))) {
    if (d.youngPeople >= 3) reasons.push(`${d.youngPeople} young people are linked directly to ${d.label}`);
  }
  return reasons;
}
