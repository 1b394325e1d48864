import type { HandlingCode, IntelligenceGrade, LinkType, NodeKind, RecordLinkInput } from '../../../gql/graphql';
import { formErrors, type FormErrors } from '../../../lib/errors';
import { isDay, today } from '../../list/common';

export const NODE_KINDS: readonly NodeKind[] = ['PERSON_OF_CONCERN', 'LOCATION', 'YOUNG_PERSON'];

export function isNodeKind(value: string | null | undefined): value is NodeKind {
  return (NODE_KINDS as readonly (string | null | undefined)[]).includes(value);
}

/** How a kind of node is named in a sentence. */
export const KIND_NOUNS: Record<NodeKind, string> = { PERSON_OF_CONCERN: 'person of concern', LOCATION: 'place', YOUNG_PERSON: 'young person' };

/** Where a node's own page is. */
export function nodePath(kind: NodeKind, id: string): string {
  return kind === 'PERSON_OF_CONCERN' ? `/intelligence/people/${id}` : kind === 'LOCATION' ? `/intelligence/places/${id}` : `/list/${id}`;
}

/** The address of the form recording a link from a node. */
export function recordLinkPath(kind: NodeKind, id: string): string {
  return `/intelligence/links/new?${new URLSearchParams({ fromKind: kind, fromId: id }).toString()}`;
}

export interface LinkDraft {
  toKind: string;
  toId: string;
  /** The chosen node's name, kept so the choice still reads right after another search. */
  toLabel: string;
  type: string;
  sourceAgencyId: string;
  firstSeen: string;
  lastSeen: string;
  sourceGrade: string;
  intelligenceGrade: string;
  handling: string;
}

export function emptyLinkDraft(sourceAgencyId = ''): LinkDraft {
  return { toKind: '', toId: '', toLabel: '', type: '', sourceAgencyId, firstSeen: '', lastSeen: '', sourceGrade: '', intelligenceGrade: '', handling: '' };
}

export interface LinkFrom {
  kind: NodeKind;
  id: string;
}

/**
 * What is wrong with a link before it is sent. `toTarget` is the input the "choose the other end"
 * problem links to: the results when there are some, else the search box.
 */
export function linkProblems(from: LinkFrom, d: LinkDraft, toTarget: string, on = today()): FormErrors {
  const kind = isNodeKind(d.toKind) ? d.toKind : null;
  return formErrors([
    { id: 'toKind', message: kind ? null : 'Choose what it is linked to: a person of concern, a place or a young person' },
    {
      id: toTarget,
      message: !kind ? null : !d.toId ? `Search for and choose the ${KIND_NOUNS[kind]} it is linked to` : kind === from.kind && d.toId === from.id ? 'A link needs two different things: choose another' : null,
    },
    { id: 'type', message: d.type ? null : 'Choose the type of link' },
    { id: 'sourceAgencyId', message: d.sourceAgencyId ? null : 'Choose the agency the intelligence came from' },
    {
      id: 'firstSeen',
      message: !isDay(d.firstSeen) ? 'Enter the date first seen as yyyy-mm-dd, for example 2026-03-27' : d.firstSeen.trim() > on ? 'First seen cannot be in the future' : null,
    },
    {
      id: 'lastSeen',
      message: !isDay(d.lastSeen)
        ? 'Enter the date last seen as yyyy-mm-dd, for example 2026-03-27'
        : d.lastSeen.trim() > on
          ? 'Last seen cannot be in the future'
          : isDay(d.firstSeen) && d.lastSeen.trim() < d.firstSeen.trim()
            ? 'Last seen must be on or after first seen'
            : null,
    },
    { id: 'sourceGrade', message: ['1', '2', '3'].includes(d.sourceGrade) ? null : 'Choose the source evaluation: 1, 2 or 3' },
    { id: 'intelligenceGrade', message: d.intelligenceGrade ? null : 'Choose the intelligence assessment: A to E' },
    { id: 'handling', message: d.handling ? null : 'Choose the handling code: P or C' },
  ]);
}

export function linkInput(from: LinkFrom, d: LinkDraft): RecordLinkInput {
  return {
    fromKind: from.kind,
    fromId: from.id,
    toKind: d.toKind as NodeKind,
    toId: d.toId,
    type: d.type as LinkType,
    sourceAgencyId: d.sourceAgencyId,
    firstSeen: d.firstSeen.trim(),
    lastSeen: d.lastSeen.trim(),
    sourceGrade: Number(d.sourceGrade),
    intelligenceGrade: d.intelligenceGrade as IntelligenceGrade,
    handling: d.handling as HandlingCode,
  };
}

/** The server's field names to the form's inputs. */
export function linkFieldIds(toTarget: string): Record<string, string> {
  return {
    toKind: 'toKind',
    toId: toTarget,
    type: 'type',
    sourceAgencyId: 'sourceAgencyId',
    firstSeen: 'firstSeen',
    lastSeen: 'lastSeen',
    sourceGrade: 'sourceGrade',
    intelligenceGrade: 'intelligenceGrade',
    handling: 'handling',
  };
}

/** The message shown back on the page the link was recorded from. */
export function linkRecordedMessage(merged: boolean, otherLabel: string): string {
  return merged
    ? `The link to ${otherLabel} was already recorded, so it was not added again: your grading was added to the existing link and its first and last seen dates widened to include yours.`
    : `Link to ${otherLabel} recorded.`;
}
