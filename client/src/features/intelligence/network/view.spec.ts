import { describe, expect, it } from 'vitest';
import type { ApiEdge, ApiNode } from '../../../components/network/graph';
import { buildViewGraph, leavesOf, newIn, viewOf, type ApiNetwork, type Positions } from './view';

const node = (kind: ApiNode['kind'], id: string, label: string, degree = 1): ApiNode => ({ id, kind, label, degree, betweenness: 0, component: 0 });
const edge = (id: string, a: ApiNode, b: ApiNode, type = 'PEER'): ApiEdge => ({ id, type, fromKind: a.kind, fromId: a.id, toKind: b.kind, toId: b.id, handling: 'P' });

const poc = node('PERSON_OF_CONCERN', 'p', 'Person A', 3);
const kestrel = node('YOUNG_PERSON', 'k', 'Kestrel', 2);
const heron = node('YOUNG_PERSON', 'h', 'Heron');
const station = node('LOCATION', 's', 'Bus station');
const park = node('LOCATION', 'q', 'Park');

const whole: ApiNetwork = {
  nodes: [poc, kestrel, heron, station, park],
  edges: [edge('e1', poc, kestrel, 'SUSPECTED_OF_EXPLOITING'), edge('e2', poc, station, 'FREQUENTS'), edge('e3', kestrel, heron), edge('e4', poc, park, 'LIVES_AT')],
};

describe('viewOf', () => {
  it('shows the kinds the filters keep and the links between them', () => {
    const v = viewOf({ base: whole, kinds: ['PERSON_OF_CONCERN', 'YOUNG_PERSON'], expansions: [], hidden: new Set() });
    expect(v.nodes.map((n) => n.label)).toEqual(['Person A', 'Kestrel', 'Heron']);
    expect(v.edges.map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(v.added.size).toBe(0);
  });

  it('merges an expanded neighbourhood in, whatever the kind, with the whole-network figures', () => {
    const hood: ApiNetwork = { nodes: [{ ...poc, degree: 2 }, { ...station, degree: 1, betweenness: 0 }], edges: [whole.edges[1]] };
    const metrics = new Map([['LOCATION:s', { ...station, degree: 7, betweenness: 12 }]]);
    const v = viewOf({ base: whole, kinds: ['PERSON_OF_CONCERN', 'YOUNG_PERSON'], expansions: [{ key: 'PERSON_OF_CONCERN:p', network: hood }], hidden: new Set(), metrics });
    expect(v.nodes.map((n) => n.label)).toEqual(['Person A', 'Kestrel', 'Heron', 'Bus station']);
    expect(v.nodes.find((n) => n.id === 'p')?.degree).toBe(3); // the base's own figure is kept
    expect(v.nodes.find((n) => n.id === 's')?.degree).toBe(7);
    expect(v.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect([...v.added]).toEqual(['LOCATION:s']);
  });

  it('leaves out collapsed nodes and their links', () => {
    const v = viewOf({ base: whole, kinds: ['PERSON_OF_CONCERN', 'YOUNG_PERSON', 'LOCATION'], expansions: [], hidden: new Set(['LOCATION:s', 'LOCATION:q']) });
    expect(v.nodes).toHaveLength(3);
    expect(v.edges.map((e) => e.id)).toEqual(['e1', 'e3']);
  });
});

describe('buildViewGraph', () => {
  it('lays out afresh when nothing is placed, then keeps places and puts new nodes next to their neighbour', () => {
    const positions: Positions = new Map();
    const first = buildViewGraph(viewOf({ base: whole, kinds: ['PERSON_OF_CONCERN', 'YOUNG_PERSON'], expansions: [], hidden: new Set() }), positions);
    expect(first.order).toBe(3);
    expect([...positions.keys()].sort()).toEqual(['PERSON_OF_CONCERN:p', 'YOUNG_PERSON:h', 'YOUNG_PERSON:k']);
    const before = { ...positions.get('PERSON_OF_CONCERN:p')! };

    const second = buildViewGraph(viewOf({ base: whole, kinds: ['PERSON_OF_CONCERN', 'YOUNG_PERSON'], expansions: [{ key: 'PERSON_OF_CONCERN:p', network: whole }], hidden: new Set() }), positions);
    expect(second.order).toBe(5);
    expect(second.getNodeAttributes('PERSON_OF_CONCERN:p')).toMatchObject(before);
    for (const key of ['LOCATION:s', 'LOCATION:q']) {
      const a = second.getNodeAttributes(key);
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      expect(a.x === before.x && a.y === before.y).toBe(false);
    }
    expect(positions.size).toBe(5);
  });
});

describe('leavesOf and newIn', () => {
  const positions: Positions = new Map();
  const graph = buildViewGraph(viewOf({ base: whole, kinds: ['PERSON_OF_CONCERN', 'YOUNG_PERSON', 'LOCATION'], expansions: [], hidden: new Set() }), positions);

  it('finds the neighbours linked to nothing else', () => {
    expect(leavesOf(graph, 'PERSON_OF_CONCERN:p').sort()).toEqual(['LOCATION:q', 'LOCATION:s']);
    expect(leavesOf(graph, 'YOUNG_PERSON:k')).toEqual(['YOUNG_PERSON:h']);
    expect(leavesOf(graph, 'LOCATION:s')).toEqual([]);
    expect(leavesOf(graph, 'nowhere')).toEqual([]);
  });

  it('counts what a neighbourhood would add', () => {
    expect(newIn(graph, whole, new Set())).toEqual({ nodes: 0, links: 0 });
    expect(newIn(graph, whole, new Set(['LOCATION:s']))).toEqual({ nodes: 1, links: 0 });
    expect(newIn(null, whole, new Set())).toEqual({ nodes: 5, links: 4 });
  });
});
