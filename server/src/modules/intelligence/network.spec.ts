import { describe, expect, it } from 'vitest';
import type { LinkType, NodeKind } from './link.entity.js';
import { analyse, buildGraph, complexAbuseRule, neighbourhoodKeys, nodeKey, type GraphEdge, type GraphNode } from './network.js';

const yp = (id: string): GraphNode => ({ kind: 'YOUNG_PERSON', id, label: `YP-${id}` });
const poc = (id: string): GraphNode => ({ kind: 'PERSON_OF_CONCERN', id, label: `Adult ${id}` });
const loc = (id: string): GraphNode => ({ kind: 'LOCATION', id, label: `Place ${id}` });
const k = (n: GraphNode) => nodeKey(n.kind, n.id);
let seq = 0;
const edge = (a: GraphNode, b: GraphNode, type: LinkType = 'ASSOCIATE'): GraphEdge => ({ id: `e${seq++}`, type, source: k(a), target: k(b) });
const byId = (nodes: { id: string; kind: NodeKind }[]) => Object.fromEntries(nodes.map((n) => [n.id, n]));

describe('complexAbuseRule (protocol 6.11)', () => {
  it('flags a component with two young people and two people of concern', () => {
    const [y1, y2, p1, p2] = [yp('1'), yp('2'), poc('a'), poc('b')];
    // A chain: y1 – p1 – y2 – p2 (no one adult linked to three children).
    const d = complexAbuseRule([y1, y2, p1, p2], [edge(y1, p1), edge(p1, y2), edge(y2, p2)]);
    expect(d).toEqual({ flagged: true, reasons: ['2 young people and 2 people of concern are connected in one network'] });
  });

  it('does not flag two young people with only one person of concern (near miss of the first shape)', () => {
    const [y1, y2, p1, l1] = [yp('1'), yp('2'), poc('a'), loc('x')];
    expect(complexAbuseRule([y1, y2, p1, l1], [edge(y1, p1), edge(y2, p1), edge(p1, l1)])).toEqual({ flagged: false, reasons: [] });
  });

  it('does not flag one young person with three people of concern', () => {
    const [y1, p1, p2, p3] = [yp('1'), poc('a'), poc('b'), poc('c')];
    expect(complexAbuseRule([y1, p1, p2, p3], [edge(y1, p1), edge(y1, p2), edge(y1, p3)]).flagged).toBe(false);
  });

  it('flags one person of concern linked directly to three young people, naming them', () => {
    const [y1, y2, y3, p1] = [yp('1'), yp('2'), yp('3'), poc('a')];
    const d = complexAbuseRule([y1, y2, y3, p1], [edge(p1, y1), edge(y2, p1, 'SUSPECTED_OF_EXPLOITING'), edge(p1, y3)]);
    expect(d).toEqual({ flagged: true, reasons: ['3 young people are linked directly to Adult a'] });
  });

  it('does not flag three young people reaching one adult only through each other (near miss of the second shape)', () => {
    const [y1, y2, y3, p1] = [yp('1'), yp('2'), yp('3'), poc('a')];
    // p1 – y1 directly; y2 and y3 only as y1's peers.
    expect(complexAbuseRule([y1, y2, y3, p1], [edge(p1, y1), edge(y1, y2, 'PEER'), edge(y1, y3, 'PEER')])).toEqual({ flagged: false, reasons: [] });
  });

  it('counts a young person once however many links they have to the adult', () => {
    const [y1, y2, p1] = [yp('1'), yp('2'), poc('a')];
    expect(complexAbuseRule([y1, y2, p1], [edge(p1, y1), edge(p1, y1, 'SEEN_WITH'), edge(p1, y2)]).flagged).toBe(false);
  });

  it('gives both reasons when both shapes hold', () => {
    const [y1, y2, y3, p1, p2] = [yp('1'), yp('2'), yp('3'), poc('a'), poc('b')];
    const d = complexAbuseRule([y1, y2, y3, p1, p2], [edge(p1, y1), edge(p1, y2), edge(p1, y3), edge(p2, y3)]);
    expect(d.reasons).toEqual(['3 young people and 2 people of concern are connected in one network', '3 young people are linked directly to Adult a']);
  });
});

describe('analyse', () => {
  it('gives degree and betweenness on a path a–b–c–d', () => {
    const [a, b, c, d] = [yp('a'), yp('b'), yp('c'), yp('d')];
    const r = analyse([a, b, c, d], [edge(a, b), edge(b, c), edge(c, d)]);
    const n = byId(r.nodes) as Record<string, (typeof r.nodes)[number]>;
    expect([n.a.degree, n.b.degree, n.c.degree, n.d.degree]).toEqual([1, 2, 2, 1]);
    // b lies on the shortest paths a–c and a–d; c on a–d and b–d.
    expect([n.a.betweenness, n.b.betweenness, n.c.betweenness, n.d.betweenness]).toEqual([0, 2, 2, 0]);
    expect(r.components).toHaveLength(1);
  });

  it('gives the centre of a star every pair of leaves', () => {
    const centre = poc('hub');
    const leaves = ['1', '2', '3', '4', '5'].map(yp);
    const r = analyse([centre, ...leaves], leaves.map((l) => edge(centre, l)));
    const n = byId(r.nodes) as Record<string, (typeof r.nodes)[number]>;
    expect(n.hub.degree).toBe(5);
    expect(n.hub.betweenness).toBe(10); // C(5,2)
    expect(leaves.map((l) => n[l.id].betweenness)).toEqual([0, 0, 0, 0, 0]);
  });

  it('numbers components largest first, and treats parallel links as one edge', () => {
    const [a, b, c, x, y, lone] = [yp('a'), poc('b'), loc('c'), yp('x'), poc('y'), loc('lone')];
    const r = analyse([a, b, c, x, y, lone], [edge(a, b), edge(b, c), edge(x, y), edge(y, x, 'SEEN_WITH')]);
    const n = byId(r.nodes) as Record<string, (typeof r.nodes)[number]>;
    expect([n.a.component, n.b.component, n.c.component]).toEqual([0, 0, 0]);
    expect([n.x.component, n.y.component]).toEqual([1, 1]);
    expect(n.lone.component).toBe(2);
    expect(n.x.degree).toBe(1);
    expect(r.edges).toHaveLength(4);
  });

  it('finds the neighbourhood within a number of hops', () => {
    const [a, b, c, d] = [yp('a'), yp('b'), yp('c'), yp('d')];
    const g = buildGraph([a, b, c, d], [edge(a, b), edge(b, c), edge(c, d)]);
    expect([...neighbourhoodKeys(g, k(a), 1)].sort()).toEqual([k(a), k(b)]);
    expect([...neighbourhoodKeys(g, k(a), 2)].sort()).toEqual([k(a), k(b), k(c)]);
    expect([...neighbourhoodKeys(g, k(b), 3)].sort()).toEqual([k(a), k(b), k(c), k(d)]);
  });
});
