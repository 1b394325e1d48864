import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { MEETING_STATUS_LABELS } from '@mase/shared';
import { Link } from 'react-router';
import { Tag } from '../../components/Tag';
import { MeetingsDocument, OpenActionsDocument, type SessionUserFragment } from '../../gql/graphql';
import { today } from '../list/common';
import { ActionCards } from './ActionCards';
import { meetingDay, MEETING_STATUS_COLOURS } from './format';

/** The meetings part of the home page: an agency lead's actions, or the co-chair's next meeting. */
export function HomeMeetingsPanel({ me }: { me: SessionUserFragment }) {
  if (me.role === 'AGENCY_LEAD') return <AgencyActions />;
  if (me.role === 'CO_CHAIR') return <NextMeeting />;
  return null;
}

function AgencyActions() {
  const { data, error, refetch } = useQuery(OpenActionsDocument, { fetchPolicy: 'cache-and-network' });
  const [saved, setSaved] = useState<string | null>(null);
  const reload = () => void refetch().catch(() => undefined);
  const actions = (data?.openActions ?? []).filter((a) => a.status === 'OPEN' || a.status === 'IN_PROGRESS');
  const overdue = actions.filter((a) => a.overdue).length;
  return (
    <section className="app-meeting-home" aria-labelledby="agency-actions-title" data-testid="agency-actions">
      <h2 className="govuk-heading-m" id="agency-actions-title">
        Your agency&rsquo;s actions
      </h2>
      {saved ? (
        <p className="govuk-body" role="status">
          {saved}
        </p>
      ) : null}
      {!data ? (
        error ? (
          <p className="govuk-body">Your agency&rsquo;s actions could not be loaded just now. Reload the page to try again.</p>
        ) : null
      ) : actions.length === 0 ? (
        <p className="govuk-body">Your agency has no open actions from MASE meetings.</p>
      ) : (
        <>
          <p className="govuk-body">
            Actions the panel gave your agency, soonest due first
            {overdue > 0 ? (
              <>
                : <strong>{overdue === 1 ? '1 is overdue' : `${overdue} are overdue`}</strong>
              </>
            ) : null}
            . Record progress on each so the panel can see it at the next meeting.
          </p>
          <ActionCards
            actions={actions}
            label="Your agency’s open actions"
            mayUpdate
            showMeeting
            onReload={reload}
            onSaved={(a) => setSaved(`Your update on “${a.description}” is saved.`)}
          />
        </>
      )}
    </section>
  );
}

function NextMeeting() {
  const from = today();
  const { data } = useQuery(MeetingsDocument, { variables: { from }, fetchPolicy: 'cache-and-network' });
  if (!data) return null;
  const next = data.meetings.filter((m) => m.status !== 'CANCELLED' && m.date >= from).sort((a, b) => a.date.localeCompare(b.date))[0];
  return (
    <section className="govuk-inset-text" aria-labelledby="next-meeting-title" data-testid="next-meeting">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2" id="next-meeting-title">
        Next MASE meeting
      </h2>
      {next ? (
        <>
          <p className="govuk-body govuk-!-margin-bottom-2">
            {meetingDay(next.date)} <Tag colour={MEETING_STATUS_COLOURS[next.status]}>{MEETING_STATUS_LABELS[next.status]}</Tag>
          </p>
          <p className="govuk-body govuk-!-margin-bottom-0">
            <Link className="govuk-link" to={`/meetings/${next.id}`}>
              {next.status === 'PLANNED' ? 'Prepare the meeting' : 'Open the meeting'}
            </Link>
          </p>
        </>
      ) : (
        <p className="govuk-body govuk-!-margin-bottom-0">
          No meeting is scheduled.{' '}
          <Link className="govuk-link" to="/meetings">
            Schedule the meetings
          </Link>
        </p>
      )}
    </section>
  );
}
