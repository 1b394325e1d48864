import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ConfirmStep } from '../../components/ConfirmStep';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Textarea } from '../../components/fields';
import { ApproveMinutesDocument, MarkMeetingHeldDocument, SaveMinutesDocument, type MeetingSummaryFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import { formErrorsFrom, hasErrorCode, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { formatDay, today } from '../list/common';

type Meeting = Pick<MeetingSummaryFragment, 'id' | 'date' | 'status' | 'version' | 'minutesApprovedAt'> & { minutes: string | null };

const MINUTES_ID = 'minutes-text';

/** The co-chair marks the meeting as held once it has taken place. */
export function MarkHeld({ meeting, onReload }: { meeting: Meeting; onReload: () => void }) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [markHeld, { loading }] = useMutation(MarkMeetingHeldDocument);
  if (meeting.date > today()) {
    return <p className="govuk-body">Once the meeting has taken place (on or after {formatDay(meeting.date)}), mark it as held here, then write the minutes.</p>;
  }
  return (
    <>
      <ErrorSummary items={errors.summary} />
      <p className="govuk-body">When the meeting has taken place, mark it as held. You can then write and approve the minutes.</p>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        disabled={loading}
        aria-disabled={loading}
        onClick={() =>
          void markHeld({ variables: { meetingId: meeting.id, version: meeting.version } }).catch((error: unknown) => {
            setErrors(formErrorsFrom(error, {}));
            if (hasErrorCode(error, 'CONFLICT')) onReload();
          })
        }
      >
        Mark the meeting as held
      </button>
    </>
  );
}

/** Writing the minutes of a held meeting, then approving them, which locks the meeting. */
export function MinutesEditor({ meeting, onReload }: { meeting: Meeting; onReload: () => void }) {
  const [text, setText] = useState(meeting.minutes ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [save, saving] = useMutation(SaveMinutesDocument);
  const [approve, approving] = useMutation(ApproveMinutesDocument);
  const dirty = text.trim() !== (meeting.minutes ?? '');

  function failed(error: unknown) {
    setErrors(formErrorsFrom(error, { minutes: MINUTES_ID }));
    if (hasErrorCode(error, 'CONFLICT')) onReload();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving.loading) return;
    setSaved(false);
    try {
      await save({ variables: { input: { meetingId: meeting.id, minutes: text, version: meeting.version } } });
      setErrors(NO_ERRORS);
      setSaved(true);
    } catch (error) {
      failed(error);
    }
  }

  async function approveNow() {
    try {
      let version = meeting.version;
      if (dirty) {
        const { data } = await save({ variables: { input: { meetingId: meeting.id, minutes: text, version } } });
        version = data?.saveMinutes.version ?? version;
      }
      await approve({ variables: { meetingId: meeting.id, version } });
      setConfirming(false);
    } catch (error) {
      setConfirming(false);
      failed(error);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="minutes-form-heading">
      <h3 className="govuk-heading-s" id="minutes-form-heading">
        Write the minutes
      </h3>
      <ErrorSummary items={errors.summary} />
      {saved && !dirty ? (
        <p className="govuk-body app-meeting-success" role="status">
          The minutes are saved.
        </p>
      ) : null}
      <Textarea
        id={MINUTES_ID}
        label="Minutes"
        hint="What the panel discussed and agreed. Decisions and actions recorded above are part of the record."
        rows={10}
        value={text}
        onChange={setText}
        error={errors.fields[MINUTES_ID]}
      />
      {confirming ? (
        <ConfirmStep id="approve-confirm" confirmLabel="Yes, approve the minutes" destructive={false} busy={approving.loading || saving.loading} onCancel={() => setConfirming(false)} onConfirm={() => void approveNow()}>
          Approving the minutes locks the meeting: its minutes, decisions, actions, attendance and blockages can no longer be changed here. Approve them now?
        </ConfirmStep>
      ) : (
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={saving.loading} aria-disabled={saving.loading}>
            Save the minutes
          </button>
          <button type="button" className="govuk-button" onClick={() => setConfirming(true)}>
            Approve the minutes
          </button>
        </div>
      )}
    </form>
  );
}

/** The minutes as recorded (read-only). */
export function MinutesText({ meeting }: { meeting: Meeting }) {
  if (!meeting.minutes) return <p className="govuk-body">The minutes have not been written yet.</p>;
  return (
    <>
      {meeting.minutesApprovedAt ? <p className="govuk-body">Approved at {formatDateTime(meeting.minutesApprovedAt)}.</p> : null}
      <div className="app-meeting-minutes app-meeting-pre-line govuk-body">{meeting.minutes}</div>
    </>
  );
}
