import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  edgeColour,
  HANDLING_C_COLOUR,
  LINK_COLOURS,
  neighbourhoodOf,
  NO_RING,
  NODE_COLOURS,
  nodeAttributes,
  nodeRisk,
  nodeSize,
  rankByCentrality,
  RISK_RINGS,
  type ApiEdge,
  type ApiNode,
} from './graph';

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

describe('nodeRisk and the risk ring', () => {
  const yp = (rag: string | null) => nodeRisk({ kind: 'YOUNG_PERSON', rag });
  const poc = (pocStatus: string, pocCategory = 'SUSPECTED_PERPETRATOR') => nodeRisk({ kind: 'PERSON_OF_CONCERN', pocStatus, pocCategory });

  it("rates a young person by the RAG of their latest final screening, and shows none without one", () => {
    expect(yp('RED')).toEqual({ level: 'HIGH', label: 'Red (latest screening)' });
    expect(yp('AMBER')).toEqual({ level: 'MEDIUM', label: 'Amber (latest screening)' });
    expect(yp('GREEN')).toEqual({ level: 'LOW', label: 'Green (latest screening)' });
    expect(yp(null)).toEqual({ level: null, label: 'No final screening' });
  });

  it('rates a person of concern by status, naming the category, and a location not at all', () => {
    expect(poc('CONVICTED')).toEqual({ level: 'HIGH', label: 'Convicted, suspected perpetrator' });
    expect(poc('CHARGED', 'PERSON_OF_CONCERN')).toEqual({ level: 'HIGH', label: 'Charged, person of concern' });
    expect(poc('ARRESTED').level).toBe('MEDIUM');
    expect(poc('UNDER_INVESTIGATION').level).toBe('MEDIUM');
    expect(poc('INTELLIGENCE_ONLY')).toEqual({ level: 'LOW', label: 'Intelligence only, suspected perpetrator' });
    expect(poc('NFA')).toEqual({ level: null, label: 'No further action, suspected perpetrator' });
    expect(nodeRisk({ kind: 'LOCATION', rag: 'RED' })).toEqual({ level: null, label: '' });
  });

  it('draws the ring in the level\'s colour and width (wider for higher risk), and no ring without a level', () => {
    const red = nodeAttributes({ id: 'y', kind: 'YOUNG_PERSON', label: 'Kestrel', degree: 4, betweenness: 0, component: 0, rag: 'RED' });
    expect(red).toMatchObject({ risk: 'HIGH', riskLabel: 'Red (latest screening)', ringColor: RISK_RINGS.HIGH.colour, ringSize: RISK_RINGS.HIGH.width, color: NODE_COLOURS.YOUNG_PERSON, size: nodeSize(4) });
    const unscreened = nodeAttributes({ id: 'z', kind: 'YOUNG_PERSON', label: 'Heron', degree: 1, betweenness: 0, component: 0, rag: null });
    expect(unscreened).toMatchObject({ risk: null, ringColor: NO_RING, ringSize: 0 });
    expect(RISK_RINGS.HIGH.width).toBeGreaterThan(RISK_RINGS.MEDIUM.width);
    expect(RISK_RINGS.MEDIUM.width).toBeGreaterThan(RISK_RINGS.LOW.width);
    expect(new Set(Object.values(RISK_RINGS).map((r) => r.colour)).size).toBe(3);
  });

  it('carries the risk into the graph built from the API', () => {
    const g = buildGraph([{ ...nodes[1], pocStatus: 'ARRESTED', pocCategory: 'SUSPECTED_PERPETRATOR' }, nodes[0]], []);
    expect(g.getNodeAttribute('PERSON_OF_CONCERN:1', 'ringColor')).toBe(RISK_RINGS.MEDIUM.colour);
    expect(g.getNodeAttribute('PERSON_OF_CONCERN:1', 'riskLabel')).toBe('Arrested, suspected perpetrator');
    expect(g.getNodeAttribute('YOUNG_PERSON:1', 'ringSize')).toBe(0);
  });
});
