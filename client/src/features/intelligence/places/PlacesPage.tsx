import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { Select, TextInput } from '../../../components/fields';
import { LoadMore } from '../../../components/LoadMore';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { IntelPlacesDocument, type IntelPlaceRowFragment, type LocationsFilter, type SessionUserFragment } from '../../../gql/graphql';
import { usePageTitle } from '../../../lib/usePageTitle';
import { BackLink } from '../../admin/BackLink';
import { labelOf, LOCATION_TYPE_LABELS, LOCATION_TYPES, type PlaceType } from '../people/labels';
import { useLoadMore } from '../../../lib/useLoadMore';
import { ButtonLink, canRecordIntelligence } from '../forms/common';

const PAGE_SIZE = 50;

interface Filters {
  search: string;
  type: string;
}

const NO_FILTERS: Filters = { search: '', type: '' };

function toFilter(f: Filters): LocationsFilter {
  return { search: f.search.trim() || null, type: (f.type || null) as PlaceType | null };
}

function isFiltered(f: Filters): boolean {
  return Boolean(f.search.trim() || f.type);
}

/** Locations of concern, by name. */
export function PlacesPage({ me }: { me: SessionUserFragment }) {
  usePageTitle('Places');
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const { data, error, loading, fetchMore, refetch } = useQuery(IntelPlacesDocument, {
    variables: { filter: toFilter(applied), page: { first: PAGE_SIZE } },
    fetchPolicy: 'cache-and-network',
  });
  const { loadMore, loadingMore, moreError } = useLoadMore(data?.locations.pageInfo.endCursor, (after) =>
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


  const places = data?.locations.nodes ?? [];
  const filtered = isFiltered(applied);

  return (
    <>
      <BackLink to="/intelligence">Back to intelligence</BackLink>
      <h1 className="govuk-heading-l">Places</h1>
      <p className="govuk-body">Locations of concern in the borough. Select a place to see its hot-spot reports and links.</p>
      {canRecordIntelligence(me.role) ? <ButtonLink to="/intelligence/places/new">Add a place</ButtonLink> : null}

      <form className="app-filters" noValidate onSubmit={apply} aria-label="Filter places">
        <h2 className="govuk-heading-s">Filter places</h2>
        <div className="app-filters__fields">
          <TextInput id="filter-search" label="Search by name" type="search" value={draft.search} onChange={(search) => setDraft({ ...draft, search })} spellCheck={false} />
          <Select
            id="filter-type"
            label="Type"
            value={draft.type}
            options={[{ value: '', label: 'Any' }, ...LOCATION_TYPES.map((t) => ({ value: t, label: LOCATION_TYPE_LABELS[t] }))]}
            onChange={(type) => setDraft({ ...draft, type })}
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
        <Loading what="Loading places" />
      ) : places.length === 0 ? (
        <p className="govuk-body">{filtered ? 'No places match this search. Clear the filters to see every place.' : 'No places are recorded yet.'}</p>
      ) : (
        <>
          {error ? <QueryError error={error} onRetry={retry} /> : null}
          <DataTable<IntelPlaceRowFragment>
            caption={filtered ? 'Places matching the search' : 'Places'}
            scrollLabel="Places table"
            className="app-table--compact"
            rows={places}
            rowKey={(p) => p.id}
            columns={[
              {
                header: 'Name',
                cell: (p) => (
                  <Link className="govuk-link" to={`/intelligence/places/${p.id}`}>
                    {p.name}
                  </Link>
                ),
              },
              { header: 'Type', cell: (p) => labelOf(LOCATION_TYPE_LABELS, p.type) },
              { header: 'Ward', cell: (p) => p.ward?.name ?? 'Not in an imported ward' },
            ]}
          />
          {moreError ? <QueryError error={moreError} /> : null}
          <LoadMore
            shown={places.length}
            noun={places.length === 1 ? 'place' : 'places'}
            hasMore={data.locations.pageInfo.hasNextPage}
            loading={loadingMore || loading}
            onLoadMore={() => void loadMore()}
          />
        </>
      )}
    </>
  );
}
