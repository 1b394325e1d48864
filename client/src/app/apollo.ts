import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';

/** Told when any request finds the session gone, or that the user must change their password (or set up two-step verification) first. */
export type SessionProblem = 'ended' | 'password-change-required';

type Listener = (problem: SessionProblem) => void;
const listeners = new Set<Listener>();

export function onSessionProblem(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Operations whose own pages deal with these codes (a failed sign-in is UNAUTHENTICATED too). */
const HANDLED_BY_PAGE = new Set(['Me', 'SignIn', 'VerifyMfa', 'SignOut']);

interface Connection {
  nodes: readonly unknown[];
  pageInfo: unknown;
}

/** Cursor pagination: pages loaded with `after` are appended; a first page replaces what was there. */
function appendPages(keyArgs: string[]) {
  return {
    keyArgs,
    merge(existing: Connection | undefined, incoming: Connection, { args }: { args: Record<string, unknown> | null }): Connection {
      const page = args?.page as { after?: string | null } | undefined;
      if (!existing || !page?.after) return incoming;
      return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
    },
  };
}

export function createApolloClient(): ApolloClient {
  const errorLink = new ErrorLink(({ error, operation }) => {
    if (!CombinedGraphQLErrors.is(error) || HANDLED_BY_PAGE.has(operation.operationName ?? '')) return;
    const codes = error.errors.map((e) => e.extensions?.code);
    const problem: SessionProblem | null = codes.includes('UNAUTHENTICATED')
      ? 'ended'
      : codes.includes('PASSWORD_CHANGE_REQUIRED') || codes.includes('MFA_SETUP_REQUIRED')
        ? 'password-change-required'
        : null;
    if (problem) for (const listener of listeners) listener(problem);
  });

  return new ApolloClient({
    link: ApolloLink.from([errorLink, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
    cache: new InMemoryCache({
      typePolicies: {
        AuditEvent: { keyFields: ['seq'] },
        AuditChainStatus: { keyFields: false },
        PageInfo: { keyFields: false },
        // A node's degree and betweenness belong to the graph it was read in (whole network or a neighbourhood).
        NetworkNode: { keyFields: false },
        Query: {
          fields: {
            users: appendPages(['filter']),
            auditEvents: appendPages(['filter']),
            youngPeople: appendPages(['filter', 'sort']),
            // The reason given to open a record is not part of the record.
            youngPerson: { keyArgs: ['id'] },
            peopleOfConcern: appendPages(['filter']),
            locations: appendPages(['filter']),
            links: appendPages(['filter']),
          },
        },
      },
    }),
  });
}
