import { useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { isRole, ROLE_LABELS } from '@mase/shared';
import { DataTable } from '../../../components/DataTable';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Select, TextInput } from '../../../components/fields';
import { LoadMore } from '../../../components/LoadMore';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { AuditActionsDocument, AuditChainStatusDocument, AuditEventsDocument, type AuditEventsQuery } from '../../../gql/graphql';
import { formatDateTime } from '../../../lib/dates';
import { hasErrors, NO_ERRORS, type FormErrors } from '../../../lib/errors';
import { usePageTitle } from '../../../lib/usePageTitle';
import { auditFilterProblems, compactDetails, isAuditFiltered, NO_AUDIT_FILTERS, toAuditFilter, type AuditFilterDraft } from './auditFilters';
import { useLoadMore } from '../../../lib/useLoadMore';

type AuditEventRow = AuditEventsQuery['auditEvents']['nodes'][number];

const PAGE_SIZE = 50;

function ChainStatus() {
  const { data, error, loading, refetch } = useQuery(AuditChainStatusDocument, { fetchPolicy: 'network-only', notifyOnNetworkStatusChange: true });
  const status = data?.auditChainStatus;
  const checking = loading;

  return (
    <section aria-labelledby="chain-heading" className={`app-chain-status${status ? (status.ok ? ' app-chain-status--ok' : ' app-chain-status--broken') : ''}`}>
      <h2 className="govuk-heading-m" id="chain-heading">
        Audit chain
      </h2>
      <div role="status" aria-live="polite">
        {checking ? (
          <p className="govuk-body">Checking the audit chain…</p>
        ) : error ? (
          <QueryError error={error} title="The audit chain could not be checked" />
        ) : status?.ok ? (
          <>
            <p className="govuk-body govuk-!-font-weight-bold app-chain-status__result">
              The audit chain verifies: {status.events} {status.events === 1 ? 'event' : 'events'}
            </p>
            <p className="govuk-body-s">Every event is linked to the one before it and none has been changed or removed. Checked {formatDateTime(status.checkedAt, { seconds: true })}.</p>
          </>
        ) : status ? (
          <>
            <p className="govuk-body govuk-!-font-weight-bold app-chain-status__result">The audit chain does not verify</p>
            {status.problem ? <p className="govuk-body">{status.problem}</p> : null}
            {status.brokenAtSeq ? <p className="govuk-body">It is broken at event {status.brokenAtSeq}.</p> : null}
            <p className="govuk-body-s">
              {status.events} {status.events === 1 ? 'event' : 'events'} checked {formatDateTime(status.checkedAt, { seconds: true })}. Tell your
              security lead: the log may have been tampered with.
            </p>
          </>
        ) : null}
      </div>
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={checking} onClick={() => void refetch().catch(() => undefined)}>
        Check again
      </button>
    </section>
  );
}

function Entity({ event }: { event: AuditEventRow }) {
  if (!event.entityType) return null;
  return (
    <>
      {event.entityType}
      {event.entityId ? <code className="app-code app-entity-id">{event.entityId}</code> : null}
    </>
  );
}

export function AuditLogPage() {
  const [draft, setDraft] = useState<AuditFilterDraft>(NO_AUDIT_FILTERS);
  const [applied, setApplied] = useState<AuditFilterDraft>(NO_AUDIT_FILTERS);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  usePageTitle('Audit log', hasErrors(errors));
  const actions = useQuery(AuditActionsDocument, { fetchPolicy: 'cache-and-network' });
  const { data, error, loading, fetchMore, refetch } = useQuery(AuditEventsDocument, {
    variables: { filter: toAuditFilter(applied), page: { first: PAGE_SIZE } },
    fetchPolicy: 'cache-and-network',
  });
  const { loadMore, loadingMore, moreError } = useLoadMore(data?.auditEvents.pageInfo.endCursor, (after) =>
    fetchMore({ variables: { page: { first: PAGE_SIZE, after } } }),
  );

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = auditFilterProblems(draft);
    setErrors(found);
    if (!hasErrors(found)) setApplied(draft);
  }

  function clear() {
    setErrors(NO_ERRORS);
    setDraft(NO_AUDIT_FILTERS);
    setApplied(NO_AUDIT_FILTERS);
  }


  const events = data?.auditEvents.nodes ?? [];
  const filtered = isAuditFiltered(applied);
  const actionOptions = [{ value: '', label: 'All actions' }, ...(actions.data?.auditActions ?? []).map((a) => ({ value: a, label: a }))];
  if (draft.action && !actionOptions.some((o) => o.value === draft.action)) actionOptions.push({ value: draft.action, label: draft.action });

  return (
    <>
      <ErrorSummary items={errors.summary} />
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">
        Every sign-in, change, read and export in MASE Hub, newest first. Each event is chained to the one before it, so a changed or
        deleted event shows up below.
      </p>

      <ChainStatus />

      <form className="app-filters" noValidate onSubmit={apply} aria-label="Filter audit events">
        <h2 className="govuk-heading-s">Filter events</h2>
        <p className="govuk-body-s">Dates are whole days in UK time: from the start of the first to the end of the last.</p>
        <div className="app-filters__fields">
          <Select id="filter-action" label="Action" value={draft.action} options={actionOptions} onChange={(action) => setDraft({ ...draft, action })} />
          <TextInput
            id="filter-actor"
            label="Actor email contains"
            type="search"
            spellCheck={false}
            value={draft.actor}
            onChange={(actor) => setDraft({ ...draft, actor })}
          />
          <TextInput
            id="filter-entity"
            label="Entity type (like user or agency)"
            spellCheck={false}
            value={draft.entityType}
            onChange={(entityType) => setDraft({ ...draft, entityType })}
          />
          <TextInput
            id="filter-from"
            label="From"
            type="date"
            value={draft.from}
            onChange={(from) => setDraft({ ...draft, from })}
            error={errors.fields['filter-from']}
          />
          <TextInput
            id="filter-to"
            label="To"
            type="date"
            value={draft.to}
            onChange={(to) => setDraft({ ...draft, to })}
            error={errors.fields['filter-to']}
          />
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">
            Apply filters
          </button>
          {filtered || isAuditFiltered(draft) ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={clear}>
              Clear filters
            </button>
          ) : null}
        </div>
      </form>

      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !data ? (
        <Loading what="Loading audit events" />
      ) : events.length === 0 ? (
        filtered ? (
          <p className="govuk-body">No audit events match these filters. Clear the filters to see all events.</p>
        ) : (
          <p className="govuk-body">No events have been recorded yet. They appear here as people sign in and make changes.</p>
        )
      ) : (
        <>
          {error ? <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} /> : null}
          <DataTable<AuditEventRow>
            caption={filtered ? 'Audit events matching the filters' : 'Audit events'}
            scrollLabel="Audit events table"
            className="app-table--compact"
            rows={events}
            rowKey={(e) => e.seq}
            columns={[
              { header: 'Seq', cell: (e) => e.seq, numeric: true },
              { header: 'Time', cell: (e) => <span className="app-nowrap">{formatDateTime(e.occurredAt, { seconds: true })}</span> },
              { header: 'Action', cell: (e) => <code className="app-code">{e.action}</code> },
              { header: 'Actor', cell: (e) => <span className="app-break-words">{e.actorLabel ?? 'System'}</span> },
              { header: 'Role', cell: (e) => (isRole(e.actorRole) ? ROLE_LABELS[e.actorRole] : (e.actorRole ?? '')) },
              { header: 'Entity', cell: (e) => <Entity event={e} /> },
              { header: 'IP', cell: (e) => e.ipAddress ?? '' },
              { header: 'Details', cell: (e) => <code className="app-code app-details">{compactDetails(e.details, e.reason)}</code> },
            ]}
          />
          {moreError ? <QueryError error={moreError} /> : null}
          <LoadMore
            shown={events.length}
            noun={events.length === 1 ? 'event' : 'events'}
            hasMore={data.auditEvents.pageInfo.hasNextPage}
            loading={loadingMore || loading}
            onLoadMore={() => void loadMore()}
          />
        </>
      )}
    </>
  );
}
