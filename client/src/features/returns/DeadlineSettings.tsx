import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select, TextInput } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { ReturnSettingsDocument, UpdateReturnSettingsDocument, type ReturnSettingsFieldsFragment } from '../../gql/graphql';
import { formErrors, formErrorsFrom, NO_ERRORS, type FormErrors } from '../../lib/errors';

export const SETTINGS_FIELD_IDS = {
  rule: 'deadline-rule',
  workingDays: 'deadline-working-days',
  fixedDay: 'deadline-fixed-day',
  meetingWeekday: 'deadline-meeting-weekday',
  meetingWeek: 'deadline-meeting-week',
} as const;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const WEEKS = ['first', 'second', 'third', 'fourth'];
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** The rule in words, as agency leads will meet it. */
export function describeRule(s: Pick<ReturnSettingsFieldsFragment, 'rule' | 'workingDays' | 'fixedDay' | 'meetingWeekday' | 'meetingWeek'>): string {
  const usual = `the meeting, usually the ${WEEKS[s.meetingWeek - 1]} ${WEEKDAYS[s.meetingWeekday - 1]} of the month`;
  return s.rule === 'FIXED_DAY'
    ? `Each month's return is due on the ${ordinal(s.fixedDay)} of the following month.`
    : `Each month's return is due ${s.workingDays} working day${s.workingDays === 1 ? '' : 's'} before ${usual} after it (England and Wales bank holidays excluded).`;
}

interface Draft {
  rule: string;
  workingDays: string;
  fixedDay: string;
  meetingWeekday: string;
  meetingWeek: string;
}

const toDraft = (s: ReturnSettingsFieldsFragment): Draft => ({
  rule: s.rule,
  workingDays: String(s.workingDays),
  fixedDay: String(s.fixedDay),
  meetingWeekday: String(s.meetingWeekday),
  meetingWeek: String(s.meetingWeek),
});

const whole = (v: string) => (/^\d{1,2}$/.test(v.trim()) ? Number(v.trim()) : null);

/**
 * How return deadlines are set: shown to co-chairs and the co-ordinator, changed by a co-chair.
 * Drafts move to the new deadline; returns already submitted keep the one they were judged against.
 */
export function DeadlineSettingsSection({ canChange }: { canChange: boolean }) {
  const { data, loading, error, refetch } = useQuery(ReturnSettingsDocument, { fetchPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const [save, saving] = useMutation(UpdateReturnSettingsDocument);
  const settings = data?.returnSettings;
  const ids = SETTINGS_FIELD_IDS;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!editing || !settings || saving.loading) return;
    const n = { workingDays: whole(editing.workingDays), fixedDay: whole(editing.fixedDay) };
    const local = formErrors([
      editing.rule === 'WORKING_DAYS_BEFORE_MEETING' && (n.workingDays === null || n.workingDays > 20)
        ? { id: ids.workingDays, message: 'Enter the number of working days, from 0 to 20' }
        : null,
      editing.rule === 'FIXED_DAY' && (n.fixedDay === null || n.fixedDay < 1 || n.fixedDay > 31) ? { id: ids.fixedDay, message: 'Enter a day of the month, from 1 to 31' } : null,
    ]);
    if (local.summary.length) {
      setErrors(local);
      return;
    }
    try {
      const r = await save({
        variables: {
          input: {
            rule: editing.rule,
            workingDays: n.workingDays ?? settings.workingDays,
            fixedDay: n.fixedDay ?? settings.fixedDay,
            meetingWeekday: Number(editing.meetingWeekday),
            meetingWeek: Number(editing.meetingWeek),
            version: settings.version,
          },
        },
      });
      setErrors(NO_ERRORS);
      setEditing(null);
      setSaved(r.data ? `Deadlines changed. ${describeRule(r.data.updateReturnSettings)}` : 'Deadlines changed.');
    } catch (err) {
      setErrors(formErrorsFrom(err, ids));
    }
  }

  return (
    <section aria-labelledby="deadline-heading" className="app-section-gap">
      <h2 className="govuk-heading-m" id="deadline-heading">
        Return deadlines
      </h2>
      {!data && loading ? <Loading what="Loading the deadline settings" /> : null}
      {!data && error ? <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} /> : null}
      {saved ? (
        <p className="govuk-body" role="status">
          {saved}
        </p>
      ) : null}
      {settings && !editing ? (
        <>
          <p className="govuk-body">{describeRule(settings)}</p>
          {canChange ? (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => {
                setSaved(null);
                setErrors(NO_ERRORS);
                setEditing(toDraft(settings));
              }}
            >
              Change the deadlines
            </button>
          ) : null}
        </>
      ) : null}
      {settings && editing ? (
        <form noValidate onSubmit={(e) => void submit(e)} aria-label="Return deadlines">
          <ErrorSummary items={errors.summary} />
          <Select
            id={ids.rule}
            label="How the deadline is set"
            value={editing.rule}
            onChange={(rule) => setEditing({ ...editing, rule })}
            error={errors.fields[ids.rule]}
            options={[
              { value: 'WORKING_DAYS_BEFORE_MEETING', label: 'A number of working days before the meeting' },
              { value: 'FIXED_DAY', label: 'A fixed day of the following month' },
            ]}
          />
          {editing.rule === 'FIXED_DAY' ? (
            <TextInput
              id={ids.fixedDay}
              label="Day of the month"
              hint="In a shorter month, the last day"
              widthClass="govuk-input--width-2"
              value={editing.fixedDay}
              onChange={(fixedDay) => setEditing({ ...editing, fixedDay })}
              error={errors.fields[ids.fixedDay]}
            />
          ) : (
            <>
              <TextInput
                id={ids.workingDays}
                label="Working days before the meeting"
                hint="A scheduled meeting's date is used; otherwise the usual meeting day below"
                widthClass="govuk-input--width-2"
                value={editing.workingDays}
                onChange={(workingDays) => setEditing({ ...editing, workingDays })}
                error={errors.fields[ids.workingDays]}
              />
              <Select
                id={ids.meetingWeek}
                label="The usual meeting: week of the month"
                value={editing.meetingWeek}
                onChange={(meetingWeek) => setEditing({ ...editing, meetingWeek })}
                error={errors.fields[ids.meetingWeek]}
                options={WEEKS.map((w, i) => ({ value: String(i + 1), label: w }))}
              />
              <Select
                id={ids.meetingWeekday}
                label="The usual meeting: day of the week"
                value={editing.meetingWeekday}
                onChange={(meetingWeekday) => setEditing({ ...editing, meetingWeekday })}
                error={errors.fields[ids.meetingWeekday]}
                options={WEEKDAYS.map((w, i) => ({ value: String(i + 1), label: w }))}
              />
            </>
          )}
          <p className="govuk-body">Returns not yet submitted move to the new deadline; submitted returns keep the deadline they were judged against.</p>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={saving.loading} aria-disabled={saving.loading}>
              Save the deadlines
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
