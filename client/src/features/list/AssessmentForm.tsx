import { useState, type FormEvent } from 'react';
import {
  ageOn,
  computeScore,
  CSE_MODEL_LABELS,
  CSE_MODELS,
  INDICATOR_GROUP_LABELS,
  INDICATOR_GROUPS,
  INDICATORS,
  overrideProblem,
  SAFEGUARD_AREA_LABELS,
  SAFEGUARD_AREAS,
  SCORE_DESCRIPTIONS,
  type Answer,
  type CseModel,
  type Indicator,
  type Score,
} from '@mase/shared';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select, TextInput, Textarea } from '../../components/fields';
import type { CreateAssessmentInput } from '../../gql/graphql';
import { formErrors, formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { Checkboxes, choicesOf, isDay, Radios, RagTag, today } from './common';
import './list.css';

const ANSWER_CHOICES = [
  { value: 'PRESENT', label: 'Present' },
  { value: 'NOT_PRESENT', label: 'Not present' },
  { value: 'NOT_KNOWN', label: 'Not known' },
];

export const answerId = (indicatorId: string) => `answer-${indicatorId}`;
export const evidenceId = (indicatorId: string) => `evidence-${indicatorId}`;

/** Server field names (`answers.<id>`, `overrideReason`, …) to the inputs that show them. */
const SERVER_FIELDS: Record<string, string> = {
  assessedOn: 'assessedOn',
  finalScore: 'finalScore',
  overrideReason: 'overrideReason',
  models: 'models',
  ...Object.fromEntries(INDICATORS.flatMap((x) => [[`answers.${x.id}`, answerId(x.id)], [`answers.${x.id}.evidence`, evidenceId(x.id)], [`answers.${x.id}.answer`, answerId(x.id)]])),
};

export interface AssessmentDraft {
  assessedOn: string;
  answers: Record<string, Answer | undefined>;
  evidence: Record<string, string>;
  models: CseModel[];
  /** '' keeps the computed score. */
  finalScore: string;
  overrideReason: string;
}

export function emptyDraft(): AssessmentDraft {
  return { assessedOn: today(), answers: {}, evidence: {}, models: [], finalScore: '', overrideReason: '' };
}

export function scoreOf(draft: AssessmentDraft, dateOfBirth: string) {
  const on = isDay(draft.assessedOn) ? draft.assessedOn.trim() : today();
  const answers: Record<string, Answer> = {};
  for (const [k, v] of Object.entries(draft.answers)) if (v) answers[k] = v;
  return computeScore({ answers, ageAtAssessment: ageOn(dateOfBirth, on) });
}

/** What is wrong with a draft before it is sent: every indicator answered, evidence for each present one, a reason for an override. */
export function draftProblems(draft: AssessmentDraft, computed: Score): FormErrors {
  const final = draft.finalScore === '' ? computed : (Number(draft.finalScore) as Score);
  return formErrors([
    { id: 'assessedOn', message: isDay(draft.assessedOn) ? (draft.assessedOn.trim() > today() ? 'The date of the screening must not be in the future' : null) : 'Enter the date of the screening as yyyy-mm-dd, for example 2026-03-27' },
    ...INDICATORS.flatMap((x) => [
      { id: answerId(x.id), message: draft.answers[x.id] ? null : `Answer "${x.label}": present, not present or not known` },
      { id: evidenceId(x.id), message: draft.answers[x.id] === 'PRESENT' && !draft.evidence[x.id]?.trim() ? `Give the evidence for "${x.label}"` : null },
    ]),
    { id: 'overrideReason', message: overrideProblem(computed, final, draft.overrideReason) },
  ]);
}

export function toInput(youngPersonId: string, draft: AssessmentDraft, computed: Score): CreateAssessmentInput {
  const final = draft.finalScore === '' ? computed : Number(draft.finalScore);
  return {
    youngPersonId,
    assessedOn: draft.assessedOn.trim(),
    answers: INDICATORS.map((x) => ({
      indicatorId: x.id,
      answer: draft.answers[x.id] ?? 'NOT_KNOWN',
      evidence: draft.answers[x.id] === 'PRESENT' ? draft.evidence[x.id]?.trim() || null : null,
    })),
    models: draft.models,
    finalScore: final === computed ? null : final,
    overrideReason: final === computed ? null : draft.overrideReason.trim() || null,
  };
}

function IndicatorRow({ x, draft, setDraft, errors }: { x: Indicator; draft: AssessmentDraft; setDraft: (d: AssessmentDraft) => void; errors: FormErrors }) {
  return (
    <div className="app-indicator-row">
      <Radios
        id={answerId(x.id)}
        legend={
          <>
            {x.label} <span className="govuk-hint govuk-!-display-inline">(level {x.level})</span>
          </>
        }
        legendClass="govuk-fieldset__legend--s"
        inline
        small
        choices={ANSWER_CHOICES}
        value={draft.answers[x.id] ?? ''}
        error={errors.fields[answerId(x.id)]}
        onChange={(v) => setDraft({ ...draft, answers: { ...draft.answers, [x.id]: v as Answer } })}
      />
      {draft.answers[x.id] === 'PRESENT' ? (
        <div className="govuk-radios__conditional">
          <Textarea
            id={evidenceId(x.id)}
            label={`Evidence for "${x.label}"`}
            hint="What is known, and from whom"
            rows={2}
            value={draft.evidence[x.id] ?? ''}
            error={errors.fields[evidenceId(x.id)]}
            onChange={(v) => setDraft({ ...draft, evidence: { ...draft.evidence, [x.id]: v } })}
          />
        </div>
      ) : null}
    </div>
  );
}

export function ScorePanel({ draft, dateOfBirth }: { draft: AssessmentDraft; dateOfBirth: string }) {
  const result = scoreOf(draft, dateOfBirth);
  const answered = INDICATORS.filter((x) => draft.answers[x.id]).length;
  return (
    <aside className="app-score-panel" aria-labelledby="score-heading">
      <h2 className="govuk-heading-s" id="score-heading">
        Computed score
      </h2>
      <div aria-live="polite" data-testid="computed-score">
        <p className="govuk-body app-score-panel__score">{result.score}</p>
        <p className="govuk-body">
          <RagTag rag={result.rag} /> Police category {result.policeCategory ?? 'none'}
        </p>
        <p className="govuk-body-s">{SCORE_DESCRIPTIONS[result.score]}</p>
        <ul className="govuk-list govuk-list--bullet govuk-body-s">
          {result.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
      <p className="govuk-body-s govuk-!-margin-bottom-0">
        {answered} of {INDICATORS.length} indicators answered.
      </p>
    </aside>
  );
}

interface Props {
  youngPersonId: string;
  dateOfBirth: string;
  busy: boolean;
  /** Sends the screening; throws the API's error to be shown against the fields. */
  onSubmit: (input: CreateAssessmentInput) => Promise<void>;
}

/** The CSE risk screening: every indicator answered, evidence for the present ones, a live score and an optional override. */
export function AssessmentForm({ youngPersonId, dateOfBirth, busy, onSubmit }: Props) {
  const [draft, setDraft] = useState<AssessmentDraft>(emptyDraft);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const computed = scoreOf(draft, dateOfBirth).score;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found = draftProblems(draft, computed);
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      await onSubmit(toInput(youngPersonId, draft, computed));
    } catch (error) {
      setErrors(formErrorsFrom(error, SERVER_FIELDS));
    }
  }

  const group = (indicators: readonly Indicator[]) => indicators.map((x) => <IndicatorRow key={x.id} x={x} draft={draft} setDraft={setDraft} errors={errors} />);

  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary items={errors.summary} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <TextInput
            id="assessedOn"
            label="Date of the screening"
            labelClass="govuk-label--s"
            hint="For example, 2026-03-27"
            widthClass="govuk-input--width-10"
            value={draft.assessedOn}
            onChange={(assessedOn) => setDraft({ ...draft, assessedOn })}
            error={errors.fields.assessedOn}
          />
          {INDICATOR_GROUPS.map((g) => (
            <fieldset key={g} className="govuk-fieldset govuk-!-margin-bottom-6">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 className="govuk-fieldset__heading">{INDICATOR_GROUP_LABELS[g]}</h2>
              </legend>
              {g === 'SAFEGUARD'
                ? SAFEGUARD_AREAS.map((area) => {
                    const inArea = INDICATORS.filter((x) => x.group === g && x.area === area);
                    if (inArea.length === 0) return null;
                    return (
                      <div key={area}>
                        <h3 className="govuk-heading-s govuk-!-margin-top-4">{SAFEGUARD_AREA_LABELS[area]}</h3>
                        {group(inArea)}
                      </div>
                    );
                  })
                : group(INDICATORS.filter((x) => x.group === g))}
            </fieldset>
          ))}
          <Checkboxes
            id="models"
            legend="Models of CSE identified"
            legendClass="govuk-fieldset__legend--m"
            hint="Select all that apply"
            choices={choicesOf(CSE_MODELS, CSE_MODEL_LABELS)}
            values={draft.models}
            onChange={(v) => setDraft({ ...draft, models: v as CseModel[] })}
            error={errors.fields.models}
          />
          <h2 className="govuk-heading-m">Professional judgement</h2>
          <Select
            id="finalScore"
            label="Final score"
            hint="Keep the computed score unless professional judgement says otherwise"
            value={draft.finalScore}
            error={errors.fields.finalScore}
            options={[{ value: '', label: `Keep the computed score (${computed})` }, ...[0, 1, 2, 3].map((s) => ({ value: String(s), label: `Override: ${s}` }))]}
            onChange={(finalScore) => setDraft({ ...draft, finalScore })}
          />
          {draft.finalScore !== '' && Number(draft.finalScore) !== computed ? (
            <Textarea
              id="overrideReason"
              label="Reason for the override"
              hint="At least 10 characters"
              value={draft.overrideReason}
              error={errors.fields.overrideReason}
              onChange={(overrideReason) => setDraft({ ...draft, overrideReason })}
            />
          ) : null}
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            Record the screening
          </button>
        </div>
        <div className="govuk-grid-column-one-third">
          <ScorePanel draft={draft} dateOfBirth={dateOfBirth} />
        </div>
      </div>
    </form>
  );
}
