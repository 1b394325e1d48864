import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import {
  AGE_BAND_LABELS,
  CSE_MODEL_LABELS,
  EDUCATION_STATUS_LABELS,
  ETHNICITY_LABELS,
  GENDER_LABELS,
  INDICATOR_GROUP_LABELS,
  LEGAL_STATUS_LABELS,
  PLACEMENT_TYPE_LABELS,
  PRESENTATION_LABELS,
  SEND_STATUS_LABELS,
  type IndicatorGroup,
} from '@mase/shared';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextInput, Textarea } from '../../components/fields';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { Tag } from '../../components/Tag';
import {
  EndListMembershipDocument,
  YoungPersonDetailDocument,
  type AssessmentDetailFragment,
  type MembershipDetailFragment,
  type SessionUserFragment,
} from '../../gql/graphql';
import { formErrors, formErrorsFrom, hasErrorCode, hasErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { BackLink } from '../admin/BackLink';
import { canIdentify, displayName, forgetList, formatDay, isDay, isKeeper, Overdue, Radios, RagTag, today } from './common';
import { Chronology } from './Chronology';
import { MissingEpisodesSection } from './MissingEpisodes';
import { OutcomeForm, OutcomeText } from './OutcomeForm';
import './list.css';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children === '' || children == null ? 'Not recorded' : children}</dd>
    </div>
  );
}

const STATUS_TAGS = {
  FINAL: <Tag colour="green">Final</Tag>,
  AWAITING_SIGN_OFF: <Tag colour="orange">Awaiting sign-off</Tag>,
  DRAFT: <Tag colour="grey">Draft</Tag>,
} as const;

const START_REASONS: Record<string, string> = { SCORE: 'A final score of 1 to 3', OVERRIDE: 'Professional judgement' };
const END_KINDS: Record<string, string> = { STEPPED_DOWN: 'Stepped down', CLOSED: 'Closed' };

interface AssessmentProps {
  a: AssessmentDetailFragment;
  identify: boolean;
  keeper: boolean;
  onChanged: () => void;
}

function Assessment({ a, identify, keeper, onChanged }: AssessmentProps) {
  const present = a.indicators.filter((x) => x.answer === 'PRESENT');
  const unknown = a.indicators.filter((x) => x.answer === 'NOT_KNOWN').length;
  return (
    <section className={`app-assessment${a.signedOff ? '' : ' app-assessment--pending'}`} aria-labelledby={`assessment-${a.id}`}>
      <h3 className="govuk-heading-s" id={`assessment-${a.id}`}>
        Screening on {formatDay(a.assessedOn)} {STATUS_TAGS[a.status]}
      </h3>
      {!a.signedOff ? (
        <p className="govuk-body">
          <strong>Awaiting sign-off:</strong> line manager {a.lineManagerSigned ? 'signed' : 'not signed yet'}; co-ordinator{' '}
          {a.coordinatorSigned ? 'signed' : 'not signed yet'}. It counts once both have signed it off.
        </p>
      ) : null}
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        <Row label="Score">
          {a.finalScore} <RagTag rag={a.rag} />
          {a.finalScore !== a.computedScore ? ` (computed ${a.computedScore}, overridden)` : ''}
        </Row>
        {a.overrideReason ? <Row label="Override reason">{a.overrideReason}</Row> : null}
        <Row label="Police category">{a.policeCategory ?? 'None'}</Row>
        <Row label="Models of CSE">{a.models.length > 0 ? a.models.map((m) => CSE_MODEL_LABELS[m]).join(', ') : 'None identified'}</Row>
        <Row label="Next review">
          <Overdue day={a.nextReviewOn} />
        </Row>
        <Row label="Indicators present">
          {present.length === 0 ? (
            'None'
          ) : (
            <ul className="govuk-list govuk-list--bullet">
              {present.map((x) => (
                <li key={x.indicatorId}>
                  {x.label} <span className="govuk-hint govuk-!-display-inline">(level {x.level}, {INDICATOR_GROUP_LABELS[x.group as IndicatorGroup] ?? x.group})</span>
                  {identify && x.evidence ? <p className="govuk-body govuk-!-margin-bottom-1">Evidence: {x.evidence}</p> : null}
                </li>
              ))}
            </ul>
          )}
          {unknown > 0 ? <p className="govuk-body govuk-!-margin-bottom-0">{unknown} indicators not known.</p> : null}
        </Row>
        <Row label="Outcome">{a.outcome ? <OutcomeText outcome={a.outcome} outcomeOn={a.outcomeOn} reason={a.outcomeReason} /> : 'Not recorded yet'}</Row>
      </dl>
      {keeper && !a.outcome ? <OutcomeForm assessmentId={a.id} onDone={onChanged} /> : null}
    </section>
  );
}

function membershipText(m: MembershipDetailFragment): string {
  const start = `On the list from ${formatDay(m.startedOn)} (${START_REASONS[m.startReason] ?? m.startReason})`;
  if (!m.endedOn) return `${start}, still on it`;
  return `${start} to ${formatDay(m.endedOn)}: ${END_KINDS[m.endKind ?? ''] ?? m.endKind ?? 'ended'}${m.endReason ? `, ${m.endReason}` : ''}`;
}

interface EndDraft {
  kind: string;
  endedOn: string;
  reason: string;
}

function EndMembershipForm({ youngPersonId, onDone }: { youngPersonId: string; onDone: () => void }) {
  const [draft, setDraft] = useState<EndDraft>({ kind: '', endedOn: today(), reason: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [end, { loading }] = useMutation(EndListMembershipDocument, { update: (cache) => forgetList(cache, youngPersonId) });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const found = formErrors([
      { id: 'end-kind', message: draft.kind ? null : 'Choose whether they are stepped down or closed' },
      { id: 'end-date', message: isDay(draft.endedOn) ? null : 'Enter the date as yyyy-mm-dd, for example 2026-03-27' },
      { id: 'end-reason', message: draft.reason.trim() ? null : 'Give the reason' },
    ]);
    setErrors(found);
    if (hasErrors(found)) return;
    try {
      await end({ variables: { input: { youngPersonId, kind: draft.kind, endedOn: draft.endedOn.trim(), reason: draft.reason.trim() } } });
      onDone();
    } catch (error) {
      setErrors(formErrorsFrom(error, { kind: 'end-kind', endedOn: 'end-date', reason: 'end-reason' }));
    }
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="end-heading">
      <h2 className="govuk-heading-m" id="end-heading">
        Step down or close
      </h2>
      <ErrorSummary items={errors.summary} />
      <Radios
        id="end-kind"
        legend="What is happening"
        value={draft.kind}
        onChange={(kind) => setDraft({ ...draft, kind })}
        error={errors.fields['end-kind']}
        choices={[
          { value: 'STEPPED_DOWN', label: 'Stepped down', hint: 'Risk has reduced: they leave the list but stay known to the panel' },
          { value: 'CLOSED', label: 'Closed', hint: 'The panel no longer needs to track them' },
        ]}
      />
      <TextInput id="end-date" label="Date" hint="For example, 2026-03-27" widthClass="govuk-input--width-10" value={draft.endedOn} onChange={(endedOn) => setDraft({ ...draft, endedOn })} error={errors.fields['end-date']} />
      <Textarea id="end-reason" label="Reason" value={draft.reason} onChange={(reason) => setDraft({ ...draft, reason })} error={errors.fields['end-reason']} />
      <button type="submit" className="govuk-button govuk-button--warning" disabled={loading} aria-disabled={loading}>
        Take them off the list
      </button>
    </form>
  );
}

/** Asks why the user needs a record their work does not connect them to; the reason goes to the audit log. */
function ReasonForm({ message, onGiven }: { message: string; onGiven: (reason: string) => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const given = text.trim();
    if (!given) return setProblem('Say why you need to open this record');
    if (given.length > 1000) return setProblem('Keep the reason to 1000 characters or fewer');
    setProblem(null);
    onGiven(given);
  }
  return (
    <>
      <h1 className="govuk-heading-l">Why do you need this record?</h1>
      <ErrorSummary items={problem ? [{ text: problem, href: '#access-reason' }] : []} />
      <p className="govuk-body">{message}</p>
      <form noValidate onSubmit={submit}>
        <Textarea id="access-reason" label="Reason for opening the record" hint="For example, a subject access request, or a referral received today" value={text} onChange={setText} error={problem ?? undefined} />
        <button type="submit" className="govuk-button">
          Open the record
        </button>
      </form>
    </>
  );
}

export function YoungPersonPage({ me }: { me: SessionUserFragment }) {
  const { id = '' } = useParams();
  const identify = canIdentify(me.role);
  const keeper = isKeeper(me.role);
  const [ended, setEnded] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const { data, error, refetch } = useQuery(YoungPersonDetailDocument, { variables: { id, canIdentify: identify, reason }, fetchPolicy: 'cache-and-network' });
  const person = data?.youngPerson;
  usePageTitle(person ? displayName(person) : 'Young person');
  const reload = () => void refetch().catch(() => undefined);

  if (!person) {
    return (
      <>
        <BackLink to="/list">Back to the list</BackLink>
        {error ? (
          hasErrorCode(error, 'REASON_REQUIRED') ? (
            <ReasonForm message={error.message} onGiven={setReason} />
          ) : hasErrorCode(error, 'NOT_FOUND') ? (
            <>
              <h1 className="govuk-heading-l">Young person not found</h1>
              <p className="govuk-body">
                Check the link, or <Link to="/list" className="govuk-link">go back to the list</Link>.
              </p>
            </>
          ) : (
            <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
          )
        ) : (
          <Loading what="Loading the young person" />
        )}
      </>
    );
  }

  const idn = person.identity;
  const current = person.currentMembership;
  return (
    <>
      <BackLink to="/list">Back to the list</BackLink>
      <Flash />
      {ended ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">They are no longer on the MASE list.</p>
          </div>
        </div>
      ) : null}
      <span className="govuk-caption-l">{identify ? `Pseudonym ${person.pseudonym}` : AGE_BAND_LABELS[person.ageBand]}</span>
      <div className="app-heading-with-action">
        <h1 className="govuk-heading-l">{displayName(person)}</h1>
        {keeper ? (
          <Link to={`/list/${person.id}/assess`} role="button" draggable={false} className="govuk-button" data-module="govuk-button">
            Complete a screening
          </Link>
        ) : null}
      </div>
      <p className="govuk-body-l">
        {current ? (
          <>
            <Tag colour="red">On the MASE list</Tag> since {formatDay(current.startedOn)}
          </>
        ) : (
          <Tag colour="grey">Not on the MASE list</Tag>
        )}
      </p>

      <h2 className="govuk-heading-m">Details</h2>
      <dl className="govuk-summary-list">
        {idn ? (
          <>
            <Row label="Reference">{idn.reference}</Row>
            <Row label="Date of birth">{formatDay(idn.dateOfBirth)}</Row>
            <Row label="Also known as">{idn.aliases.join(', ')}</Row>
            <Row label="School">{idn.school}</Row>
            <Row label="Social worker">{idn.socialWorker}</Row>
            <Row label="Team">{idn.team}</Row>
            <Row label="CRIS number">{idn.crisNumber}</Row>
            <Row label="MERLIN references">{idn.merlinReferences.join(', ')}</Row>
          </>
        ) : null}
        <Row label="Age band">{AGE_BAND_LABELS[person.ageBand]}</Row>
        <Row label="Gender">{GENDER_LABELS[person.gender]}</Row>
        <Row label="Ethnicity">{ETHNICITY_LABELS[person.ethnicity]}</Row>
        <Row label="Legal status">{LEGAL_STATUS_LABELS[person.legalStatus]}</Row>
        <Row label="Placement">
          {PLACEMENT_TYPE_LABELS[person.placementType]}
          {person.placementBorough ? ` (${person.placementBorough})` : ''}
        </Row>
        <Row label="Education">{EDUCATION_STATUS_LABELS[person.educationStatus]}</Row>
        <Row label="SEND">{SEND_STATUS_LABELS[person.send]}</Row>
        <Row label="Presentation">{PRESENTATION_LABELS[person.presentation]}</Row>
        <Row label="Home ward">{person.homeWard}</Row>
      </dl>

      <h2 className="govuk-heading-m">Screenings</h2>
      {person.assessments.length === 0 ? (
        <p className="govuk-body">No screening has been recorded yet.{keeper ? ' Complete a screening to score their risk.' : ''}</p>
      ) : (
        person.assessments.map((a) => <Assessment key={a.id} a={a} identify={identify} keeper={keeper} onChanged={reload} />)
      )}

      <MissingEpisodesSection
        youngPersonId={person.id}
        flags={person.missingFlags}
        episodes={person.missingEpisodes}
        identify={identify}
        canRecord={identify}
        onChanged={reload}
      />

      <Chronology entries={person.chronology} />

      <h2 className="govuk-heading-m">List history</h2>
      {person.memberships.length === 0 ? (
        <p className="govuk-body">They have never been on the MASE list.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {person.memberships.map((m) => (
            <li key={m.id}>{membershipText(m)}</li>
          ))}
        </ul>
      )}

      {keeper && current ? <EndMembershipForm youngPersonId={person.id} onDone={() => setEnded(true)} /> : null}
    </>
  );
}
