import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@mase/shared';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RecordAttendanceDocument, type AttendanceFieldsFragment } from '../../gql/graphql';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../lib/errors';

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = { ATTENDED: 'Attended', APOLOGIES: 'Apologies', ABSENT: 'Absent' };

type Row = AttendanceFieldsFragment;

/** Who came: each agency's attendance and representative. */
export function AttendanceTable({ rows }: { rows: readonly Row[] }) {
  if (rows.length === 0) return <p className="govuk-body">No attendance has been recorded yet.</p>;
  const attended = rows.filter((r) => r.status === 'ATTENDED').length;
  return (
    <table className="govuk-table app-table--compact">
      <caption className="govuk-table__caption govuk-table__caption--s">
        {attended} of {rows.length} agencies attended
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Agency
          </th>
          <th scope="col" className="govuk-table__header">
            Attendance
          </th>
          <th scope="col" className="govuk-table__header">
            Representative
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <tr key={r.agency.id} className="govuk-table__row">
            <th scope="row" className="govuk-table__header app-table-row-header">
              {r.agency.name}
            </th>
            <td className="govuk-table__cell">{ATTENDANCE_LABELS[r.status]}</td>
            <td className="govuk-table__cell">{r.representative ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface FormProps {
  meetingId: string;
  agencies: readonly { id: string; name: string }[];
  rows: readonly Row[];
  onDone: () => void;
  onCancel: () => void;
}

/** Records each agency's attendance and representative in one go. */
export function AttendanceForm({ meetingId, agencies, rows, onDone, onCancel }: FormProps) {
  const [draft, setDraft] = useState<Record<string, { status: string; representative: string }>>(() =>
    Object.fromEntries(agencies.map((a) => {
      const r = rows.find((x) => x.agency.id === a.id);
      return [a.id, { status: r?.status ?? '', representative: r?.representative ?? '' }];
    })),
  );
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [record, { loading }] = useMutation(RecordAttendanceDocument);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const attendance = agencies
      .filter((a) => draft[a.id]?.status)
      .map((a) => ({ agencyId: a.id, status: draft[a.id].status as AttendanceStatus, representative: draft[a.id].representative.trim() || null }));
    if (attendance.length === 0) {
      setErrors({ summary: [{ text: 'Record the attendance of at least one agency', href: `#attendance-${agencies[0]?.id}` }], fields: {} });
      return;
    }
    try {
      await record({ variables: { input: { meetingId, attendance } } });
      onDone();
    } catch (error) {
      setErrors(formErrorsFrom(error, {}));
    }
  }

  const set = (id: string, patch: Partial<{ status: string; representative: string }>) => setDraft({ ...draft, [id]: { ...draft[id], ...patch } });

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="attendance-form-heading" className="app-meeting-inline-form">
      <h3 className="govuk-heading-s" id="attendance-form-heading">
        Record attendance
      </h3>
      <ErrorSummary items={errors.summary} />
      <table className="govuk-table app-table--compact">
        <caption className="govuk-table__caption govuk-visually-hidden">Attendance and representative of each agency</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Agency
            </th>
            <th scope="col" className="govuk-table__header">
              Attendance
            </th>
            <th scope="col" className="govuk-table__header">
              Representative
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {agencies.map((a) => (
            <tr key={a.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header app-table-row-header">
                {a.name}
              </th>
              <td className="govuk-table__cell">
                <label className="govuk-label govuk-visually-hidden" htmlFor={`attendance-${a.id}`}>
                  Attendance of {a.name}
                </label>
                <select className="govuk-select" id={`attendance-${a.id}`} value={draft[a.id]?.status ?? ''} onChange={(e) => set(a.id, { status: e.target.value })}>
                  <option value="">Not recorded</option>
                  {ATTENDANCE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {ATTENDANCE_LABELS[s]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="govuk-table__cell">
                <label className="govuk-label govuk-visually-hidden" htmlFor={`representative-${a.id}`}>
                  Representative of {a.name}
                </label>
                <input
                  className="govuk-input govuk-input--width-20"
                  id={`representative-${a.id}`}
                  type="text"
                  autoComplete="off"
                  value={draft[a.id]?.representative ?? ''}
                  onChange={(e) => set(a.id, { representative: e.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
          Save the attendance
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
