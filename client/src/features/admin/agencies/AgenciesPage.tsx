import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { AGENCY_KIND_LABELS } from '@mase/shared';
import { Flash } from '../../../components/Flash';
import { DataTable } from '../../../components/DataTable';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { Tag } from '../../../components/Tag';
import { AgenciesDocument, type AgencyRowFragment } from '../../../gql/graphql';
import { usePageTitle } from '../../../lib/usePageTitle';

export function ActiveTag({ agency }: { agency: Pick<AgencyRowFragment, 'active'> }) {
  return agency.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Inactive</Tag>;
}

export function AgenciesPage() {
  usePageTitle('Agencies');
  const { data, error, refetch } = useQuery(AgenciesDocument, { fetchPolicy: 'cache-and-network' });
  const agencies = data?.agencies ?? [];

  return (
    <>
      <Flash />
      <div className="app-heading-with-action">
        <h1 className="govuk-heading-l">Agencies</h1>
        <Link to="/admin/agencies/new" role="button" draggable={false} className="govuk-button">
          Add agency
        </Link>
      </div>
      <p className="govuk-body">
        The member agencies of the panel. Agency leads and police users belong to one. An inactive agency is kept for its history but gets no
        new users.
      </p>
      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !data ? (
        <Loading what="Loading agencies" />
      ) : agencies.length === 0 ? (
        <p className="govuk-body">There are no agencies yet. Add the panel&apos;s member agencies so that you can give their staff access.</p>
      ) : (
        <DataTable<AgencyRowFragment>
          caption="Member agencies"
          rows={agencies}
          rowKey={(a) => a.id}
          columns={[
            { header: 'Name', cell: (a) => a.name },
            { header: 'Kind', cell: (a) => AGENCY_KIND_LABELS[a.kind] },
            { header: 'Status', cell: (a) => <ActiveTag agency={a} /> },
            {
              header: <span className="govuk-visually-hidden">Actions</span>,
              cell: (a) => (
                <Link className="govuk-link" to={`/admin/agencies/${a.id}`}>
                  Change<span className="govuk-visually-hidden"> {a.name}</span>
                </Link>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
