// The client's own GraphQL documents (the .graphql files its generated types come from), so the
// benchmark sends exactly what the pages send.

import { parse, print, visit } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES = [
  'app/session.graphql',
  'features/auth/auth.graphql',
  'features/list/list.graphql',
  'features/analysis/analysis.graphql',
  'features/intelligence/intelligence.graphql',
  'features/meetings/meetings.graphql',
  'features/returns/returns.graphql',
];

/** Returns a function giving an operation's text with the fragments it spreads. */
export function clientDocuments(root) {
  const definitions = FILES.flatMap((f) => parse(readFileSync(join(root, 'client', 'src', f), 'utf8')).definitions);
  const fragments = new Map(definitions.filter((d) => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]));
  const operations = new Map(definitions.filter((d) => d.kind === 'OperationDefinition').map((d) => [d.name.value, d]));
  const cache = new Map();
  return (name) => {
    if (cache.has(name)) return cache.get(name);
    const op = operations.get(name);
    if (!op) throw new Error(`No operation ${name} in the client's documents`);
    const needed = new Set();
    const collect = (node) =>
      visit(node, {
        FragmentSpread(s) {
          if (needed.has(s.name.value)) return;
          needed.add(s.name.value);
          collect(fragments.get(s.name.value));
        },
      });
    collect(op);
    const text = [op, ...[...needed].map((n) => fragments.get(n))].map((d) => print(d)).join('\n\n');
    cache.set(name, text);
    return text;
  };
}

/** The PostGraphile peer's documents: the same fields as the list and young person pages. */
export const PEER_LIST = `query PeerList($first: Int!, $genders: [String], $rags: [String]) {
  maseList(first: $first, genders: $genders, rags: $rags) {
    nodes {
      rowId pseudonym ageBand legalStatus placementType reference firstName lastName
      latestAssessment { rowId assessedOn finalScore rag nextReviewOn }
      currentMembership { rowId startedOn }
    }
    pageInfo { endCursor hasNextPage }
  }
}`;

export const PEER_PERSON = `query PeerPerson($id: UUID!) {
  youngPersonByRowId(rowId: $id) {
    rowId pseudonym ageBand gender ethnicity legalStatus placementType placementBorough educationStatus send presentation homeWard version
    reference firstName lastName aliases dateOfBirth school socialWorker team crisNumber merlinReferences
    currentMembership { rowId startedOn endedOn endKind endReason startReason }
    membershipsByYoungPersonId(orderBy: [STARTED_ON_DESC]) { nodes { rowId startedOn endedOn endKind endReason startReason } }
    assessmentsByYoungPersonId(orderBy: [ASSESSED_ON_DESC, CREATED_AT_DESC]) {
      nodes {
        rowId assessedOn computedScore finalScore overrideReason rag policeCategory status nextReviewOn models version outcome outcomeOn outcomeReason
        answers lineManagerId coordinatorId assessorId
      }
    }
    missingEpisodesByYoungPersonId(orderBy: [STARTED_AT_DESC]) {
      nodes { rowId startedAt endedAt reportedBy whereFound returnInterviewOffered returnInterviewDone version }
    }
    chronology { nodes { at kind summary refId } }
  }
}`;
