import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from '@mase/shared';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select, Textarea } from '../../components/fields';
import { Tag } from '../../components/Tag';
import { UpdateActionDocument, type ActionStatus, type MeetingActionFieldsFragment } from '../../gql/graphql';
import { formErrorsFrom, hasErrorCode, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { formatDay } from '../list/common';
import { ACTION_STATUS_COLOURS } from './format';
import './meetings.css';

type Action = MeetingActionFieldsFragment;

interface UpdateFormProps {
  action: Action;
  onDone: () => void;
  onCancel: () => void;
  /** Fetches the action afresh after someone else changed it. */
  onReload: () => void;
}

/** Records progress on an action: its status and what has been done. */
export function ActionUpdateForm({ action, onDone, onCancel, onReload }: UpdateFormProps) {
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [update, { loading }] = useMutation(UpdateActionDocument, {
    update: (cache) => {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'openActions' });
      cache.gc();
    },
  });
  const ids = { status: `action-status-${action.id}`, note: `action-note-${action.id}` };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    try {
      await update({ variables: { input: { id: action.id, status, update: note.trim() || null, version: action.version } } });
      onDone();
    } catch (error) {
      setErrors(formErrorsFrom(error, { status: ids.status, update: ids.note }));
      if (hasErrorCode(error, 'CONFLICT')) onReload();
    }
  }

  return (
    <form noValidate className="app-meeting-inline-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${ids.status}-heading`}>
      <h4 className="govuk-heading-s" id={`${ids.status}-heading`}>
        Update progress{' '}<span className="govuk-visually-hidden">on {action.description}</span>
      </h4>
      <ErrorSummary items={errors.summary} />
      <Select
        id={ids.status}
        label="Status"
        value={status}
        onChange={(v) => setStatus(v as ActionStatus)}
        error={errors.fields[ids.status]}
        options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
      />
      <Textarea id={ids.note} label="What has been done (optional)" hint="The panel sees the latest update" value={note} onChange={setNote} error={errors.fields[ids.note]} />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
          Save the update
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ActionStatusTag({ action }: { action: Pick<Action, 'status'> }) {
  return <Tag colour={ACTION_STATUS_COLOURS[action.status]}>{ACTION_STATUS_LABELS[action.status]}</Tag>;
}

interface CardProps {
  action: Action;
  headingLevel: 3 | 4;
  mayUpdate: boolean;
  /** Show which meeting raised it, linking to the meeting when the viewer may open it. */
  showMeeting?: boolean;
  onReload: () => void;
  onSaved?: (action: Action) => void;
}

function ActionCard({ action, headingLevel, mayUpdate, showMeeting, onReload, onSaved }: CardProps) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!open && returnFocus.current) {
      returnFocus.current = false;
      toggle.current?.focus();
    }
  }, [open]);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const close = (done: boolean) => {
    returnFocus.current = true;
    setSaved(done);
    setOpen(false);
    if (done) onSaved?.(action);
  };
  return (
    <li className="govuk-summary-card" id={`action-${action.id}`} data-action={action.description}>
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">
          {action.description}
          {action.overdue ? (
            <>
              {' '}
              <Tag colour="red">Overdue</Tag>
            </>
          ) : null}
        </Heading>
        {mayUpdate && !open ? (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <button type="button" ref={toggle} className="govuk-link app-link-button app-meeting-link" onClick={() => setOpen(true)}>
                Update progress{' '}<span className="govuk-visually-hidden">on {action.description}</span>
              </button>
            </li>
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Owner</dt>
            <dd className="govuk-summary-list__value">
              {action.owner}, {action.ownerAgency.name}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Due</dt>
            <dd className="govuk-summary-list__value">
              {formatDay(action.dueOn)}
              {action.overdue ? ', overdue' : ''}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value">
              <ActionStatusTag action={action} />
              {action.completedOn ? ` on ${formatDay(action.completedOn)}` : ''}
            </dd>
          </div>
          {action.update ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Latest update</dt>
              <dd className="govuk-summary-list__value app-meeting-pre-line">{action.update}</dd>
            </div>
          ) : null}
          {action.person ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Young person</dt>
              <dd className="govuk-summary-list__value">{action.person}</dd>
            </div>
          ) : null}
          {showMeeting ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Raised at</dt>
              <dd className="govuk-summary-list__value">
                <Link className="govuk-link" to={`/meetings/${action.meetingId}`}>
                  The meeting on {formatDay(action.meetingDate)}
                </Link>
              </dd>
            </div>
          ) : null}
        </dl>
        {saved && !open ? (
          <p className="govuk-body govuk-!-margin-bottom-0" role="status">
            Your update is saved.
          </p>
        ) : null}
        {open ? <ActionUpdateForm action={action} onDone={() => close(true)} onCancel={() => close(false)} onReload={onReload} /> : null}
      </div>
    </li>
  );
}

interface CardsProps {
  actions: readonly Action[];
  label: string;
  headingLevel?: 3 | 4;
  mayUpdate: boolean;
  showMeeting?: boolean;
  onReload: () => void;
  onSaved?: (action: Action) => void;
}

/** Actions as GOV.UK summary cards, each with an inline way to record progress. */
export function ActionCards({ actions, label, headingLevel = 3, mayUpdate, showMeeting, onReload, onSaved }: CardsProps) {
  return (
    <ul className="app-meeting-cards" aria-label={label}>
      {actions.map((a) => (
        <ActionCard key={a.id} action={a} headingLevel={headingLevel} mayUpdate={mayUpdate} showMeeting={showMeeting} onReload={onReload} onSaved={onSaved} />
      ))}
    </ul>
  );
}
