import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import type { Role } from '@mase/shared';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { AgendaChangesDocument, type AgendaChangeBasis } from '../../gql/graphql';
import { EntryLine } from './Agenda';

interface Tab {
  id: string;
  label: string;
  content: ReactNode;
}

/** GOV.UK tabs: arrow keys move between tabs; on small screens every panel shows, one after another. */
export function Tabs({ title, tabs }: { title: string; tabs: Tab[] }) {
  const [selected, setSelected] = useState(tabs[0]?.id);
  const refs = useRef<Record<string, HTMLAnchorElement | null>>({});
  function onKeyDown(event: KeyboardEvent<HTMLAnchorElement>, index: number) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length];
    setSelected(next.id);
    refs.current[next.id]?.focus();
  }
  return (
    <div className="govuk-tabs">
      <h3 className="govuk-tabs__title">{title}</h3>
      <ul className="govuk-tabs__list" role="tablist">
        {tabs.map((t, i) => {
          const on = t.id === selected;
          return (
            <li key={t.id} className={`govuk-tabs__list-item${on ? ' govuk-tabs__list-item--selected' : ''}`} role="presentation">
              <a
                className="govuk-tabs__tab"
                href={`#${t.id}`}
                id={`tab_${t.id}`}
                role="tab"
                aria-controls={t.id}
                aria-selected={on}
                tabIndex={on ? 0 : -1}
                ref={(el) => {
                  refs.current[t.id] = el;
                }}
                onClick={(e) => {
                  e.preventDefault();
                  setSelected(t.id);
                }}
                onKeyDown={(e) => onKeyDown(e, i)}
              >
                {t.label}
              </a>
            </li>
          );
        })}
      </ul>
      {tabs.map((t) => (
        <div key={t.id} className={`govuk-tabs__panel${t.id === selected ? '' : ' govuk-tabs__panel--hidden'}`} id={t.id} role="tabpanel" aria-labelledby={`tab_${t.id}`}>
          {t.content}
        </div>
      ))}
    </div>
  );
}

const NOTHING: Record<AgendaChangeBasis, string> = {
  ISSUED: 'Nothing in the data has changed since the agenda was issued.',
  LAST_MEETING: 'Nothing has changed since the last meeting’s agenda.',
};

const INTRO: Record<AgendaChangeBasis, string> = {
  ISSUED: 'What the data shows now that it did not when the agenda was issued, and what has dropped out, item by item.',
  LAST_MEETING: 'What is on this agenda that was not on the last meeting’s, and what has dropped off, item by item.',
};

/** What moved for each generated item: against the issued agenda, or against the last meeting's. */
export function ChangesList({ meetingId, against, role }: { meetingId: string; against: AgendaChangeBasis; role: Role }) {
  const { data, error, refetch } = useQuery(AgendaChangesDocument, { variables: { meetingId, against }, fetchPolicy: 'cache-and-network' });
  if (!data) return error ? <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} /> : <Loading what="Working out what changed" />;
  const changed = data.agendaChanges.filter((c) => c.added.length > 0 || c.removed.length > 0);
  return (
    <div data-testid={`changes-${against.toLowerCase()}`}>
      <p className="govuk-body">{INTRO[against]}</p>
      {changed.length === 0 ? (
        <p className="govuk-body">{NOTHING[against]}</p>
      ) : (
        changed.map((c) => (
          <div key={c.generator} className="app-agenda-change">
            <h4 className="govuk-heading-s">{c.title}</h4>
            {c.added.length > 0 ? (
              <>
                <p className="govuk-body govuk-!-margin-bottom-1">
                  <strong>Added ({c.added.length})</strong>
                </p>
                <ul className="govuk-list app-agenda-entries">
                  {c.added.map((e) => (
                    <EntryLine key={e.key} entry={e} role={role} />
                  ))}
                </ul>
              </>
            ) : null}
            {c.removed.length > 0 ? (
              <>
                <p className="govuk-body govuk-!-margin-bottom-1">
                  <strong>Removed ({c.removed.length})</strong>
                </p>
                <ul className="govuk-list app-agenda-entries">
                  {c.removed.map((e) => (
                    <EntryLine key={e.key} entry={e} role={role} />
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ))
      )}
    </div>
  );
}

/** After the agenda is issued: changes since it was issued and since the last meeting, as tabs. Before: since the last meeting. */
export function AgendaChanges({ meetingId, issued, role }: { meetingId: string; issued: boolean; role: Role }) {
  if (!issued) return <ChangesList meetingId={meetingId} against="LAST_MEETING" role={role} />;
  return (
    <Tabs
      title="Changes"
      tabs={[
        { id: 'changes-since-issued', label: 'Changes since issued', content: <ChangesList meetingId={meetingId} against="ISSUED" role={role} /> },
        { id: 'changes-since-last-meeting', label: 'Changes since the last meeting', content: <ChangesList meetingId={meetingId} against="LAST_MEETING" role={role} /> },
      ]}
    />
  );
}
