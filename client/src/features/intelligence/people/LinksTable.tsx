import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { LoadMore } from '../../../components/LoadMore';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { Tag } from '../../../components/Tag';
import { IntelNodeLinksDocument, type IntelLinkRowFragment, type NodeKind } from '../../../gql/graphql';
import { formatDay } from '../../list/common';
import { formatGrading, labelOf, LINK_TYPE_LABELS, NODE_KIND_LABELS } from './labels';
import { useLoadMore } from '../../../lib/useLoadMore';

const PAGE_SIZE = 100;

type End = IntelLinkRowFragment['from'];

/** The end of a link that is not the node whose page this is. */
export function otherEnd(link: Pick<IntelLinkRowFragment, 'from' | 'to'>, kind: NodeKind, id: string): End {
  return link.from.kind === kind && link.from.id === id ? link.to : link.from;
}

function EndLink({ end, identify }: { end: End; identify: boolean }) {
  if (end.kind === 'LOCATION') {
    return (
      <Link className="govuk-link" to={`/intelligence/places/${end.id}`}>
        {end.label}
      </Link>
    );
  }
  if (end.kind === 'PERSON_OF_CONCERN') {
    return (
      <Link className="govuk-link" to={`/intelligence/people/${end.id}`}>
        {end.label}
      </Link>
    );
  }
  // Young people appear by pseudonym; only roles with case access may open their record.
  return identify ? (
    <Link className="govuk-link" to={`/list/${end.id}`}>
      {end.label}
    </Link>
  ) : (
    <>{end.label}</>
  );
}

interface Props {
  kind: NodeKind;
  id: string;
  /** The signed-in role may open young people's records (co-chair, co-ordinator, police). */
  identify: boolean;
}

/** The links with one node at either end: the other end, type, sighting window, grading and handling. */
export function LinksTable({ kind, id, identify }: Props) {
  const { data, error, loading, fetchMore, refetch } = useQuery(IntelNodeLinksDocument, {
    variables: { filter: { nodeKind: kind, nodeId: id }, page: { first: PAGE_SIZE } },
    fetchPolicy: 'cache-and-network',
  });
  const { loadMore, loadingMore, moreError } = useLoadMore(data?.links.pageInfo.endCursor, (after) =>
    fetchMore({ variables: { page: { first: PAGE_SIZE, after } } }),
  );
  const retry = () => void refetch().catch(() => undefined);


  let body;
  if (error && !data) body = <QueryError error={error} onRetry={retry} />;
  else if (!data) body = <Loading what="Loading the links" />;
  else if (data.links.nodes.length === 0) body = <p className="govuk-body">No links recorded.</p>;
  else {
    const links = data.links.nodes;
    const conditions = links.some((l) => l.handling === 'C');
    body = (
      <>
        {error ? <QueryError error={error} onRetry={retry} /> : null}
        {conditions ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Some links have handling code C: conditions apply. Read each condition before sharing the intelligence.
            </strong>
          </div>
        ) : null}
        <DataTable<IntelLinkRowFragment>
          caption="Links"
          captionClass="govuk-visually-hidden"
          scrollLabel="Links table"
          className="app-table--compact"
          rows={links}
          rowKey={(l) => l.id}
          columns={[
            {
              header: 'Linked to',
              cell: (l) => {
                const end = otherEnd(l, kind, id);
                return (
                  <>
                    <EndLink end={end} identify={identify} />
                    <br />
                    <span className="govuk-body-s govuk-!-margin-bottom-0">{labelOf(NODE_KIND_LABELS, end.kind)}</span>
                  </>
                );
              },
            },
            { header: 'Type', cell: (l) => labelOf(LINK_TYPE_LABELS, l.type) },
            { header: 'First seen', cell: (l) => <span className="app-nowrap">{formatDay(l.firstSeen)}</span> },
            { header: 'Last seen', cell: (l) => <span className="app-nowrap">{formatDay(l.lastSeen)}</span> },
            { header: 'Grading', cell: (l) => <span className="app-nowrap">{formatGrading(l)}</span> },
            {
              header: 'Handling',
              cell: (l) =>
                l.handling === 'C' ? (
                  <>
                    <Tag colour="red">C: conditions apply</Tag>
                    <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                      {l.handlingNote?.trim() || 'Condition not recorded: ask the source agency before sharing.'}
                    </p>
                  </>
                ) : (
                  'P: lawful sharing permitted'
                ),
            },
          ]}
        />
        {moreError ? <QueryError error={moreError} /> : null}
        <LoadMore shown={links.length} noun={links.length === 1 ? 'link' : 'links'} hasMore={data.links.pageInfo.hasNextPage} loading={loadingMore || loading} onLoadMore={() => void loadMore()} />
      </>
    );
  }

  return (
    <section aria-labelledby="links-heading">
      <h2 className="govuk-heading-m" id="links-heading">
        Links
      </h2>
      {body}
    </section>
  );
}
