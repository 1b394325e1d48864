import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ROLE_LABELS } from '@mase/shared';
import { DataTable } from '../../../components/DataTable';
import { Select, TextInput } from '../../../components/fields';
import { LoadMore } from '../../../components/LoadMore';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { Tag } from '../../../components/Tag';
import { UsersDocument, type UserRowFragment, type UsersFilter } from '../../../gql/graphql';
import { formatDateTime } from '../../../lib/dates';
import { usePageTitle } from '../../../lib/usePageTitle';
import { isRoleValue, ROLE_OPTIONS, STATUS_LABELS } from '../options';
import { useLoadMore } from '../../../lib/useLoadMore';

const PAGE_SIZE = 25;

interface Filters {
  search: string;
  role: string;
  status: string;
}

const NO_FILTERS: Filters = { search: '', role: '', status: '' };

function toFilter(f: Filters): UsersFilter {
  return {
    search: f.search.trim() || null,
    role: isRoleValue(f.role) ? f.role : null,
    status: f.status === 'ACTIVE' || f.status === 'DISABLED' ? f.status : null,
  };
}

function isFiltered(f: Filters): boolean {
  return Boolean(f.search.trim() || f.role || f.status);
}

export function StatusTag({ user }: { user: Pick<UserRowFragment, 'status'> }) {
  return user.status === 'ACTIVE' ? <Tag colour="green">{STATUS_LABELS.ACTIVE}</Tag> : <Tag colour="grey">{STATUS_LABELS.DISABLED}</Tag>;
}

export function UsersPage() {
  usePageTitle('Users');
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const { data, error, loading, fetchMore, refetch } = useQuery(UsersDocument, {
    variables: { filter: toFilter(applied), page: { first: PAGE_SIZE } },
    fetchPolicy: 'cache-and-network',
  });
  const { loadMore, loadingMore, moreError } = useLoadMore(data?.users.pageInfo.endCursor, (after) =>
    fetchMore({ variables: { page: { first: PAGE_SIZE, after } } }),
  );

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setApplied(draft);
  }

  function clear() {
    setDraft(NO_FILTERS);
    setApplied(NO_FILTERS);
  }


  const users = data?.users.nodes ?? [];
  const filtered = isFiltered(applied);

  return (
    <>
      <div className="app-heading-with-action">
        <h1 className="govuk-heading-l">Users</h1>
        <Link to="/admin/users/new" role="button" draggable={false} className="govuk-button" data-module="govuk-button">
          Create user
        </Link>
      </div>
      <p className="govuk-body">Everyone who can sign in to MASE Hub. Select a name to change their details, disable them, or reset their password or two-step verification.</p>

      <form className="app-filters" noValidate onSubmit={apply} aria-label="Filter users">
        <h2 className="govuk-heading-s">Filter users</h2>
        <div className="app-filters__fields">
          <TextInput
            id="filter-search"
            label="Name or email contains"
            type="search"
            value={draft.search}
            onChange={(search) => setDraft({ ...draft, search })}
            spellCheck={false}
          />
          <Select
            id="filter-role"
            label="Role"
            value={draft.role}
            options={[{ value: '', label: 'All roles' }, ...ROLE_OPTIONS]}
            onChange={(role) => setDraft({ ...draft, role })}
          />
          <Select
            id="filter-status"
            label="Status"
            value={draft.status}
            options={[
              { value: '', label: 'All statuses' },
              { value: 'ACTIVE', label: STATUS_LABELS.ACTIVE },
              { value: 'DISABLED', label: STATUS_LABELS.DISABLED },
            ]}
            onChange={(status) => setDraft({ ...draft, status })}
          />
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">
            Apply filters
          </button>
          {filtered || isFiltered(draft) ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={clear}>
              Clear filters
            </button>
          ) : null}
        </div>
      </form>

      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !data ? (
        <Loading what="Loading users" />
      ) : users.length === 0 ? (
        filtered ? (
          <p className="govuk-body">No users match these filters. Clear the filters to see all users.</p>
        ) : (
          <p className="govuk-body">There are no users yet. Create a user to give someone access.</p>
        )
      ) : (
        <>
          {error ? <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} /> : null}
          <DataTable<UserRowFragment>
            caption={filtered ? 'Users matching the filters' : 'All users'}
            scrollLabel="Users table"
            className="app-table--compact"
            rows={users}
            rowKey={(u) => u.id}
            columns={[
              {
                header: 'Name',
                cell: (u) => (
                  <Link className="govuk-link" to={`/admin/users/${u.id}`}>
                    {u.name}
                  </Link>
                ),
              },
              { header: 'Email', cell: (u) => <span className="app-break-words">{u.email}</span> },
              { header: 'Role', cell: (u) => ROLE_LABELS[u.role] },
              { header: 'Agency', cell: (u) => u.agency?.name ?? 'None' },
              {
                header: 'Status',
                cell: (u) => (
                  <>
                    <StatusTag user={u} />
                    {u.mfaRequired && !u.mfaEnabled && u.status === 'ACTIVE' ? (
                      <>
                        {' '}
                        <Tag colour="yellow">Two-step verification to set up</Tag>
                      </>
                    ) : null}
                    {u.mustChangePassword && u.status === 'ACTIVE' ? (
                      <>
                        {' '}
                        <Tag colour="yellow">Password to change</Tag>
                      </>
                    ) : null}
                  </>
                ),
              },
              { header: 'Last signed in', cell: (u) => (u.lastSignedInAt ? formatDateTime(u.lastSignedInAt) : 'Never') },
            ]}
          />
          {moreError ? <QueryError error={moreError} /> : null}
          <LoadMore
            shown={users.length}
            noun={users.length === 1 ? 'user' : 'users'}
            hasMore={data.users.pageInfo.hasNextPage}
            loading={loadingMore || loading}
            onLoadMore={() => void loadMore()}
          />
        </>
      )}
    </>
  );
}
