import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@apollo/client/react';
import { INVOLVEMENT_LABELS, INVOLVEMENTS, LOCALITY_KIND_LABELS, LOCALITY_KINDS, RETURN_SECTION_LABELS, RETURN_SECTIONS, type AgencyKind, type LocalityKind } from '@mase/shared';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select, TextInput, Textarea } from '../../components/fields';
import {
  AmendReturnDocument,
  SaveReturnDraftDocument,
  SubmitReturnDocument,
  type AgencyReturnFieldsFragment,
  type AgencyReturnWithVersionsFragment,
  type PreviewReturnCsvMutation,
} from '../../gql/graphql';
import { errorMessage, hasErrorCode, hasErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { choicesOf, Radios, today } from '../list/common';
import { CsvUpload } from './CsvUpload';
import {
  blockageId,
  checkDraft,
  draftFrom,
  EMPTY_LOCALITY,
  EMPTY_YOUNG_PERSON,
  formErrorsFromApi,
  formErrorsOf,
  localityId,
  measureId,
  OUTCOMES_ID,
  REASON_ID,
  sectionMeasures,
  toInput,
  youngPersonId,
  type ReturnDraft,
} from './draft';
import { forgetReturnSummaries, periodLabel } from './format';

export type CsvPreview = PreviewReturnCsvMutation['previewReturnCsv'];

interface Props {
  agencyId: string;
  kind: AgencyKind;
  period: string;
  /** The saved return, or null when it has not been started. */
  saved: AgencyReturnFieldsFragment | null;
  /** `edit` writes a draft and submits it; `amend` changes a submitted return, giving a reason. */
  mode?: 'edit' | 'amend';
  /** Called with the return once it is submitted (or the amendment is). */
  onDone: (r: AgencyReturnWithVersionsFragment) => void;
  /** Reads the saved return again and starts the form afresh from it. */
  onReload: () => void;
  onCancel?: () => void;
  /** The page's title: it starts "Error:" while the form shows problems. */
  title: string;
}

const savedTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A count: a short text input that brings up the numeric keyboard, so a mistake can be named rather than silently dropped. */
function CountInput({ id, label, hint, value, error, onChange }: { id: string; label: string; hint: string; value: string; error?: string; onChange: (v: string) => void }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <div id={`${id}-hint`} className="govuk-hint">
        {hint}
      </div>
      {error ? (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        className={`govuk-input govuk-input--width-5${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** The API refused a save because someone else saved first: say who, keep what was typed, offer to reload. */
function ConflictMessage({ message, onReload }: { message: string; onReload: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [message]);
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} data-testid="conflict">
      <div role="alert">
        <h2 className="govuk-error-summary__title">Your changes have not been saved</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">{message}</p>
          <p className="govuk-body">
            What you typed is still in the form below. Copy anything you want to keep before you reload: reloading replaces the form with the saved return.
          </p>
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={onReload}>
            Reload the saved return
          </button>
        </div>
      </div>
    </div>
  );
}

function SavedBanner({ text }: { text: string }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="draft-saved-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="draft-saved-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{text}</p>
      </div>
    </div>
  );
}

/** Drops the errors of one repeating list (its ids start with `prefix`) after an item is removed, as they no longer line up. */
function withoutErrors(errors: FormErrors, prefix: string): FormErrors {
  const fields = Object.fromEntries(Object.entries(errors.fields).filter(([id]) => !id.startsWith(prefix)));
  return { fields, summary: errors.summary.filter((s) => !s.href?.startsWith(`#${prefix}`)) };
}

/**
 * An agency's monthly return: the measures of its template by section, the localities, young people,
 * outcomes and blockages. Problems are named by field before anything is sent, and the API's are
 * shown the same way. A save over someone else's newer save keeps what was typed.
 */
export function ReturnForm({ agencyId, kind, period, saved, mode = 'edit', onDone, onReload, onCancel, title }: Props) {
  const [draft, setDraft] = useState<ReturnDraft>(() => draftFrom(kind, saved?.content));
  const [base, setBase] = useState<{ id: string | null; version: number | null }>({ id: saved?.id ?? null, version: saved?.version ?? null });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [csv, setCsv] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const update = { update: forgetReturnSummaries };
  const [saveDraft, saving] = useMutation(SaveReturnDraftDocument, update);
  const [submitReturn, submitting] = useMutation(SubmitReturnDocument, update);
  const [amendReturn, amending] = useMutation(AmendReturnDocument, update);
  const busy = saving.loading || submitting.loading || amending.loading;
  usePageTitle(title, hasErrors(errors) || conflict !== null);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const set = (patch: Partial<ReturnDraft>) => setDraft((d) => ({ ...d, ...patch }));

  function failed(error: unknown) {
    if (hasErrorCode(error, 'CONFLICT')) {
      setConflict(errorMessage(error));
      setErrors(NO_ERRORS);
    } else {
      setErrors(formErrorsFromApi(error));
    }
  }

  function start(): void {
    setConflict(null);
    setNotice(null);
  }

  /** Saves the draft as it stands; returns what the API now holds. */
  async function save(content: ReturnType<typeof checkDraft>['content']) {
    const result = await saveDraft({ variables: { input: { agencyId, period, content: toInput(content), version: base.version } } });
    const r = result.data?.saveReturnDraft;
    if (!r) throw new Error('The return was not saved. Try again.');
    setBase({ id: r.id, version: r.version });
    return r;
  }

  async function onSaveDraft() {
    if (busy) return;
    start();
    const { content, errors: found } = checkDraft(kind, draft, false, today());
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      const r = await save(content);
      setNotice(`Your draft was saved at ${savedTime.format(new Date(r.updatedAt))}. You can come back to it at any time.`);
    } catch (error) {
      failed(error);
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    start();
    const { content, errors: checked } = checkDraft(kind, draft, true, today());
    const found = mode === 'amend' && !reason.trim() ? formErrorsOf([{ field: 'reason', message: 'Say why you are amending the return' }], []) : NO_ERRORS;
    const all: FormErrors = { fields: { ...checked.fields, ...found.fields }, summary: [...checked.summary, ...found.summary] };
    setErrors(all);
    if (hasErrors(all)) return;
    try {
      if (mode === 'amend') {
        if (!base.id || base.version === null) throw new Error('This return has not been submitted yet.');
        const result = await amendReturn({ variables: { input: { id: base.id, version: base.version, content: toInput(content), reason: reason.trim() } } });
        if (result.data) onDone(result.data.amendReturn);
        return;
      }
      const r = await save(content);
      const result = await submitReturn({ variables: { input: { id: r.id, version: r.version } } });
      if (result.data) onDone(result.data.submitReturn);
    } catch (error) {
      failed(error);
    }
  }

  function applyCsv(preview: CsvPreview) {
    setDraft(draftFrom(kind, preview.content));
    const unplaced = preview.problems.filter((p) => !p.field);
    setErrors(formErrorsOf(preview.problems.filter((p) => p.field), unplaced.map((p) => ({ text: p.line ? `Line ${p.line} of the file: ${p.message}` : p.message }))));
    setConflict(null);
    setNotice('The form now holds the return from your file. Check it, then save it as a draft or submit it.');
    setCsv(false);
  }

  if (csv) return <CsvUpload agencyId={agencyId} kind={kind} period={period} onUse={applyCsv} onCancel={() => setCsv(false)} />;

  const sectionsOfKind = RETURN_SECTIONS.map((s) => ({ section: s, measures: sectionMeasures(kind, s) })).filter((s) => s.measures.length > 0);

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} aria-label={`Return for ${periodLabel(period)}`}>
      {conflict ? <ConflictMessage message={conflict} onReload={onReload} /> : <ErrorSummary items={errors.summary} />}
      {notice ? <SavedBanner text={notice} /> : null}
      <p className="govuk-body">
        Enter each figure as a whole number, 0 if none. You can save a draft at any time; to submit, every figure and the outcomes are needed.
      </p>
      {mode === 'edit' ? (
        <p className="govuk-body">
          <button type="button" className="app-link-button govuk-link" onClick={() => setCsv(true)}>
            Upload a CSV instead
          </button>
        </p>
      ) : null}

      {sectionsOfKind.map(({ section, measures }) => (
        <fieldset key={section} className="govuk-fieldset govuk-!-margin-bottom-6">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">{RETURN_SECTION_LABELS[section]}</h2>
          </legend>
          {measures.map((m) => (
            <CountInput
              key={m.key}
              id={measureId(m.key)}
              label={m.label}
              hint={m.hint}
              value={draft.measures[m.key] ?? ''}
              error={errors.fields[measureId(m.key)]}
              onChange={(v) => set({ measures: { ...draft.measures, [m.key]: v } })}
            />
          ))}
        </fieldset>
      ))}

      <h2 className="govuk-heading-m">Localities, peer groups and gangs</h2>
      <p className="govuk-body">Any locality, peer group or gang that presents an increased risk of CSE.</p>
      {draft.localities.length === 0 ? <p className="govuk-body app-muted">None listed.</p> : null}
      {draft.localities.map((l, i) => (
        <fieldset key={i} className="govuk-fieldset app-repeat">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Locality, peer group or gang {i + 1}</legend>
          <Select
            id={localityId(i, 'kind')}
            label="Kind"
            value={l.kind}
            options={LOCALITY_KINDS.map((k) => ({ value: k, label: LOCALITY_KIND_LABELS[k] }))}
            error={errors.fields[localityId(i, 'kind')]}
            onChange={(v) => set({ localities: draft.localities.map((x, j) => (j === i ? { ...x, kind: v as LocalityKind } : x)) })}
          />
          <Textarea
            id={localityId(i, 'description')}
            label="Description"
            hint="What or who it is, and why it presents a risk"
            rows={2}
            value={l.description}
            error={errors.fields[localityId(i, 'description')]}
            onChange={(v) => set({ localities: draft.localities.map((x, j) => (j === i ? { ...x, description: v } : x)) })}
          />
          {l.locationId ? <p className="govuk-body">Place on the map: {l.placeName ?? 'a recorded place'}</p> : null}
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            onClick={() => {
              set({ localities: draft.localities.filter((_, j) => j !== i) });
              setErrors((e) => withoutErrors(e, 'locality-'));
            }}
          >
            Remove<span className="govuk-visually-hidden"> locality, peer group or gang {i + 1}</span>
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => {
          set({ localities: [...draft.localities, { ...EMPTY_LOCALITY }] });
          setFocusId(localityId(draft.localities.length, 'kind'));
        }}
      >
        Add a locality, peer group or gang
      </button>

      <h2 className="govuk-heading-m">Young people worked with</h2>
      <p className="govuk-body">Young people your agency works with who are at risk of or experiencing CSE.</p>
      {draft.youngPeople.length === 0 ? <p className="govuk-body app-muted">None listed.</p> : null}
      {draft.youngPeople.map((y, i) => {
        const change = (patch: Partial<ReturnDraft['youngPeople'][number]>) => set({ youngPeople: draft.youngPeople.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
        return (
          <fieldset key={i} className="govuk-fieldset app-repeat">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Young person {i + 1}</legend>
            <TextInput
              id={youngPersonId(i, 'reference')}
              label="Reference"
              hint="Your agency's case reference, or their MASE reference"
              widthClass="govuk-input--width-20"
              autoComplete="off"
              spellCheck={false}
              value={y.reference}
              error={errors.fields[youngPersonId(i, 'reference')]}
              onChange={(reference) => change({ reference })}
            />
            <Radios
              id={youngPersonId(i, 'involvement')}
              legend="Involvement"
              inline
              small
              choices={choicesOf(INVOLVEMENTS, INVOLVEMENT_LABELS)}
              value={y.involvement}
              error={errors.fields[youngPersonId(i, 'involvement')]}
              onChange={(v) => change({ involvement: v as ReturnDraft['youngPeople'][number]['involvement'] })}
            />
            <TextInput
              id={youngPersonId(i, 'firstName')}
              label="First name (optional)"
              autoComplete="off"
              spellCheck={false}
              value={y.firstName}
              error={errors.fields[youngPersonId(i, 'firstName')]}
              onChange={(firstName) => change({ firstName })}
            />
            <TextInput
              id={youngPersonId(i, 'lastName')}
              label="Last name (optional)"
              autoComplete="off"
              spellCheck={false}
              value={y.lastName}
              error={errors.fields[youngPersonId(i, 'lastName')]}
              onChange={(lastName) => change({ lastName })}
            />
            <TextInput
              id={youngPersonId(i, 'dateOfBirth')}
              label="Date of birth (optional)"
              hint="For example, 2011-06-14. With their first and last name, this helps match a child the panel does not know by your reference."
              widthClass="govuk-input--width-10"
              autoComplete="off"
              value={y.dateOfBirth}
              error={errors.fields[youngPersonId(i, 'dateOfBirth')]}
              onChange={(dateOfBirth) => change({ dateOfBirth })}
            />
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              onClick={() => {
                set({ youngPeople: draft.youngPeople.filter((_, j) => j !== i) });
                setErrors((e) => withoutErrors(e, 'young-person-'));
              }}
            >
              Remove<span className="govuk-visually-hidden"> young person {i + 1}</span>
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => {
          set({ youngPeople: [...draft.youngPeople, { ...EMPTY_YOUNG_PERSON }] });
          setFocusId(youngPersonId(draft.youngPeople.length, 'reference'));
        }}
      >
        Add a young person
      </button>

      <h2 className="govuk-heading-m">Outcomes</h2>
      <Textarea
        id={OUTCOMES_ID}
        label="What your agency's work on CSE achieved this month"
        hint="Outcomes for young people, families and places. Write “None” if there are none."
        rows={5}
        value={draft.outcomes}
        error={errors.fields[OUTCOMES_ID]}
        onChange={(outcomes) => set({ outcomes })}
      />

      <h2 className="govuk-heading-m">Blockages</h2>
      <p className="govuk-body">Anything stopping your agency's work on CSE that MASE should help resolve.</p>
      {draft.blockages.length === 0 ? <p className="govuk-body app-muted">None listed.</p> : null}
      {draft.blockages.map((b, i) => (
        <div key={i} className="app-repeat">
          <Textarea
            id={blockageId(i)}
            label={`Blockage ${i + 1}`}
            rows={3}
            value={b}
            error={errors.fields[blockageId(i)]}
            onChange={(v) => set({ blockages: draft.blockages.map((x, j) => (j === i ? v : x)) })}
          />
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            onClick={() => {
              set({ blockages: draft.blockages.filter((_, j) => j !== i) });
              setErrors((e) => withoutErrors(e, 'blockage-'));
            }}
          >
            Remove<span className="govuk-visually-hidden"> blockage {i + 1}</span>
          </button>
        </div>
      ))}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => {
          set({ blockages: [...draft.blockages, ''] });
          setFocusId(blockageId(draft.blockages.length));
        }}
      >
        Add a blockage
      </button>

      {mode === 'amend' ? (
        <>
          <h2 className="govuk-heading-m">Reason for the amendment</h2>
          <Textarea
            id={REASON_ID}
            label="Why are you amending the return?"
            hint="The co-chairs see this with the amended return"
            rows={3}
            value={reason}
            error={errors.fields[REASON_ID]}
            onChange={setReason}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
              Submit the amendment
            </button>
            {onCancel ? (
              <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
                Cancel
              </button>
            ) : null}
          </div>
        </>
      ) : (
        <div className="govuk-button-group govuk-!-margin-top-6">
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            Submit the return
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={() => void onSaveDraft()}>
            Save as draft
          </button>
        </div>
      )}
    </form>
  );
}
