import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertNoProblems, badInput, notFound, problem } from '../../common/graphql/errors.js';
import type { ComplexAbuseGroup, Network, NetworkFilter, NetworkNode } from './intelligence.inputs.js';
import { HANDLING_C_NOTE, type HandlingCode, type LinkType, type NodeKind } from './link.entity.js';
import { NODE_LABELS_SQL, NODE_TABLES } from './links.service.js';
import { analyse, buildGraph, COMPLEX_STRATEGY_ADVICE, complexAbuseRule, neighbourhoodKeys, nodeKey, type GraphEdge, type GraphNode } from './network.js';

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
    assertNoProblems([problem('filter.lastSeenTo', filter.lastSeenFrom && filter.lastSeenTo && filter.lastSeenTo < filter.lastSeenFrom ? 'The end of the window must be on or after its start' : null)]);
    const rows: LinkRow[] = await this.dataSource.query(
      `SELECT id, type, a_kind, a_id, b_kind, b_id, handling FROM link
       WHERE ($1::text[] IS NULL OR type = ANY($1::text[]))
         AND ($2::int IS NULL OR source_grade <= $2::int)
         AND ($3::text[] IS NULL OR intelligence_grade = ANY($3::text[]))
         AND ($4::date IS NULL OR last_seen >= $4::date)
         AND ($5::date IS NULL OR last_seen <= $5::date)
       ORDER BY id
       LIMIT ${MAX_NETWORK_LINKS + 1}`,
      [filter.types?.length ? filter.types : null, filter.maxSourceGrade ?? null, filter.intelligenceGrades?.length ? filter.intelligenceGrades : null, filter.lastSeenFrom ?? null, filter.lastSeenTo ?? null],
    );
    if (rows.length > MAX_NETWORK_LINKS) {
      throw badInput([{ field: 'filter', message: `More than ${MAX_NETWORK_LINKS.toLocaleString('en-GB')} links match: narrow the filter (link types, grading or dates)` }]);
    }
    const ids: Record<NodeKind, Set<string>> = { YOUNG_PERSON: new Set(), PERSON_OF_CONCERN: new Set(), LOCATION: new Set() };
    for (const r of rows) {
      ids[r.a_kind].add(r.a_id);
      ids[r.b_kind].add(r.b_id);
    }
    const nodes: GraphNode[] = rows.length
      ? await this.dataSource.query(NODE_LABELS_SQL, [[...ids.YOUNG_PERSON], [...ids.PERSON_OF_CONCERN], [...ids.LOCATION]])
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

  /** The nodes within `hops` links of one node, with degree, betweenness and components computed within that neighbourhood. */
  async neighbourhood(kind: NodeKind, id: string, hops: number, filter: NetworkFilter): Promise<Network> {
    assertNoProblems([problem('hops', Number.isInteger(hops) && hops >= 1 && hops <= 3 ? null : 'Hops must be 1, 2 or 3')]);
    const exists: unknown[] = await this.dataSource.query(`SELECT 1 FROM ${NODE_TABLES[kind]} WHERE id = $1`, [id]);
    if (exists.length === 0) throw notFound(`The ${kind.toLowerCase().replace(/_/g, ' ')}`);
    const { nodes, edges } = await this.load(filter);
    const start = nodeKey(kind, id);
    const keys = neighbourhoodKeys(buildGraph(nodes, edges), start, hops);
    let inside = nodes.filter((n) => keys.has(nodeKey(n.kind, n.id)));
    if (inside.length === 0) {
      // A node with no links (under this filter) is its own neighbourhood.
      inside = await this.dataSource.query(NODE_LABELS_SQL, [kind === 'YOUNG_PERSON' ? [id] : [], kind === 'PERSON_OF_CONCERN' ? [id] : [], kind === 'LOCATION' ? [id] : []]);
    }
    const insideEdges = edges.filter((e) => keys.has(e.source) && keys.has(e.target));
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
}
