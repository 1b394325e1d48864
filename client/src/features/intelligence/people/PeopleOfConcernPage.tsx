import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { Select, TextInput } from '../../../components/fields';
import { LoadMore } from '../../../components/LoadMore';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { IntelPeopleOfConcernDocument, type IntelPersonRowFragment, type PeopleOfConcernFilter, type SessionUserFragment } from '../../../gql/graphql';
import { usePageTitle } from '../../../lib/usePageTitle';
import { BackLink } from '../../admin/BackLink';
import { POC_CATEGORIES, POC_CATEGORY_LABELS, POC_STATUS_LABELS, POC_STATUSES, personName, type PocCategory, type PocStatus } from './labels';
import { useLoadMore } from '../../../lib/useLoadMore';
import { ButtonLink, canRecordIntelligence } from '../forms/common';

const PAGE_SIZE = 50;

interface Filters {
  search: string;
  status: string;
  category: string;
}

const NO_FILTERS: Filters = { search: '', status: '', category: '' };

function toFilter(f: Filters): PeopleOfConcernFilter {
  return {
    search: f.search.trim() || null,
    status: (f.status || null) as PocStatus | null,
    category: (f.category || null) as PocCategory | null,
  };
}

function isFiltered(f: Filters): boolean {
  return Boolean(f.search.trim() || f.status || f.category);
}

/** People of concern, searchable by name, alias, vehicle registration or phone number. */
export function PeopleOfConcernPage({ me }: { me: SessionUserFragment }) {
  usePageTitle('People of concern');
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const { data, error, loading, fetchMore, refetch } = useQuery(IntelPeopleOfConcernDocument, {
    variables: { filter: toFilter(applied), page: { first: PAGE_SIZE } },
    fetchPolicy: 'cache-and-network',
  });
  const { loadMore, loadingMore, moreError } = useLoadMore(data?.peopleOfConcern.pageInfo.endCursor, (after) =>
    fetchMore({ variables: { page: { first: PAGE_SIZE, after } } }),
  );
  const retry = () => void refetch().catch(() => undefined);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setApplied(draft);
  }

  function clear() {
    setDraft(NO_FILTERS);
    setApplied(NO_FILTERS);
  }


  const people = data?.peopleOfConcern.nodes ?? [];
  const filtered = isFiltered(applied);

  return (
    <>
      <BackLink to="/intelligence">Back to intelligence</BackLink>
      <h1 className="govuk-heading-l">People of concern</h1>
      <p className="govuk-body">People the police hold intelligence on in connection with child sexual exploitation. Select a name to see their record and links.</p>
      {canRecordIntelligence(me.role) ? <ButtonLink to="/intelligence/people/new">Add a person of concern</ButtonLink> : null}

      <form className="app-filters" noValidate onSubmit={apply} aria-label="Filter people of concern">
        <h2 className="govuk-heading-s">Filter people of concern</h2>
        <div className="app-filters__fields">
          <TextInput
            id="filter-search"
            label="Search by name, alias, vehicle or phone"
            type="search"
            value={draft.search}
            onChange={(search) => setDraft({ ...draft, search })}
            spellCheck={false}
          />
          <Select
            id="filter-status"
            label="Status"
            value={draft.status}
            options={[{ value: '', label: 'Any' }, ...POC_STATUSES.map((s) => ({ value: s, label: POC_STATUS_LABELS[s] }))]}
            onChange={(status) => setDraft({ ...draft, status })}
          />
          <Select
            id="filter-category"
            label="Category"
            value={draft.category}
            options={[{ value: '', label: 'Any' }, ...POC_CATEGORIES.map((c) => ({ value: c, label: POC_CATEGORY_LABELS[c] }))]}
            onChange={(category) => setDraft({ ...draft, category })}
          />
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">
            Search
          </button>
          {filtered || isFiltered(draft) ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={clear}>
              Clear filters
            </button>
          ) : null}
        </div>
      </form>

      {error && !data ? (
        <QueryError error={error} onRetry={retry} />
      ) : !data ? (
        <Loading what="Loading people of concern" />
      ) : people.length === 0 ? (
        <p className="govuk-body">{filtered ? 'Nobody matches this search. Clear the filters to see everyone.' : 'No people of concern are recorded yet.'}</p>
      ) : (
        <>
          {error ? <QueryError error={error} onRetry={retry} /> : null}
          <DataTable<IntelPersonRowFragment>
            caption={filtered ? 'People of concern matching the search' : 'People of concern'}
            scrollLabel="People of concern table"
            className="app-table--compact"
            rows={people}
            rowKey={(p) => p.id}
            columns={[
              {
                header: 'Name',
                cell: (p) => (
                  <Link className="govuk-link" to={`/intelligence/people/${p.id}`}>
                    {personName(p)}
                  </Link>
                ),
              },
              { header: 'Also known as', cell: (p) => p.aliases.join(', ') },
              { header: 'Vehicles', cell: (p) => p.vehicles.map((v) => v.registration).join(', ') },
              { header: 'Category', cell: (p) => POC_CATEGORY_LABELS[p.category] },
              { header: 'Status', cell: (p) => POC_STATUS_LABELS[p.status] },
            ]}
          />
          {moreError ? <QueryError error={moreError} /> : null}
          <LoadMore
            shown={people.length}
            noun={people.length === 1 ? 'person' : 'people'}
            hasMore={data.peopleOfConcern.pageInfo.hasNextPage}
            loading={loadingMore || loading}
            onLoadMore={() => void loadMore()}
          />
        </>
      )}
    </>
  );
}
