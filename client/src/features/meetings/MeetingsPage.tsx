import { Fragment, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { MEETING_STATUS_LABELS } from '@mase/shared';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextInput, Textarea } from '../../components/fields';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Tag } from '../../components/Tag';
import {
  CancelMeetingDocument,
  MeetingsDocument,
  MoveMeetingDocument,
  ScheduleMeetingDocument,
  ScheduleMonthlyMeetingsDocument,
  type MeetingSummaryFragment,
  type SessionUserFragment,
} from '../../gql/graphql';
import { formErrors, formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { formatDay, isDay, today } from '../list/common';
import { meetingDay, MEETING_STATUS_COLOURS, nextMonth } from './format';
import './meetings.css';

type Meeting = MeetingSummaryFragment;

const DATE_HINT = 'For example, 2027-01-20';

function ScheduleForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const [date, setDate] = useState('');
  const [chairs, setChairs] = useState(['', '']);
  const [venue, setVenue] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [schedule, { loading }] = useMutation(ScheduleMeetingDocument, { refetchQueries: [MeetingsDocument] });
  const ids = { date: 'schedule-date', chair1: 'schedule-chair-1', chair2: 'schedule-chair-2', venue: 'schedule-venue' };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const found = formErrors([{ id: ids.date, message: !date.trim() ? 'Enter the date of the meeting' : !isDay(date) ? 'Enter the date as yyyy-mm-dd, for example 2027-01-20' : null }]);
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      const { data } = await schedule({ variables: { input: { date: date.trim(), chairs: chairs.map((c) => c.trim()).filter(Boolean), venue: venue.trim() || null } } });
      if (data) void navigate(`/meetings/${data.scheduleMeeting.id}`, { state: { flash: `Meeting scheduled for ${meetingDay(data.scheduleMeeting.date)}` } });
    } catch (error) {
      setErrors(formErrorsFrom(error, { date: ids.date, chairs: ids.chair1, venue: ids.venue }));
    }
  }

  return (
    <form noValidate className="app-meeting-inline-form" onSubmit={(e) => void submit(e)} aria-labelledby="schedule-heading">
      <h2 className="govuk-heading-m" id="schedule-heading">
        Schedule a meeting
      </h2>
      <ErrorSummary items={errors.summary} />
      <TextInput id={ids.date} label="Date" hint={DATE_HINT} widthClass="govuk-input--width-10" value={date} onChange={setDate} error={errors.fields[ids.date]} />
      <TextInput id={ids.chair1} label="Co-chair (local authority) (optional)" widthClass="govuk-input--width-20" value={chairs[0]} onChange={(v) => setChairs([v, chairs[1]])} error={errors.fields[ids.chair1]} />
      <TextInput id={ids.chair2} label="Co-chair (police) (optional)" widthClass="govuk-input--width-20" value={chairs[1]} onChange={(v) => setChairs([chairs[0], v])} />
      <TextInput id={ids.venue} label="Venue (optional)" widthClass="govuk-!-width-two-thirds" value={venue} onChange={setVenue} error={errors.fields[ids.venue]} />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
          Schedule the meeting
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function MoveForm({ meeting, onDone }: { meeting: Meeting; onDone: (message: string | null) => void }) {
  const [date, setDate] = useState(meeting.date);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [move, { loading }] = useMutation(MoveMeetingDocument, { refetchQueries: [MeetingsDocument] });
  const id = `move-date-${meeting.id}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const found = formErrors([{ id, message: !isDay(date) ? 'Enter the new date as yyyy-mm-dd, for example 2027-01-20' : date.trim() === meeting.date ? 'Enter a different date' : null }]);
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      const { data } = await move({ variables: { input: { id: meeting.id, date: date.trim(), version: meeting.version } } });
      onDone(data ? `The meeting on ${formatDay(meeting.date)} is moved to ${meetingDay(data.moveMeeting.date)}.` : null);
    } catch (error) {
      setErrors(formErrorsFrom(error, { date: id }));
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`}>
      <h3 className="govuk-heading-s" id={`${id}-heading`}>
        Move the meeting on {formatDay(meeting.date)}
      </h3>
      <ErrorSummary items={errors.summary} />
      <TextInput id={id} label="New date" hint={DATE_HINT} widthClass="govuk-input--width-10" value={date} onChange={setDate} error={errors.fields[id]} />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
          Move the meeting
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function CancelForm({ meeting, onDone }: { meeting: Meeting; onDone: (message: string | null) => void }) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [cancel, { loading }] = useMutation(CancelMeetingDocument, { refetchQueries: [MeetingsDocument] });
  const id = `cancel-reason-${meeting.id}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const found = formErrors([{ id, message: reason.trim() ? null : 'Say why the meeting is cancelled' }]);
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      await cancel({ variables: { input: { id: meeting.id, reason: reason.trim(), version: meeting.version } } });
      onDone(`The meeting on ${meetingDay(meeting.date)} is cancelled.`);
    } catch (error) {
      setErrors(formErrorsFrom(error, { reason: id }));
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`}>
      <h3 className="govuk-heading-s" id={`${id}-heading`}>
        Cancel the meeting on {formatDay(meeting.date)}
      </h3>
      <ErrorSummary items={errors.summary} />
      <Textarea id={id} label="Why is it cancelled?" hint="Members see this reason" value={reason} onChange={setReason} error={errors.fields[id]} />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--warning" disabled={loading} aria-disabled={loading}>
          Cancel the meeting
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onDone(null)}>
          Keep the meeting
        </button>
      </div>
    </form>
  );
}

interface TableProps {
  caption: string;
  meetings: readonly Meeting[];
  chair: boolean;
  onMessage: (message: string) => void;
}

function MeetingsTable({ caption, meetings, chair, onMessage }: TableProps) {
  const [open, setOpen] = useState<{ id: string; kind: 'move' | 'cancel' } | null>(null);
  const done = (message: string | null) => {
    setOpen(null);
    if (message) onMessage(message);
  };
  const changeable = (m: Meeting) => chair && (m.status === 'PLANNED' || m.status === 'AGENDA_ISSUED');
  const withActions = chair && meetings.some(changeable);
  const columns = withActions ? 5 : 4;
  return (
    <table className="govuk-table app-meetings-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Date
          </th>
          <th scope="col" className="govuk-table__header">
            Status
          </th>
          <th scope="col" className="govuk-table__header">
            Chairs
          </th>
          <th scope="col" className="govuk-table__header">
            Venue
          </th>
          {withActions ? (
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Changes</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {meetings.map((m) => (
          <Fragment key={m.id}>
            <tr className="govuk-table__row" data-meeting-date={m.date}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/meetings/${m.id}`}>
                  {meetingDay(m.date)}
                </Link>
              </td>
              <td className="govuk-table__cell">
                <Tag colour={MEETING_STATUS_COLOURS[m.status]}>{MEETING_STATUS_LABELS[m.status]}</Tag>
                {m.cancelledReason ? <span className="govuk-body-s app-agenda-entry__detail">{m.cancelledReason}</span> : null}
              </td>
              <td className="govuk-table__cell">{m.chairs.join(', ')}</td>
              <td className="govuk-table__cell">{m.venue ?? ''}</td>
              {withActions ? (
                <td className="govuk-table__cell">
                  {changeable(m) ? (
                    <ul className="govuk-body-s app-agenda-item__actions">
                      <li>
                        <button type="button" className="govuk-link app-link-button app-meeting-link" onClick={() => setOpen({ id: m.id, kind: 'move' })}>
                          Move{' '}<span className="govuk-visually-hidden">the meeting on {formatDay(m.date)}</span>
                        </button>
                      </li>
                      <li>
                        <button type="button" className="govuk-link app-link-button app-meeting-link" onClick={() => setOpen({ id: m.id, kind: 'cancel' })}>
                          Cancel{' '}<span className="govuk-visually-hidden">the meeting on {formatDay(m.date)}</span>
                        </button>
                      </li>
                    </ul>
                  ) : null}
                </td>
              ) : null}
            </tr>
            {open?.id === m.id ? (
              <tr className="govuk-table__row">
                <td className="govuk-table__cell app-meetings-table__form" colSpan={columns}>
                  {open.kind === 'move' ? <MoveForm meeting={m} onDone={done} /> : <CancelForm meeting={m} onDone={done} />}
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function MonthlyButton({ onMessage }: { onMessage: (message: string) => void }) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [scheduleMonthly, { loading }] = useMutation(ScheduleMonthlyMeetingsDocument, { refetchQueries: [MeetingsDocument], awaitRefetchQueries: true });
  const from = nextMonth(today());
  async function run() {
    setErrors(NO_ERRORS);
    try {
      const { data } = await scheduleMonthly({ variables: { from, months: 12 } });
      const n = data?.scheduleMonthlyMeetings.length ?? 0;
      onMessage(n === 0 ? 'Every one of the next 12 months already has a meeting.' : `${n === 1 ? '1 meeting' : `${n} meetings`} scheduled on the usual day of the month.`);
    } catch (error) {
      setErrors(formErrorsFrom(error, {}));
    }
  }
  return (
    <>
      <ErrorSummary items={errors.summary} />
      <button type="button" className="govuk-button govuk-button--secondary" disabled={loading} aria-disabled={loading} onClick={() => void run()}>
        Schedule the next 12 monthly meetings
      </button>
    </>
  );
}

/** /meetings — the calendar: upcoming and past meetings; the co-chairs schedule, move and cancel them. */
export function MeetingsPage({ me }: { me: SessionUserFragment }) {
  usePageTitle('Meetings');
  const chair = me.role === 'CO_CHAIR';
  const lead = me.role === 'AGENCY_LEAD';
  const { data, error, refetch } = useQuery(MeetingsDocument, { variables: {}, fetchPolicy: 'cache-and-network' });
  const [scheduling, setScheduling] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const now = today();
  const meetings = data?.meetings ?? [];
  const upcoming = meetings.filter((m) => m.date >= now).sort((a, b) => a.date.localeCompare(b.date));
  const past = meetings.filter((m) => m.date < now).sort((a, b) => b.date.localeCompare(a.date));

  return (
    <>
      <Flash />
      <h1 className="govuk-heading-l">Meetings</h1>
      <p className="govuk-body">
        {lead
          ? 'The monthly MASE meetings whose agenda has been issued: the agenda, the meeting pack and the actions for your agency.'
          : 'The monthly MASE meetings: each agenda is generated from the data, issued before the meeting, and followed by decisions, actions and minutes.'}
      </p>
      {message ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="meetings-message-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="meetings-message-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{message}</p>
          </div>
        </div>
      ) : null}
      {chair ? (
        scheduling ? (
          <ScheduleForm onCancel={() => setScheduling(false)} />
        ) : (
          <div className="govuk-button-group">
            <button type="button" className="govuk-button" onClick={() => setScheduling(true)}>
              Schedule a meeting
            </button>
            <MonthlyButton onMessage={setMessage} />
          </div>
        )
      ) : null}
      {chair && !scheduling ? <p className="govuk-hint">The monthly meetings start next month, on the usual day; months that already have a meeting are skipped.</p> : null}

      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
        ) : (
          <Loading what="Loading the meetings" />
        )
      ) : meetings.length === 0 ? (
        <div className="govuk-inset-text" data-testid="no-meetings">
          <p className="govuk-body">No meetings {lead ? 'have an issued agenda' : 'are scheduled'} yet.</p>
          <p className="govuk-body govuk-!-margin-bottom-0">
            {chair
              ? 'Schedule the next meeting, or schedule the next 12 monthly meetings in one go.'
              : lead
                ? 'Each meeting appears here once the co-chairs issue its agenda.'
                : 'The co-chairs schedule the meetings; they appear here once scheduled.'}
          </p>
        </div>
      ) : (
        <>
          {upcoming.length > 0 ? (
            <MeetingsTable caption="Upcoming meetings" meetings={upcoming} chair={chair} onMessage={setMessage} />
          ) : (
            <p className="govuk-body">No upcoming meetings{lead ? ' have an issued agenda yet' : ' are scheduled'}.</p>
          )}
          {past.length > 0 ? <MeetingsTable caption="Past meetings" meetings={past} chair={chair} onMessage={setMessage} /> : null}
        </>
      )}
    </>
  );
}
