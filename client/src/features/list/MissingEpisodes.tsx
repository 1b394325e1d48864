import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Checkbox, TextInput } from '../../components/fields';
import { Tag } from '../../components/Tag';
import { RecordMissingEpisodeDocument, UpdateMissingEpisodeDocument, type MissingEpisodeDetailFragment } from '../../gql/graphql';
import { formErrors, formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { formatDateTime, localInputToIso, toLocalInput } from './datetime';

export interface MissingFlagsView {
  repeated: boolean;
  shortSchoolDayAbsences: boolean;
  weekendPattern: boolean;
  episodes: number;
  open: number;
}

export interface EpisodeDraft {
  startedAt: string;
  endedAt: string;
  reportedBy: string;
  whereFound: string;
  returnInterviewOffered: boolean;
  returnInterviewDone: boolean;
}

export const EMPTY_EPISODE: EpisodeDraft = { startedAt: '', endedAt: '', reportedBy: '', whereFound: '', returnInterviewOffered: false, returnInterviewDone: false };

/** The ids of a form's inputs, prefixed so that several forms can share a page. */
export function episodeIds(prefix: string) {
  return {
    startedAt: `${prefix}-started`,
    endedAt: `${prefix}-ended`,
    reportedBy: `${prefix}-reported-by`,
    whereFound: `${prefix}-where-found`,
    returnInterviewOffered: `${prefix}-interview-offered`,
    returnInterviewDone: `${prefix}-interview-done`,
  };
}

export interface EpisodeValues {
  startedAt: string;
  endedAt: string | null;
  reportedBy: string;
  whereFound: string | null;
  returnInterviewOffered: boolean;
  returnInterviewDone: boolean;
}

/** Checks a draft in the browser; returns the errors to show, or the values to send. */
export function checkEpisode(draft: EpisodeDraft, prefix: string, requireReturn = false, now = new Date()): { errors: FormErrors; values?: EpisodeValues } {
  const ids = episodeIds(prefix);
  const started = draft.startedAt.trim() ? localInputToIso(draft.startedAt) : null;
  const ended = draft.endedAt.trim() ? localInputToIso(draft.endedAt) : null;
  const errors = formErrors([
    {
      id: ids.startedAt,
      message: !draft.startedAt.trim()
        ? 'Enter when they went missing'
        : !started
          ? 'Enter when they went missing as a real date and time'
          : new Date(started) > now
            ? 'When they went missing must be in the past'
            : null,
    },
    {
      id: ids.endedAt,
      message: !draft.endedAt.trim()
        ? requireReturn
          ? 'Enter when they returned or were found'
          : null
        : !ended
          ? 'Enter when they returned as a real date and time'
          : started && new Date(ended) <= new Date(started)
            ? 'When they returned must be after they went missing'
            : new Date(ended) > now
              ? 'When they returned must be in the past'
              : null,
    },
    { id: ids.reportedBy, message: draft.reportedBy.trim() ? null : 'Enter who reported them missing, for example an agency or role' },
    {
      id: ids.returnInterviewDone,
      message:
        draft.returnInterviewDone && !draft.returnInterviewOffered
          ? 'A return interview can only be done once it has been offered'
          : draft.returnInterviewDone && !draft.endedAt.trim()
            ? 'Record when they returned before saying the return interview was done'
            : null,
    },
  ]);
  if (hasErrors(errors) || !started) return { errors };
  return {
    errors,
    values: {
      startedAt: started,
      endedAt: ended,
      reportedBy: draft.reportedBy.trim(),
      whereFound: draft.whereFound.trim() || null,
      returnInterviewOffered: draft.returnInterviewOffered,
      returnInterviewDone: draft.returnInterviewDone,
    },
  };
}

interface FormProps {
  prefix: string;
  heading: string;
  submitLabel: string;
  initial: EpisodeDraft;
  requireReturn?: boolean;
  busy: boolean;
  onSubmit: (values: EpisodeValues) => Promise<void>;
  onCancel?: () => void;
}

/** Records a missing episode, or its return. */
export function EpisodeForm({ prefix, heading, submitLabel, initial, requireReturn, busy, onSubmit, onCancel }: FormProps) {
  const [draft, setDraft] = useState<EpisodeDraft>(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const ids = episodeIds(prefix);
  const set = (patch: Partial<EpisodeDraft>) => setDraft({ ...draft, ...patch });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = checkEpisode(draft, prefix, requireReturn);
    setErrors(checked.errors);
    if (!checked.values) return;
    try {
      await onSubmit(checked.values);
      setErrors(NO_ERRORS);
      setDraft(EMPTY_EPISODE);
    } catch (error) {
      setErrors(formErrorsFrom(error, ids, { CONFLICT: 'Someone else changed this episode. Reload the page and try again.' }));
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${prefix}-heading`} className="app-inline-form">
      <h3 className="govuk-heading-s" id={`${prefix}-heading`}>
        {heading}
      </h3>
      <ErrorSummary items={errors.summary} />
      <DateTimeInput id={ids.startedAt} label="When they went missing" value={draft.startedAt} onChange={(startedAt) => set({ startedAt })} error={errors.fields[ids.startedAt]} />
      <DateTimeInput
        id={ids.endedAt}
        label={requireReturn ? 'When they returned or were found' : 'When they returned or were found (optional)'}
        hint={requireReturn ? undefined : 'Leave empty if they are still missing'}
        value={draft.endedAt}
        onChange={(endedAt) => set({ endedAt })}
        error={errors.fields[ids.endedAt]}
      />
      <TextInput
        id={ids.reportedBy}
        label="Reported by"
        hint="An agency or role, for example the residential home or the school. Not a name."
        widthClass="govuk-!-width-two-thirds"
        value={draft.reportedBy}
        onChange={(reportedBy) => set({ reportedBy })}
        error={errors.fields[ids.reportedBy]}
      />
      <TextInput
        id={ids.whereFound}
        label="Where they were found (optional)"
        widthClass="govuk-!-width-two-thirds"
        value={draft.whereFound}
        onChange={(whereFound) => set({ whereFound })}
        error={errors.fields[ids.whereFound]}
      />
      <div className={`govuk-form-group${errors.fields[ids.returnInterviewDone] ? ' govuk-form-group--error' : ''}`}>
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Return interview</legend>
          {errors.fields[ids.returnInterviewDone] ? (
            <p id={`${ids.returnInterviewDone}-error`} className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {errors.fields[ids.returnInterviewDone]}
            </p>
          ) : null}
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <Checkbox id={ids.returnInterviewOffered} label="A return interview was offered" checked={draft.returnInterviewOffered} onChange={(returnInterviewOffered) => set({ returnInterviewOffered })} />
            <Checkbox id={ids.returnInterviewDone} label="The return interview was done" checked={draft.returnInterviewDone} onChange={(returnInterviewDone) => set({ returnInterviewDone })} />
          </div>
        </fieldset>
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

interface DateTimeInputProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

function DateTimeInput({ id, label, hint, value, error, onChange }: DateTimeInputProps) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <div id={`${id}-hint`} className="govuk-hint">
        {hint ? `${hint}. ` : ''}UK time, for example 27/03/2026 21:30
      </div>
      {error ? (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        className={`govuk-input govuk-input--width-20${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type="datetime-local"
        value={value}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

function Flags({ flags }: { flags: MissingFlagsView }) {
  const tags = [
    flags.repeated ? <Tag colour="red">Repeated: 3 or more in 90 days</Tag> : null,
    flags.shortSchoolDayAbsences ? <Tag colour="orange">Short absences in the school day</Tag> : null,
    flags.weekendPattern ? <Tag colour="orange">Weekend pattern</Tag> : null,
    flags.open > 0 ? <Tag colour="red">{flags.open} still missing</Tag> : null,
  ].filter(Boolean);
  return (
    <p className="govuk-body app-tag-row">
      {flags.episodes === 1 ? '1 episode recorded.' : `${flags.episodes} episodes recorded.`}{' '}
      {tags.length === 0 ? 'No pattern of concern.' : tags.map((t, i) => <span key={i}>{t} </span>)}
    </p>
  );
}

function interviewText(e: MissingEpisodeDetailFragment): string {
  if (e.returnInterviewDone) return 'Done';
  if (e.returnInterviewOffered) return 'Offered, not done';
  return e.endedAt ? 'Not offered' : 'Not yet';
}

interface SectionProps {
  youngPersonId: string;
  flags: MissingFlagsView;
  episodes: readonly MissingEpisodeDetailFragment[];
  identify: boolean;
  canRecord: boolean;
  onChanged: () => void;
}

/** Missing episodes on the young person page: pattern flags, the episodes, and forms for roles that record them. */
export function MissingEpisodesSection({ youngPersonId, flags, episodes, identify, canRecord, onChanged }: SectionProps) {
  const [returning, setReturning] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [record, recording] = useMutation(RecordMissingEpisodeDocument);
  const [update, updating] = useMutation(UpdateMissingEpisodeDocument);
  const sorted = [...episodes].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const target = sorted.find((e) => e.id === returning);

  return (
    <section aria-labelledby="missing-heading">
      <h2 className="govuk-heading-m" id="missing-heading">
        Missing episodes
      </h2>
      {done ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{done}</p>
          </div>
        </div>
      ) : null}
      <Flags flags={flags} />
      {sorted.length === 0 ? (
        <p className="govuk-body">No missing episode has been recorded.</p>
      ) : (
        <div className="app-table-scroll" role="region" aria-label="Missing episodes table" tabIndex={0}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Missing episodes, most recent first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Went missing
                </th>
                <th scope="col" className="govuk-table__header">
                  Returned
                </th>
                <th scope="col" className="govuk-table__header">
                  Reported by
                </th>
                {identify ? (
                  <th scope="col" className="govuk-table__header">
                    Where found
                  </th>
                ) : null}
                <th scope="col" className="govuk-table__header">
                  Return interview
                </th>
                {canRecord ? (
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Action</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {sorted.map((e) => (
                <tr key={e.id} className="govuk-table__row">
                  <td className="govuk-table__cell">{formatDateTime(e.startedAt)}</td>
                  <td className="govuk-table__cell">{e.endedAt ? formatDateTime(e.endedAt) : <Tag colour="red">Still missing</Tag>}</td>
                  <td className="govuk-table__cell">{e.reportedBy}</td>
                  {identify ? <td className="govuk-table__cell">{e.whereFound ?? ''}</td> : null}
                  <td className="govuk-table__cell">{interviewText(e)}</td>
                  {canRecord ? (
                    <td className="govuk-table__cell">
                      {!e.endedAt ? (
                        <button
                          type="button"
                          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                          onClick={() => {
                            setDone(null);
                            setReturning(e.id);
                          }}
                        >
                          Record the return<span className="govuk-visually-hidden"> for the episode from {formatDateTime(e.startedAt)}</span>
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canRecord && target ? (
        <EpisodeForm
          key={target.id}
          prefix={`return-${target.id}`}
          heading={`Record the return: missing from ${formatDateTime(target.startedAt)}`}
          submitLabel="Record the return"
          requireReturn
          busy={updating.loading}
          initial={{
            startedAt: toLocalInput(target.startedAt),
            endedAt: '',
            reportedBy: target.reportedBy,
            whereFound: target.whereFound ?? '',
            returnInterviewOffered: target.returnInterviewOffered,
            returnInterviewDone: target.returnInterviewDone,
          }}
          onCancel={() => setReturning(null)}
          onSubmit={async (values) => {
            await update({ variables: { input: { id: target.id, version: target.version, ...values }, canIdentify: identify } });
            setReturning(null);
            setDone('Return recorded');
            onChanged();
          }}
        />
      ) : null}
      {canRecord ? (
        <EpisodeForm
          prefix="missing-new"
          heading="Record a missing episode"
          submitLabel="Record the missing episode"
          busy={recording.loading}
          initial={EMPTY_EPISODE}
          onSubmit={async (values) => {
            await record({ variables: { input: { youngPersonId, ...values }, canIdentify: identify } });
            setDone('Missing episode recorded');
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
