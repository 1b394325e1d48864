import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { TextInput, Textarea } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { IntelHotSpotReportForMonthDocument, IntelRecordHotSpotReportDocument, type HotSpotReportInput, type IntelHotSpotReportEditFragment, type RiskLevel, type SessionUserFragment } from '../../../gql/graphql';
import { formErrors, formErrorsFrom, hasErrorCode, hasErrors, NO_ERRORS, type FormErrors } from '../../../lib/errors';
import { usePageTitle } from '../../../lib/usePageTitle';
import { AccessDeniedPage } from '../../../app/pages';
import { BackLink } from '../../admin/BackLink';
import { Radios } from '../../list/common';
import { formatMonth, thisMonth } from '../months';
import { canRecordIntelligence, ConflictNotice, conflictMessage, forgetIntelligence, parseCount, RISK_LEVEL_CHOICES } from './common';
import { MonthStep, reportMonthProblem } from './MonthStep';

export interface HotSpotDraft {
  sightings: string;
  incidents: string;
  riskLevel: string;
  notes: string;
}

export function hotSpotDraft(r: IntelHotSpotReportEditFragment | undefined): HotSpotDraft {
  return r ? { sightings: String(r.sightings), incidents: String(r.incidents), riskLevel: r.riskLevel, notes: r.notes ?? '' } : { sightings: '', incidents: '', riskLevel: '', notes: '' };
}

/** Checks a hot-spot report in the browser; returns the errors to show, or the input to send. */
export function checkHotSpot(locationId: string, month: string, version: number | null, d: HotSpotDraft): { errors: FormErrors; input?: HotSpotReportInput } {
  const sightings = parseCount(d.sightings);
  const incidents = parseCount(d.incidents);
  const errors = formErrors([
    { id: 'sightings', message: sightings === null ? 'Enter the number of sightings as a whole number, 0 or more' : null },
    { id: 'incidents', message: incidents === null ? 'Enter the number of incidents as a whole number, 0 or more' : null },
    { id: 'riskLevel', message: d.riskLevel ? null : 'Choose the risk level' },
    { id: 'notes', message: d.notes.trim().length > 4000 ? 'Notes must be 4000 characters or fewer' : null },
  ]);
  if (hasErrors(errors) || sightings === null || incidents === null) return { errors };
  return { errors, input: { locationId, month, sightings, incidents, riskLevel: d.riskLevel as RiskLevel, notes: d.notes.trim() || null, version } };
}

const FIELD_IDS = { sightings: 'sightings', incidents: 'incidents', riskLevel: 'riskLevel', notes: 'notes', month: 'month' };
const WHAT = 'this report';

/** Records or corrects a place's hot-spot report for a month (police only). */
export function HotSpotReportPage({ me }: { me: SessionUserFragment }) {
  if (!canRecordIntelligence(me.role)) return <AccessDeniedPage />;
  return <HotSpotReport />;
}

function HotSpotReport() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const month = params.get('month')?.trim() ?? '';
  const problem = month ? reportMonthProblem(month) : null;
  const chosen = month && !problem ? month : null;
  const { data, error, refetch } = useQuery(IntelHotSpotReportForMonthDocument, {
    variables: { locationId: id, range: { from: chosen ?? '', to: chosen ?? '' } },
    skip: !chosen,
    fetchPolicy: 'network-only',
  });
  const [reloads, setReloads] = useState(0);
  const place = data?.location;
  const existing = data?.hotSpotReports[0];
  const heading = chosen ? `${existing ? 'Correct the' : 'Record a'} hot-spot report for ${formatMonth(chosen)}` : 'Record a hot-spot report';
  usePageTitle(place ? `${heading}: ${place.name}` : heading);

  async function reload() {
    try {
      await refetch();
      setReloads((n) => n + 1);
    } catch {
      // The query's own error state shows what went wrong.
    }
  }

  return (
    <>
      <BackLink to={`/intelligence/places/${id}`}>Back to the place</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {!chosen ? (
            <>
              <span className="govuk-caption-l">Hot-spot report</span>
              <h1 className="govuk-heading-l">Record a hot-spot report</h1>
              <MonthStep initial={month || thisMonth()} problem={problem} onChoose={(m) => setParams({ month: m })} />
            </>
          ) : !data ? (
            <>
              <h1 className="govuk-heading-l">{heading}</h1>
              {error ? <QueryError error={error} onRetry={() => void reload()} /> : <Loading what="Loading the place" />}
            </>
          ) : place ? (
            <>
              <span className="govuk-caption-l">{place.name}</span>
              <h1 className="govuk-heading-l">{heading}</h1>
              <p className="govuk-body">
                {existing ? 'A report for this month is recorded: change the figures below to correct it.' : 'No report for this month is recorded yet.'}{' '}
                <Link className="govuk-link" to={`/intelligence/places/${place.id}/hot-spot-report`}>
                  Choose another month
                </Link>
              </p>
              <HotSpotForm key={`${chosen}:${reloads}`} locationId={place.id} month={chosen} existing={existing} onReload={() => void reload()} />
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}

interface FormProps {
  locationId: string;
  month: string;
  existing: IntelHotSpotReportEditFragment | undefined;
  onReload: () => void;
}

function HotSpotForm({ locationId, month, existing, onReload }: FormProps) {
  const navigate = useNavigate();
  // The version read: a correction names it, and the server refuses if someone else saved since.
  const [version] = useState(existing?.version ?? null);
  const [draft, setDraft] = useState<HotSpotDraft>(() => hotSpotDraft(existing));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState(false);
  const [record, { loading }] = useMutation(IntelRecordHotSpotReportDocument, { update: (cache) => forgetIntelligence(cache, ['hotSpotReports', 'hotSpotMap']) });
  const set = (field: keyof HotSpotDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setConflict(false);
    const checked = checkHotSpot(locationId, month, version, draft);
    setErrors(checked.errors);
    if (!checked.input) return;
    try {
      await record({ variables: { input: checked.input } });
      void navigate(`/intelligence/places/${locationId}`, { state: { flash: `Hot-spot report for ${formatMonth(month)} ${version === null ? 'recorded' : 'corrected'}.` } });
    } catch (error) {
      setConflict(hasErrorCode(error, 'CONFLICT'));
      setErrors(formErrorsFrom(error, FIELD_IDS, { CONFLICT: version === null ? 'Someone else recorded a report for this place and month while you were typing, so yours has not been saved.' : conflictMessage(WHAT) }));
    }
  }

  return (
    <>
      <ErrorSummary items={errors.summary} />
      {conflict ? <ConflictNotice what={WHAT} onReload={onReload} /> : null}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextInput id="sightings" label="Sightings" hint="Sightings reported there in the month, a whole number" widthClass="govuk-input--width-4" autoComplete="off" value={draft.sightings} onChange={set('sightings')} error={errors.fields.sightings} />
        <TextInput id="incidents" label="Incidents" hint="Incidents there in the month, a whole number" widthClass="govuk-input--width-4" autoComplete="off" value={draft.incidents} onChange={set('incidents')} error={errors.fields.incidents} />
        <Radios id="riskLevel" legend="Risk level" choices={RISK_LEVEL_CHOICES} value={draft.riskLevel} onChange={set('riskLevel')} error={errors.fields.riskLevel} />
        <Textarea id="notes" label="Notes (optional)" value={draft.notes} onChange={set('notes')} error={errors.fields.notes} />
        <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
          {version === null ? 'Record the report' : 'Save the correction'}
        </button>
      </form>
    </>
  );
}
