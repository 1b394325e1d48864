import type { HandlingCode, LinkType, NodeKind } from '../../../gql/graphql';

export interface LinkEndLike {
  id: string;
  kind: NodeKind;
  label: string;
}

export interface LinkLike {
  id: string;
  type: LinkType;
  lastSeen: string;
  handling: HandlingCode;
  handlingNote?: string | null;
  from: LinkEndLike;
  to: LinkEndLike;
}

/** Someone or somewhere linked to a place, with every link between them. */
export interface Linked {
  end: LinkEndLike;
  types: LinkType[];
  lastSeen: string;
  /** The handling condition when any of the links is under handling code C. */
  condition: string | null;
}

export interface LinkedByKind {
  peopleOfConcern: Linked[];
  youngPeople: Linked[];
  places: Linked[];
}

/**
 * The other ends of a node's links, one entry per node (two links of different types to the same
 * person make one entry), grouped by kind, most recently seen first.
 */
export function linkedTo(links: readonly LinkLike[], kind: NodeKind, id: string): LinkedByKind {
  const byKey = new Map<string, Linked>();
  for (const l of links) {
    const end = l.from.kind === kind && l.from.id === id ? l.to : l.from;
    const key = `${end.kind}:${end.id}`;
    const entry = byKey.get(key) ?? { end, types: [], lastSeen: '', condition: null };
    if (!entry.types.includes(l.type)) entry.types.push(l.type);
    if (l.lastSeen > entry.lastSeen) entry.lastSeen = l.lastSeen;
    if (l.handling === 'C') entry.condition = l.handlingNote?.trim() || 'Conditions apply: ask the source agency before sharing.';
    byKey.set(key, entry);
  }
  const all = [...byKey.values()].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.end.label.localeCompare(b.end.label));
  return {
    peopleOfConcern: all.filter((e) => e.end.kind === 'PERSON_OF_CONCERN'),
    youngPeople: all.filter((e) => e.end.kind === 'YOUNG_PERSON'),
    places: all.filter((e) => e.end.kind === 'LOCATION'),
  };
}
