import { describe, expect, it } from 'vitest';
import { buildGraph, edgeColour, HANDLING_C_COLOUR, LINK_COLOURS, neighbourhoodOf, NODE_COLOURS, nodeSize, rankByCentrality, type ApiEdge, type ApiNode } from './graph';

const nodes: ApiNode[] = [
  { id: '1', kind: 'YOUNG_PERSON', label: 'Kestrel', degree: 2, betweenness: 1, component: 0 },
  { id: '1', kind: 'PERSON_OF_CONCERN', label: 'Person A', degree: 3, betweenness: 4, component: 0 },
  { id: '9', kind: 'LOCATION', label: 'Bus station', degree: 1, betweenness: 0, component: 0 },
  { id: '2', kind: 'YOUNG_PERSON', label: 'Heron', degree: 1, betweenness: 0, component: 0 },
];
const edges: ApiEdge[] = [
  { id: 'e1', type: 'SUSPECTED_OF_EXPLOITING', fromId: '1', fromKind: 'YOUNG_PERSON', toId: '1', toKind: 'PERSON_OF_CONCERN', handling: 'P' },
  { id: 'e2', type: 'FREQUENTS', fromId: '1', fromKind: 'PERSON_OF_CONCERN', toId: '9', toKind: 'LOCATION', handling: 'C', handlingNote: 'Not to be shared' },
  { id: 'e3', type: 'PEER', fromId: '1', fromKind: 'YOUNG_PERSON', toId: '2', toKind: 'YOUNG_PERSON', handling: 'P' },
  { id: 'e4', type: 'SEEN_WITH', fromId: '2', fromKind: 'YOUNG_PERSON', toId: '1', toKind: 'PERSON_OF_CONCERN', handling: 'P' },
];

describe('buildGraph', () => {
  it('keys nodes by kind and id, colours by kind and sizes by degree', () => {
    const g = buildGraph(nodes, edges);
    expect(g.order).toBe(4);
    expect(g.size).toBe(4);
    expect(g.getNodeAttribute('YOUNG_PERSON:1', 'color')).toBe(NODE_COLOURS.YOUNG_PERSON);
    expect(g.getNodeAttribute('PERSON_OF_CONCERN:1', 'size')).toBe(nodeSize(3));
    expect(g.getEdgeAttribute('e2', 'color')).toBe(HANDLING_C_COLOUR);
    expect(g.getEdgeAttribute('e2', 'handlingNote')).toBe('Not to be shared');
    expect(g.getEdgeAttribute('e1', 'color')).toBe(LINK_COLOURS.SUSPECTED_OF_EXPLOITING);
    for (const n of g.nodes()) {
      expect(Number.isFinite(g.getNodeAttribute(n, 'x'))).toBe(true);
      expect(Number.isFinite(g.getNodeAttribute(n, 'y'))).toBe(true);
    }
  });
  it('drops hidden kinds and their links', () => {
    const g = buildGraph(nodes, edges, { kinds: ['YOUNG_PERSON', 'PERSON_OF_CONCERN'] });
    expect(g.order).toBe(3);
    expect(g.hasEdge('e2')).toBe(false);
    expect(g.size).toBe(3);
  });
  it('finds a node and its neighbours', () => {
    const g = buildGraph(nodes, edges);
    expect([...neighbourhoodOf(g, 'LOCATION:9')].sort()).toEqual(['LOCATION:9', 'PERSON_OF_CONCERN:1']);
    expect(neighbourhoodOf(g, 'missing').size).toBe(0);
  });
  it('copes with an empty network', () => {
    expect(buildGraph([], []).order).toBe(0);
  });
});

describe('rankByCentrality', () => {
  it('orders by betweenness, then degree, then label, and limits the list', () => {
    expect(rankByCentrality(nodes).map((n) => n.label)).toEqual(['Person A', 'Kestrel', 'Bus station', 'Heron']);
    expect(rankByCentrality(nodes, 2)).toHaveLength(2);
  });
  it('colours edges by type unless handling is C', () => {
    expect(edgeColour({ type: 'PEER', handling: 'P' })).toBe(LINK_COLOURS.PEER);
    expect(edgeColour({ type: 'PEER', handling: 'C' })).toBe(HANDLING_C_COLOUR);
  });
});
