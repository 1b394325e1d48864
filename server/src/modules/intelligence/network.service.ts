import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import UnionFind from 'union-find';
import { assertNoProblems, badInput, notFound, problem } from '../../common/graphql/errors.js';
import type { ComplexAbuseGroup, Network, NetworkFilter, NetworkNode } from './intelligence.inputs.js';
import { HANDLING_C_NOTE, type HandlingCode, type LinkType, type NodeKind } from './link.entity.js';
import { NODE_LABELS_SQL } from './links.service.js';
import { analyse, COMPLEX_STRATEGY_ADVICE, complexAbuseReasons, complexAbuseRule, nodeKey, type GraphEdge, type GraphNode } from './network.js';

/** Betweenness is O(nodes × links): beyond this many links the caller must narrow the filter. */
export const MAX_NETWORK_LINKS = 20_000;

interface LinkRow {
  id: string;
  type: LinkType;
  a_kind: NodeKind;
  a_id: string;
  b_kind: NodeKind;
  b_id: string;
  handling: HandlingCode;
}

interface Loaded {
  nodes: GraphNode[];
  edges: (GraphEdge & { row: LinkRow })[];
}

@Injectable()
export class NetworkService {
  constructor(private readonly dataSource: DataSource) {}

  /** The filtered links and the labels of their ends: two statements, whatever the size of the network. */
  private async load(filter: NetworkFilter): Promise<Loaded> {
    checkWindow(filter);
    const rows: LinkRow[] = await this.dataSource.query(
      `SELECT id, type, a_kind, a_id, b_kind, b_id, handling FROM link l
       WHERE ${LINK_FILTER_SQL}
       ORDER BY id
       LIMIT ${MAX_NETWORK_LINKS + 1}`,
      filterParams(filter),
    );
    if (rows.length > MAX_NETWORK_LINKS) throw tooManyLinks();
    const ids: Record<NodeKind, Set<string>> = { YOUNG_PERSON: new Set(), PERSON_OF_CONCERN: new Set(), LOCATION: new Set() };
    for (const r of rows) {
      ids[r.a_kind].add(r.a_id);
      ids[r.b_kind].add(r.b_id);
    }
    const nodes: GraphNode[] = rows.length
      ? await this.dataSource.query(NETWORK_NODES_SQL, [[...ids.YOUNG_PERSON], [...ids.PERSON_OF_CONCERN], [...ids.LOCATION]])
      : [];
    const present = new Set(nodes.map((n) => nodeKey(n.kind, n.id)));
    const edges = rows
      .map((row) => ({ id: row.id, type: row.type, source: nodeKey(row.a_kind, row.a_id), target: nodeKey(row.b_kind, row.b_id), row }))
      // A link whose end has since been deleted is left out rather than shown dangling.
      .filter((e) => present.has(e.source) && present.has(e.target));
    return { nodes, edges };
  }

  private toNetwork(nodes: NetworkNode[], edges: Loaded['edges']): Network {
    return {
      nodes,
      edges: edges.map(({ row }) => ({
        id: row.id,
        type: row.type,
        fromKind: row.a_kind,
        fromId: row.a_id,
        toKind: row.b_kind,
        toId: row.b_id,
        handling: row.handling,
        handlingNote: row.handling === 'C' ? HANDLING_C_NOTE : null,
      })),
    };
  }

  async network(filter: NetworkFilter): Promise<Network> {
    const { nodes, edges } = await this.load(filter);
    const analysis = analyse(nodes, edges);
    return this.toNetwork(analysis.nodes.map(({ key: _key, ...n }) => n), edges);
  }

  /**
   * The nodes within `hops` links of one node, with degree, betweenness and components computed within
   * that neighbourhood. Only the links around the growing neighbourhood are read, a hop at a time
   * (links and the labels of their new ends), then the links among the outermost nodes: 2 + 2 × hops
   * statements, whatever the size of the whole network.
   */
  async neighbourhood(kind: NodeKind, id: string, hops: number, filter: NetworkFilter): Promise<Network> {
    assertNoProblems([problem('hops', Number.isInteger(hops) && hops >= 1 && hops <= 3 ? null : 'Hops must be 1, 2 or 3')]);
    const labels = (keys: { kind: NodeKind; id: string }[]): Promise<GraphNode[]> =>
      this.dataSource.query(NETWORK_NODES_SQL, (['YOUNG_PERSON', 'PERSON_OF_CONCERN', 'LOCATION'] as const).map((k) => keys.filter((x) => x.kind === k).map((x) => x.id)));
    const [self] = await labels([{ kind, id }]);
    if (!self) throw notFound(`The ${kind.toLowerCase().replace(/_/g, ' ')}`);
    checkWindow(filter);
    const start = nodeKey(kind, id);
    const nodes = new Map<string, GraphNode>([[start, self]]);
    const links = new Map<string, LinkRow>();
    const params = filterParams(filter);
    const around = (ends: GraphNode[], both: boolean): Promise<LinkRow[]> =>
      this.dataSource.query(
        both
          ? `SELECT l.id, l.type, l.a_kind, l.a_id, l.b_kind, l.b_id, l.handling
             FROM link l JOIN unnest($6::text[], $7::uuid[]) AS a(kind, id) ON l.a_kind = a.kind AND l.a_id = a.id
             WHERE ${LINK_FILTER_SQL} AND (l.b_kind, l.b_id) IN (SELECT * FROM unnest($6::text[], $7::uuid[]))`
          : `SELECT l.id, l.type, l.a_kind, l.a_id, l.b_kind, l.b_id, l.handling
             FROM link l JOIN unnest($6::text[], $7::uuid[]) AS a(kind, id) ON l.a_kind = a.kind AND l.a_id = a.id WHERE ${LINK_FILTER_SQL}
             UNION
             SELECT l.id, l.type, l.a_kind, l.a_id, l.b_kind, l.b_id, l.handling
             FROM link l JOIN unnest($6::text[], $7::uuid[]) AS b(kind, id) ON l.b_kind = b.kind AND l.b_id = b.id WHERE ${LINK_FILTER_SQL}`,
        [...params, ends.map((n) => n.kind), ends.map((n) => n.id)],
      );
    let frontier: GraphNode[] = [self];
    for (let hop = 1; hop <= hops && frontier.length; hop++) {
      const found = await around(frontier, false);
      const ends = new Map<string, { kind: NodeKind; id: string }>();
      for (const r of found) {
        for (const [k, i] of [[r.a_kind, r.a_id], [r.b_kind, r.b_id]] as const) if (!nodes.has(nodeKey(k, i))) ends.set(nodeKey(k, i), { kind: k, id: i });
      }
      // A link whose other end has since been deleted is left out rather than shown dangling.
      const fresh = ends.size ? await labels([...ends.values()]) : [];
      for (const n of fresh) nodes.set(nodeKey(n.kind, n.id), n);
      for (const r of found) if (nodes.has(nodeKey(r.a_kind, r.a_id)) && nodes.has(nodeKey(r.b_kind, r.b_id))) links.set(r.id, r);
      if (links.size > MAX_NETWORK_LINKS) throw tooManyLinks();
      frontier = fresh;
    }
    // The links between two nodes of the outermost hop (every other link inside was read on the way out).
    if (frontier.length > 1) for (const r of await around(frontier, true)) links.set(r.id, r);
    const inside = [...nodes.values()];
    const insideEdges = [...links.values()]
      .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .map((row) => ({ id: row.id, type: row.type, source: nodeKey(row.a_kind, row.a_id), target: nodeKey(row.b_kind, row.b_id), row }));
    const analysis = analyse(inside, insideEdges);
    return this.toNetwork(analysis.nodes.map(({ key: _key, ...n }) => n), insideEdges);
  }

  /** Connected groups meeting protocol 6.11, largest first. */
  async complexAbuseGroups(filter: NetworkFilter): Promise<ComplexAbuseGroup[]> {
    const { nodes, edges } = await this.load(filter);
    const analysis = analyse(nodes, edges);
    const byComponent = new Map<number, typeof analysis.nodes>();
    for (const n of analysis.nodes) byComponent.set(n.component, [...(byComponent.get(n.component) ?? []), n]);
    const out: ComplexAbuseGroup[] = [];
    for (const [component, members] of [...byComponent].sort((x, y) => x[0] - y[0])) {
      const keys = new Set(members.map((n) => n.key));
      const decision = complexAbuseRule(members, edges.filter((e) => keys.has(e.source)));
      if (!decision.flagged) continue;
      out.push({
        component,
        recommendation: COMPLEX_STRATEGY_ADVICE,
        reasons: decision.reasons,
        members: members.map(({ key: _key, ...n }) => n).sort((x, y) => x.kind.localeCompare(y.kind) || x.label.localeCompare(y.label)),
      });
    }
    return out;
  }

  /**
   * The groups of `complexAbuseGroups` — same components, numbering, reasons and members — over the
   * whole network however large (the agenda's use). The matching links whose ends both exist come in
   * one row (each end as its kind's letter and its id), the ends are numbered as they come, the
   * components are found by union-find over the numbers, and only the people of concern the reasons
   * name are looked up. No centrality.
   */
  async complexAbuseGroupSummaries(filter: NetworkFilter): Promise<ComplexAbuseGroupSummary[]> {
    checkWindow(filter);
    const [{ links: text }] = await this.dataSource.query<{ links: string | null }[]>(LINK_ENDS_SQL, filterParams(filter));
    // Each end is a node key in short: its kind's letter and its id, which order as the keys do.
    const keys: string[] = [];
    const numberOf = new Map<string, number>();
    const number = (key: string): number => {
      let n = numberOf.get(key);
      if (n === undefined) {
        n = keys.length;
        numberOf.set(key, n);
        keys.push(key);
      }
      return n;
    };
    const links = (text?.length ?? 0) / (2 * END_LENGTH);
    const from = new Int32Array(links);
    const to = new Int32Array(links);
    for (let e = 0, at = 0; e < links; e++, at += 2 * END_LENGTH) {
      from[e] = number(text!.slice(at, at + END_LENGTH));
      to[e] = number(text!.slice(at + END_LENGTH, at + 2 * END_LENGTH));
    }
    const kinds = keys.map((k) => KIND_OF_LETTER[k[0]]);
    const ids = keys.map((k) => k.slice(1));
    // The components, by union-find over the numbers (graphology's string-keyed graph costs seconds at this size).
    const forest = new UnionFind(ids.length);
    for (let e = 0; e < links; e++) forest.link(from[e], to[e]);
    const members = new Map<number, number[]>();
    for (let i = 0; i < ids.length; i++) {
      const root = forest.find(i);
      const list = members.get(root);
      if (list) list.push(i);
      else members.set(root, [i]);
    }
    const edgesOf = new Map<number, number[]>();
    for (let e = 0; e < links; e++) {
      const root = forest.find(from[e]);
      const list = edgesOf.get(root);
      if (list) list.push(e);
      else edgesOf.set(root, [e]);
    }
    // Numbered as analyse() numbers them: largest first, ties by their smallest node key.
    const ordered = [...members.entries()]
      .map(([root, nodes]) => ({ root, nodes, first: nodes.reduce((m, i) => (keys[i] < keys[m] ? i : m), nodes[0]) }))
      .sort((x, y) => y.nodes.length - x.nodes.length || (keys[x.first] < keys[y.first] ? -1 : 1));
    // Protocol 6.11 per component: counts by kind, and each person of concern's young people linked directly.
    const judged = ordered.map((c, component) => {
      const edges = edgesOf.get(c.root) ?? [];
      const youngPeople = c.nodes.filter((i) => kinds[i] === 'YOUNG_PERSON').length;
      const peopleOfConcern = c.nodes.filter((i) => kinds[i] === 'PERSON_OF_CONCERN').length;
      const direct = new Map<number, Set<number>>();
      if (youngPeople >= 3 && peopleOfConcern >= 1) {
        for (const e of edges) {
          for (const [p, y] of [
            [from[e], to[e]],
            [to[e], from[e]],
          ]) {
            if (kinds[p] !== 'PERSON_OF_CONCERN' || kinds[y] !== 'YOUNG_PERSON') continue;
            const set = direct.get(p);
            if (set) set.add(y);
            else direct.set(p, new Set([y]));
          }
        }
      }
      const many = [...direct].filter(([, yps]) => yps.size >= 3);
      return { component, nodes: c.nodes, youngPeople, peopleOfConcern, many, flagged: (youngPeople >= 2 && peopleOfConcern >= 2) || many.length > 0 };
    });
    const flagged = judged.filter((c) => c.flagged);
    // The reasons name people of concern: their labels, for those named only.
    const pocs = [...new Set(flagged.flatMap((c) => c.many.map(([p]) => ids[p])))];
    const named: GraphNode[] = pocs.length ? await this.dataSource.query(NODE_LABELS_SQL, [[], pocs, []]) : [];
    const label = new Map(named.map((n) => [n.id, n.label]));
    return flagged.map((c) => ({
      component: c.component,
      recommendation: COMPLEX_STRATEGY_ADVICE,
      reasons: complexAbuseReasons(
        c.youngPeople,
        c.peopleOfConcern,
        c.many.map(([p, yps]) => ({ key: nodeKey(kinds[p], ids[p]), label: label.get(ids[p]) ?? nodeKey(kinds[p], ids[p]), youngPeople: yps.size })),
      ),
      members: c.nodes.map((i) => ({ kind: kinds[i], id: ids[i] })),
    }));
  }
}

export interface ComplexAbuseGroupSummary {
  component: number;
  recommendation: string;
  reasons: string[];
  members: { kind: NodeKind; id: string }[];
}

/**
 * SQL giving each node of the network whose id is in $1 (young people), $2 (people of concern) or
 * $3 (locations): its label (young people by pseudonym only) and what its risk is drawn from — the
 * RAG of a young person's latest final screening, a person of concern's status and category. One
 * statement for any number of nodes.
 */
const NETWORK_NODES_SQL = `
  SELECT 'YOUNG_PERSON' AS kind, yp.id, yp.pseudonym AS label, la.rag, NULL::text AS "pocStatus", NULL::text AS "pocCategory"
  FROM young_person yp
  LEFT JOIN LATERAL (
    SELECT ra.rag FROM risk_assessment ra
    WHERE ra.young_person_id = yp.id AND ra.status = 'FINAL'
    ORDER BY ra.assessed_on DESC, ra.created_at DESC LIMIT 1
  ) la ON true
  WHERE yp.id = ANY($1::uuid[])
  UNION ALL
  SELECT 'PERSON_OF_CONCERN', id, coalesce(nullif(concat_ws(' ', first_name, last_name), ''), aliases[1], 'Unnamed'), NULL, status, category
  FROM person_of_concern WHERE id = ANY($2::uuid[])
  UNION ALL
  SELECT 'LOCATION', id, name, NULL, NULL, NULL FROM location WHERE id = ANY($3::uuid[])`;

/** The network filter as SQL over `link l`, with its values as $1–$5 (see filterParams). */
const LINK_FILTER_SQL = `($1::text[] IS NULL OR l.type = ANY($1::text[]))
         AND ($2::int IS NULL OR l.source_grade <= $2::int)
         AND ($3::text[] IS NULL OR l.intelligence_grade = ANY($3::text[]))
         AND ($4::date IS NULL OR l.last_seen >= $4::date)
         AND ($5::date IS NULL OR l.last_seen <= $5::date)`;

/** An end of a link in LINK_ENDS_SQL: its kind's first letter and its 36-character id. */
const END_LENGTH = 37;
const KIND_OF_LETTER: Record<string, NodeKind> = { L: 'LOCATION', P: 'PERSON_OF_CONCERN', Y: 'YOUNG_PERSON' };
/**
 * SQL giving every link matching the filter ($1–$5) whose ends both still exist, as one text of its
 * two ends after one another (each END_LENGTH characters): one row, whatever the size of the network,
 * rather than a row per link for the driver to build.
 */
const LINK_ENDS_SQL = (() => {
  const exists = (end: 'a' | 'b') =>
    `CASE l.${end}_kind WHEN 'YOUNG_PERSON' THEN l.${end}_id IN (SELECT id FROM young_person) WHEN 'PERSON_OF_CONCERN' THEN l.${end}_id IN (SELECT id FROM person_of_concern)
      ELSE l.${end}_id IN (SELECT id FROM location) END`;
  return `SELECT string_agg(left(l.a_kind, 1) || l.a_id::text || left(l.b_kind, 1) || l.b_id::text, '') AS links
    FROM link l WHERE ${LINK_FILTER_SQL} AND ${exists('a')} AND ${exists('b')}`;
})();

function filterParams(filter: NetworkFilter): unknown[] {
  return [filter.types?.length ? filter.types : null, filter.maxSourceGrade ?? null, filter.intelligenceGrades?.length ? filter.intelligenceGrades : null, filter.lastSeenFrom ?? null, filter.lastSeenTo ?? null];
}

function checkWindow(filter: NetworkFilter): void {
  assertNoProblems([problem('filter.lastSeenTo', filter.lastSeenFrom && filter.lastSeenTo && filter.lastSeenTo < filter.lastSeenFrom ? 'The end of the window must be on or after its start' : null)]);
}

function tooManyLinks(): Error {
  return badInput([{ field: 'filter', message: `More than ${MAX_NETWORK_LINKS.toLocaleString('en-GB')} links match: narrow the filter (link types, grading or dates)` }]);
}
