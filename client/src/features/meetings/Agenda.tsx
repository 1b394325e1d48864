import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { AGENDA_SECTIONS, AGENDA_SECTION_LABELS, type AgendaSection, type Role } from '@mase/shared';
import { ConfirmStep } from '../../components/ConfirmStep';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextInput, Textarea } from '../../components/fields';
import {
  AddAgendaItemDocument,
  GenerateAgendaDocument,
  IssueAgendaDocument,
  MoveAgendaItemDocument,
  RemoveAgendaItemDocument,
  UpdateAgendaItemDocument,
  type AgendaItemFieldsFragment,
  type MeetingSummaryFragment,
} from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import { formErrorsFrom, hasErrorCode, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { formatDay, today } from '../list/common';
import { LocationsFigures, ThemesChart, useAgendaFigures } from './AgendaFigures';
import { entryHref, firstOfMonthBefore, isPreparer, setMeetingList } from './format';

type Item = AgendaItemFieldsFragment;
type Entry = Item['entries'][number];

/** "3. Victims" → "3" and "Victims". */
function sectionParts(section: AgendaSection): { number: string; name: string } {
  const [number, ...rest] = AGENDA_SECTION_LABELS[section].split('. ');
  return { number, name: rest.join('. ') };
}

/** One line of an agenda item: who it is about, what, and the detail in smaller text; linked where the viewer may follow it. */
export function EntryLine({ entry, role }: { entry: Entry; role: Role }) {
  const href = entryHref(role, entry.linkKind, entry.linkId);
  const link = (text: string) =>
    href ? (
      <Link className="govuk-link" to={href}>
        {text}
      </Link>
    ) : (
      text
    );
  return (
    <li className="app-agenda-entry">
      {entry.person ? (
        <>
          <strong>{link(entry.person)}</strong> {entry.text}
        </>
      ) : (
        link(entry.text)
      )}
      {entry.detail ? <span className="govuk-body-s app-agenda-entry__detail">{entry.detail}</span> : null}
    </li>
  );
}

/** May this role change items of a section? The police contribute to the offenders and locations items. */
export function mayEditSection(role: Role, section: AgendaSection): boolean {
  return isPreparer(role) || (role === 'POLICE' && (section === 'OFFENDERS' || section === 'LOCATIONS'));
}

interface ItemFormProps {
  prefix: string;
  heading: string;
  submitLabel: string;
  initial: { title: string; notes: string };
  busy: boolean;
  onSubmit: (values: { title: string; notes: string | null }) => Promise<void>;
  onCancel: () => void;
  /** A stale or frozen agenda: the agenda as a whole says so and reloads. */
  onConflict: (error: unknown) => void;
}

function ItemForm({ prefix, heading, submitLabel, initial, busy, onSubmit, onCancel, onConflict }: ItemFormProps) {
  const [title, setTitle] = useState(initial.title);
  const [notes, setNotes] = useState(initial.notes);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const ids = { title: `${prefix}-title`, notes: `${prefix}-notes` };
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => {
    first.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!title.trim()) {
      setErrors({ summary: [{ text: 'Give the item a title', href: `#${ids.title}` }], fields: { [ids.title]: 'Give the item a title' } });
      return;
    }
    try {
      await onSubmit({ title: title.trim(), notes: notes.trim() || null });
    } catch (error) {
      if (hasErrorCode(error, 'CONFLICT')) onConflict(error);
      else setErrors(formErrorsFrom(error, ids));
    }
  }

  return (
    <form noValidate className="app-meeting-inline-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${prefix}-heading`}>
      <h4 className="govuk-heading-s" id={`${prefix}-heading`}>
        {heading}
      </h4>
      <ErrorSummary items={errors.summary} />
      <div ref={first}>
        <TextInput id={ids.title} label="Title" value={title} onChange={setTitle} error={errors.fields[ids.title]} />
      </div>
      <Textarea id={ids.notes} label="Notes (optional)" hint="What the panel should know or decide about this item" rows={4} value={notes} onChange={setNotes} error={errors.fields[ids.notes]} />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface Props {
  meeting: Pick<MeetingSummaryFragment, 'id' | 'date' | 'status' | 'issuedAt' | 'agendaGeneratedAt' | 'version'>;
  items: readonly Item[];
  role: Role;
  /** Fetches the meeting afresh (after generating the agenda, or when it changed underneath). */
  onReload: () => void;
}

type Focus = { id: string; kind: 'edit' | 'move-up' | 'move-down' | 'section' | 'add' } | null;

/**
 * The agenda, section by section in the panel's order. Before it is issued the preparers generate it
 * from the data, edit, order, add and remove items; once issued it is frozen and read-only.
 */
export function Agenda({ meeting, items, role, onReload }: Props) {
  const editable = meeting.status === 'PLANNED';
  const preparer = isPreparer(role);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState<AgendaSection | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [confirmIssue, setConfirmIssue] = useState(false);
  const [problem, setProblem] = useState<FormErrors>(NO_ERRORS);
  const [focus, setFocus] = useState<Focus>(null);

  const replaceAgenda = (cache: Parameters<typeof setMeetingList>[0], list: readonly Item[] | undefined) => {
    if (list) setMeetingList(cache, meeting.id, 'agenda', list);
  };
  const [generate, generating] = useMutation(GenerateAgendaDocument, { update: (cache, { data }) => replaceAgenda(cache, data?.generateAgenda) });
  const [updateItem, updatingItem] = useMutation(UpdateAgendaItemDocument);
  const [addItem, addingItem] = useMutation(AddAgendaItemDocument, { update: (cache, { data }) => replaceAgenda(cache, data?.addAgendaItem) });
  const [moveItem, movingItem] = useMutation(MoveAgendaItemDocument, { update: (cache, { data }) => replaceAgenda(cache, data?.moveAgendaItem) });
  const [removeItem, removingItem] = useMutation(RemoveAgendaItemDocument, { update: (cache, { data }) => replaceAgenda(cache, data?.removeAgendaItem) });
  const [issue, issuing] = useMutation(IssueAgendaDocument);
  // The Locations map and the Themes chart: drawn once there is an agenda to show them with.
  const figures = useAgendaFigures(meeting, role, items.length === 0);

  // After a change re-renders the agenda, put keyboard focus back where the person was working.
  useEffect(() => {
    const f = focus;
    if (!f) return;
    const candidates = f.kind === 'move-up' ? [`move-up-${f.id}`, `move-down-${f.id}`] : f.kind === 'move-down' ? [`move-down-${f.id}`, `move-up-${f.id}`] : [`${f.kind}-${f.id}`];
    for (const id of candidates) {
      const el = document.getElementById(id);
      if (el) {
        el.focus();
        return;
      }
    }
  }, [focus]);

  function failed(error: unknown) {
    setProblem(formErrorsFrom(error, {}));
    if (hasErrorCode(error, 'CONFLICT') || hasErrorCode(error, 'NOT_FOUND')) {
      setEditing(null);
      setAdding(null);
      setRemoving(null);
      setConfirmIssue(false);
      onReload();
    }
  }

  async function run(action: () => Promise<unknown>, target: Focus = null) {
    setProblem(NO_ERRORS);
    try {
      await action();
      setFocus(target ? { ...target } : null);
    } catch (error) {
      failed(error);
    }
  }

  const bySection = new Map<AgendaSection, Item[]>(AGENDA_SECTIONS.map((s) => [s, []]));
  for (const item of items) bySection.get(item.section)?.push(item);
  for (const list of bySection.values()) list.sort((a, b) => a.position - b.position);
  const busy = generating.loading || movingItem.loading || removingItem.loading || issuing.loading;
  // Each item draws on the month before the meeting: it can be generated once that month has begun.
  const generateFrom = firstOfMonthBefore(meeting.date);
  const tooEarly = today() < generateFrom;

  return (
    <div className="app-agenda" data-testid="agenda" data-frozen={editable ? undefined : 'true'}>
      <ErrorSummary items={problem.summary} />
      {!editable && meeting.issuedAt ? (
        <div className="govuk-notification-banner" role="region" aria-labelledby="agenda-frozen-title" data-testid="agenda-frozen">
          <div className="govuk-notification-banner__header">
            <h3 className="govuk-notification-banner__title" id="agenda-frozen-title">
              Agenda issued
            </h3>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">This agenda was frozen at {formatDateTime(meeting.issuedAt)}, when it was issued.</p>
            <p className="govuk-body">It is read-only: later changes in the data do not alter it. What has changed since is listed under &lsquo;What changed&rsquo;.</p>
          </div>
        </div>
      ) : null}
      {editable && preparer ? (
        <div className="app-agenda-controls">
          {tooEarly ? (
            <p className="govuk-body" data-testid="agenda-too-early">
              The agenda can be generated from {formatDay(generateFrom)}: it draws on the MASE list, intelligence and returns of the month before the meeting, which has not begun yet.
            </p>
          ) : !meeting.agendaGeneratedAt ? (
            <p className="govuk-body">The agenda has not been generated yet. Generating it fills each item from the MASE list, intelligence and returns as they stand.</p>
          ) : (
            <p className="govuk-body">
              Generated from the data at {formatDateTime(meeting.agendaGeneratedAt)}. Refreshing brings the lists up to date; your notes, order and added items are kept.
            </p>
          )}
          <div className="govuk-button-group">
            {tooEarly ? null : (
              <button
                type="button"
                className={`govuk-button${meeting.agendaGeneratedAt ? ' govuk-button--secondary' : ''}`}
                disabled={busy}
                aria-disabled={busy}
                onClick={() =>
                  void run(async () => {
                    await generate({ variables: { meetingId: meeting.id } });
                    onReload();
                  })
                }
              >
                {generating.loading ? 'Generating…' : meeting.agendaGeneratedAt ? 'Refresh from the data' : 'Generate the agenda from the data'}
              </button>
            )}
            {role === 'CO_CHAIR' && items.length > 0 && !confirmIssue ? (
              <button type="button" className="govuk-button" disabled={busy} aria-disabled={busy} onClick={() => setConfirmIssue(true)}>
                Issue the agenda
              </button>
            ) : null}
          </div>
          {confirmIssue ? (
            <ConfirmStep
              id="issue-confirm"
              confirmLabel="Yes, issue the agenda"
              destructive={false}
              busy={issuing.loading}
              onCancel={() => setConfirmIssue(false)}
              onConfirm={() =>
                void run(async () => {
                  await issue({ variables: { meetingId: meeting.id, version: meeting.version } });
                  setConfirmIssue(false);
                })
              }
            >
              Issuing the agenda freezes it: nobody can change it afterwards, and the meeting pack is made from it. Issue the agenda now?
            </ConfirmStep>
          ) : null}
        </div>
      ) : null}
      {editable && !preparer && items.length === 0 ? <p className="govuk-body">The agenda has not been prepared yet.</p> : null}

      {items.length > 0
        ? AGENDA_SECTIONS.map((section) => {
            const { number, name } = sectionParts(section);
            const list = bySection.get(section) ?? [];
            const mayEdit = editable && mayEditSection(role, section);
            return (
              <section key={section} className="app-agenda-section" aria-labelledby={`section-${section}`} data-section={section}>
                <h3 className="govuk-heading-m" id={`section-${section}`} tabIndex={-1}>
                  {AGENDA_SECTION_LABELS[section]}
                </h3>
                {list.length === 0 ? <p className="govuk-body app-agenda-muted">No items.</p> : null}
                <ol className="app-agenda-items">
                  {list.map((item, i) => (
                    <li key={item.id} className="app-agenda-item" data-item-title={item.title}>
                      <h4 className="govuk-heading-s app-agenda-item__title">
                        <span className="app-agenda-item__number">
                          {number}.{i + 1}
                        </span>{' '}
                        {item.title}
                        {!item.generator ? <span className="govuk-visually-hidden">, added by hand</span> : null}
                      </h4>
                      {item.entries.length > 0 ? (
                        <ul className="govuk-list app-agenda-entries">
                          {item.entries.map((e) => (
                            <EntryLine key={e.key} entry={e} role={role} />
                          ))}
                        </ul>
                      ) : item.generator ? (
                        <p className="govuk-body app-agenda-muted">Nothing from the data.</p>
                      ) : null}
                      {item.notes && editing !== item.id ? (
                        <div className="app-agenda-notes">
                          <p className="govuk-body govuk-!-margin-bottom-0">
                            <strong>Notes</strong>
                          </p>
                          <p className="govuk-body app-meeting-pre-line" data-testid="item-notes">
                            {item.notes}
                          </p>
                        </div>
                      ) : null}
                      {editing === item.id ? (
                        <ItemForm
                          prefix={`item-${item.id}`}
                          heading={`Edit ${item.title}`}
                          submitLabel="Save the item"
                          initial={{ title: item.title, notes: item.notes ?? '' }}
                          busy={updatingItem.loading}
                          onConflict={failed}
                          onCancel={() => {
                            setFocus({ id: item.id, kind: 'edit' });
                            setEditing(null);
                          }}
                          onSubmit={async (values) => {
                            await updateItem({ variables: { input: { id: item.id, version: item.version, ...values } } });
                            setFocus({ id: item.id, kind: 'edit' });
                            setEditing(null);
                          }}
                        />
                      ) : removing === item.id ? (
                        <ConfirmStep
                          id={`remove-confirm-${item.id}`}
                          confirmLabel="Yes, remove it"
                          busy={removingItem.loading}
                          onCancel={() => {
                            setFocus({ id: item.id, kind: 'edit' });
                            setRemoving(null);
                          }}
                          onConfirm={() =>
                            void run(async () => {
                              await removeItem({ variables: { id: item.id } });
                              setRemoving(null);
                            }, { id: section, kind: 'section' })
                          }
                        >
                          Remove &lsquo;{item.title}&rsquo; from the agenda?{item.generator ? ' It stays off this agenda when the agenda is refreshed from the data.' : ''}
                        </ConfirmStep>
                      ) : mayEdit ? (
                        <ul className="govuk-body-s app-agenda-item__actions" aria-label={`Change ${item.title}`}>
                          <li>
                            <button type="button" id={`edit-${item.id}`} className="govuk-link app-link-button app-meeting-link" onClick={() => setEditing(item.id)}>
                              Edit{' '}<span className="govuk-visually-hidden">{item.title}</span>
                            </button>
                          </li>
                          {preparer && i > 0 ? (
                            <li>
                              <button
                                type="button"
                                id={`move-up-${item.id}`}
                                className="govuk-link app-link-button app-meeting-link"
                                disabled={busy}
                                onClick={() => void run(() => moveItem({ variables: { input: { id: item.id, by: -1 } } }), { id: item.id, kind: 'move-up' })}
                              >
                                Move up{' '}<span className="govuk-visually-hidden">{item.title}</span>
                              </button>
                            </li>
                          ) : null}
                          {preparer && i < list.length - 1 ? (
                            <li>
                              <button
                                type="button"
                                id={`move-down-${item.id}`}
                                className="govuk-link app-link-button app-meeting-link"
                                disabled={busy}
                                onClick={() => void run(() => moveItem({ variables: { input: { id: item.id, by: 1 } } }), { id: item.id, kind: 'move-down' })}
                              >
                                Move down{' '}<span className="govuk-visually-hidden">{item.title}</span>
                              </button>
                            </li>
                          ) : null}
                          {preparer ? (
                            <li>
                              <button type="button" className="govuk-link app-link-button app-meeting-link app-agenda-remove" onClick={() => setRemoving(item.id)}>
                                Remove{' '}<span className="govuk-visually-hidden">{item.title}</span>
                              </button>
                            </li>
                          ) : null}
                        </ul>
                      ) : null}
                    </li>
                  ))}
                </ol>
                {section === 'LOCATIONS' ? <LocationsFigures state={figures} role={role} /> : null}
                {section === 'THEMES' ? <ThemesChart state={figures} /> : null}
                {mayEdit ? (
                  adding === section ? (
                    <ItemForm
                      prefix={`add-${section}`}
                      heading={`Add an item to ${name}`}
                      submitLabel="Add the item"
                      initial={{ title: '', notes: '' }}
                      busy={addingItem.loading}
                      onConflict={failed}
                      onCancel={() => {
                        setFocus({ id: section, kind: 'add' });
                        setAdding(null);
                      }}
                      onSubmit={async (values) => {
                        await addItem({ variables: { input: { meetingId: meeting.id, section, ...values } } });
                        setFocus({ id: section, kind: 'add' });
                        setAdding(null);
                      }}
                    />
                  ) : (
                    <p className="govuk-body">
                      <button type="button" id={`add-${section}`} className="govuk-link app-link-button app-meeting-link" onClick={() => setAdding(section)}>
                        Add an item{' '}<span className="govuk-visually-hidden">to {name}</span>
                      </button>
                    </p>
                  )
                ) : null}
              </section>
            );
          })
        : null}
    </div>
  );
}
