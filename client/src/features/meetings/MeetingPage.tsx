import { useState, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { DECISION_KIND_LABELS, MEETING_STATUS_LABELS } from '@mase/shared';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Tag } from '../../components/Tag';
import { MeetingAgenciesDocument, MeetingDetailDocument, type MeetingDetailQuery, type SessionUserFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import { hasErrorCode } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { BackLink } from '../admin/BackLink';
import { ActionCards } from './ActionCards';
import { ActionForm } from './ActionForm';
import { Agenda } from './Agenda';
import { AgendaChanges } from './AgendaChanges';
import { AttendanceForm, AttendanceTable } from './Attendance';
import { Blockages } from './Blockages';
import { DecisionForm } from './DecisionForm';
import { meetingDay, MEETING_STATUS_COLOURS, packHref } from './format';
import { MarkHeld, MinutesEditor, MinutesText } from './Minutes';
import './meetings.css';

type Meeting = MeetingDetailQuery['meeting'];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="app-section" aria-labelledby={id}>
      <h2 className="govuk-heading-l" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function Decisions({ meeting }: { meeting: Meeting }) {
  if (meeting.decisions.length === 0) return <p className="govuk-body">No decisions have been recorded yet.</p>;
  const titles = new Map(meeting.agenda.map((i) => [i.id, i.title]));
  return (
    <table className="govuk-table app-table--compact" data-testid="decisions">
      <caption className="govuk-table__caption govuk-visually-hidden">Decisions recorded at this meeting</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            About
          </th>
          <th scope="col" className="govuk-table__header">
            Decision
          </th>
          <th scope="col" className="govuk-table__header">
            Note
          </th>
          <th scope="col" className="govuk-table__header">
            Recorded
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {meeting.decisions.map((d) => (
          <tr key={d.id} className="govuk-table__row">
            <td className="govuk-table__cell">{d.person ?? (d.agendaItemId ? `Item: ${titles.get(d.agendaItemId) ?? 'removed from the agenda'}` : '')}</td>
            <td className="govuk-table__cell">{DECISION_KIND_LABELS[d.kind]}</td>
            <td className="govuk-table__cell">{d.note ?? ''}</td>
            <td className="govuk-table__cell app-nowrap">{formatDateTime(d.recordedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Header({ meeting }: { meeting: Meeting }) {
  const rows: [string, ReactNode][] = [
    ['Status', <Tag colour={MEETING_STATUS_COLOURS[meeting.status]}>{MEETING_STATUS_LABELS[meeting.status]}</Tag>],
    ['Chairs', meeting.chairs.length > 0 ? meeting.chairs.join(' and ') : 'Not recorded'],
    ['Venue', meeting.venue ?? 'Not recorded'],
  ];
  if (meeting.issuedAt) rows.push(['Agenda issued', formatDateTime(meeting.issuedAt)]);
  if (meeting.minutesApprovedAt) rows.push(['Minutes approved', formatDateTime(meeting.minutesApprovedAt)]);
  if (meeting.cancelledReason) rows.push(['Why it was cancelled', meeting.cancelledReason]);
  return (
    <dl className="govuk-summary-list" data-testid="meeting-header">
      {rows.map(([key, value]) => (
        <div key={key} className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** /meetings/:id — one meeting: attendance, the agenda, what changed, decisions, actions, blockages and minutes. */
export function MeetingPage({ me }: { me: SessionUserFragment }) {
  const { id = '' } = useParams();
  const role = me.role;
  const chair = role === 'CO_CHAIR';
  const keeper = chair || role === 'COORDINATOR';
  const { data, error, refetch } = useQuery(MeetingDetailDocument, { variables: { id, withPeople: chair }, fetchPolicy: 'cache-and-network' });
  const agencies = useQuery(MeetingAgenciesDocument, { skip: !keeper });
  const [recordingAttendance, setRecordingAttendance] = useState(false);
  const meeting = data?.meeting;
  usePageTitle(meeting ? `Meeting on ${meetingDay(meeting.date)}` : 'Meeting');
  const reload = () => void refetch().catch(() => undefined);

  if (!meeting) {
    return (
      <>
        <BackLink to="/meetings">All meetings</BackLink>
        {error ? (
          hasErrorCode(error, 'NOT_FOUND') ? (
            <>
              <h1 className="govuk-heading-l">Meeting not found</h1>
              <p className="govuk-body">
                Check the link, or{' '}
                <Link to="/meetings" className="govuk-link">
                  go back to the meetings
                </Link>
                .
              </p>
            </>
          ) : (
            <QueryError error={error} onRetry={reload} />
          )
        ) : (
          <Loading what="Loading the meeting" />
        )}
      </>
    );
  }

  const status = meeting.status;
  const issued = status === 'AGENDA_ISSUED' || status === 'HELD' || status === 'MINUTES_APPROVED';
  const locked = status === 'MINUTES_APPROVED';
  const cancelled = status === 'CANCELLED';
  const recording = chair && (status === 'AGENDA_ISSUED' || status === 'HELD');
  const agencyList = agencies.data?.agencies ?? [];
  const people = meeting.agendaPeople ?? [];
  const lead = role === 'AGENCY_LEAD';

  const contents: [string, string][] = [
    ['attendance', 'Attendance'],
    ['agenda', 'Agenda'],
    ...(meeting.agenda.length > 0 || issued ? [['changes', 'What changed'] as [string, string]] : []),
    ...(lead ? [] : [['decisions', 'Decisions'] as [string, string]]),
    ['actions', lead ? 'Your agency’s actions' : 'Actions'],
    ['blockages', 'Blockages'],
    ['minutes', 'Minutes'],
  ];

  return (
    <>
      <BackLink to="/meetings">All meetings</BackLink>
      <Flash />
      <span className="govuk-caption-l">MASE meeting</span>
      <h1 className="govuk-heading-l">{meetingDay(meeting.date)}</h1>
      {locked ? (
        <div className="govuk-inset-text" data-testid="meeting-locked">
          <strong>This meeting is locked.</strong> Its minutes were approved at {formatDateTime(meeting.minutesApprovedAt)}: nothing about it can be changed.
        </div>
      ) : null}
      {cancelled ? (
        <div className="govuk-inset-text">
          <strong>This meeting was cancelled</strong>
          {meeting.cancelledReason ? `: ${meeting.cancelledReason}` : '.'}
        </div>
      ) : null}
      <Header meeting={meeting} />
      {issued ? (
        <>
          <p className="govuk-body govuk-!-margin-bottom-1">
            <a className="govuk-link" href={packHref(meeting.id)} download>
              Download the meeting pack (PDF)
            </a>
          </p>
          <p className="govuk-hint">The issued agenda, marked OFFICIAL-SENSITIVE: share it only with people who need it for the panel&rsquo;s work.</p>
        </>
      ) : null}
      {!cancelled ? (
        <nav className="app-meeting-contents" aria-label="On this page">
          <h2 className="govuk-heading-s govuk-!-margin-bottom-1">On this page</h2>
          <ul className="govuk-list">
            {contents.map(([key, label]) => (
              <li key={key}>
                <a className="govuk-link" href={`#${key}-title`}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {cancelled ? null : (
        <>
          <Section id="attendance-title" title="Attendance">
            <AttendanceTable rows={meeting.attendance} />
            {keeper && !locked ? (
              recordingAttendance ? (
                agencyList.length > 0 ? (
                  <AttendanceForm
                    meetingId={meeting.id}
                    agencies={agencyList}
                    rows={meeting.attendance}
                    onCancel={() => setRecordingAttendance(false)}
                    onDone={() => {
                      setRecordingAttendance(false);
                      reload();
                    }}
                  />
                ) : (
                  <Loading what="Loading the agencies" />
                )
              ) : (
                <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setRecordingAttendance(true)}>
                  {meeting.attendance.length > 0 ? 'Change the attendance' : 'Record attendance'}
                </button>
              )
            ) : null}
          </Section>

          <Section id="agenda-title" title="Agenda">
            <Agenda meeting={meeting} items={meeting.agenda} role={role} onReload={reload} />
          </Section>

          {meeting.agenda.length > 0 || issued ? (
            <Section id="changes-title" title="What changed">
              <AgendaChanges key={`${meeting.agendaGeneratedAt ?? ''}-${meeting.status}`} meetingId={meeting.id} issued={issued} role={role} />
            </Section>
          ) : null}

          {lead ? null : (
            <Section id="decisions-title" title="Decisions">
              <Decisions meeting={meeting} />
              {recording ? <DecisionForm meetingId={meeting.id} people={people} items={meeting.agenda} /> : null}
              {chair && status === 'PLANNED' ? <p className="govuk-body">Decisions are recorded once the agenda is issued.</p> : null}
            </Section>
          )}

          <Section id="actions-title" title={lead ? 'Your agency’s actions' : 'Actions'}>
            {meeting.actions.length === 0 ? (
              <p className="govuk-body">No actions have been recorded{lead ? ' for your agency' : ''} at this meeting.</p>
            ) : (
              <ActionCards actions={meeting.actions} label="Actions from this meeting" mayUpdate={!locked && (keeper || lead)} onReload={reload} />
            )}
            {recording ? agencyList.length > 0 ? <ActionForm meetingId={meeting.id} agencies={agencyList} people={people} /> : <Loading what="Loading the agencies" /> : null}
            {chair && status === 'PLANNED' ? <p className="govuk-body">Actions are recorded once the agenda is issued.</p> : null}
          </Section>

          <Section id="blockages-title" title="Blockages">
            <Blockages meetingId={meeting.id} blockages={meeting.blockages} agencies={agencyList} mayRaise={keeper && !locked} mayResolve={chair && !locked} onReload={reload} />
          </Section>

          <Section id="minutes-title" title="Minutes">
            {chair && status === 'AGENDA_ISSUED' ? <MarkHeld meeting={meeting} onReload={reload} /> : null}
            {status === 'PLANNED' ? (
              <p className="govuk-body">Minutes are written after the meeting has been held.</p>
            ) : chair && status === 'HELD' ? (
              <MinutesEditor meeting={meeting} onReload={reload} />
            ) : (
              <MinutesText meeting={meeting} />
            )}
          </Section>
        </>
      )}
    </>
  );
}
