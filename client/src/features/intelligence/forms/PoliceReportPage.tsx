import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Flash } from '../../../components/Flash';
import { TextInput, Textarea } from '../../../components/fields';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { Tag } from '../../../components/Tag';
import { IntelPoliceReportsDocument, IntelRecordPoliceReportDocument, type IntelPoliceReportEditFragment, type PoliceReportInput, type SessionUserFragment } from '../../../gql/graphql';
import { formErrors, formErrorsFrom, hasErrorCode, hasErrors, NO_ERRORS, type FormErrors } from '../../../lib/errors';
import { usePageTitle } from '../../../lib/usePageTitle';
import { AccessDeniedPage } from '../../../app/pages';
import { BackLink } from '../../admin/BackLink';
import { addMonths, formatMonth, lastTwelveMonths, thisMonth } from '../months';
import { canRecordIntelligence, ConflictNotice, conflictMessage, forgetIntelligence, parseCount } from './common';
import { MonthStep, reportMonthProblem } from './MonthStep';

export const POLICE_FIGURES = [
  { key: 'openInvestigations', label: 'Open investigations', hint: 'CSE investigations open at the end of the month' },
  { key: 'arrests', label: 'Arrests', hint: 'For CSE-related offences in the month' },
  { key: 'charges', label: 'Charges', hint: 'Charged in the month' },
  { key: 'convictions', label: 'Convictions', hint: 'Convicted in the month' },
  { key: 'cawns', label: 'Child abduction warning notices (CAWNs)', hint: 'Issued in the month' },
  { key: 'orders', label: 'Orders', hint: 'Obtained in the month, for example sexual risk orders' },
  { key: 'otherDisruptions', label: 'Other disruptions', hint: 'Any other disruption activity in the month' },
] as const;

type FigureKey = (typeof POLICE_FIGURES)[number]['key'];
export type PoliceDraft = Record<FigureKey | 'narrative', string>;

export function policeDraft(r: IntelPoliceReportEditFragment | undefined): PoliceDraft {
  const figures = Object.fromEntries(POLICE_FIGURES.map((f) => [f.key, r ? String(r[f.key]) : ''])) as Record<FigureKey, string>;
  return { ...figures, narrative: r?.narrative ?? '' };
}

/** Checks a police report in the browser; returns the errors to show, or the input to send. */
export function checkPoliceReport(month: string, version: number | null, d: PoliceDraft): { errors: FormErrors; input?: PoliceReportInput } {
  const counts = Object.fromEntries(POLICE_FIGURES.map((f) => [f.key, parseCount(d[f.key])])) as Record<FigureKey, number | null>;
  const errors = formErrors([
    ...POLICE_FIGURES.map((f) => ({ id: f.key, message: counts[f.key] === null ? `Enter ${f.label.replace(/ \(.*\)$/, '').toLowerCase()} as a whole number, 0 or more` : null })),
    { id: 'narrative', message: d.narrative.trim().length > 10000 ? 'The summary must be 10,000 characters or fewer' : null },
  ]);
  if (hasErrors(errors)) return { errors };
  const figures = Object.fromEntries(POLICE_FIGURES.map((f) => [f.key, counts[f.key] ?? 0])) as Record<FigureKey, number>;
  return { errors, input: { month, ...figures, narrative: d.narrative.trim() || null, version } };
}

/** CAWNs, orders and other disruptions together, or nothing for a month with no report. */
function disruptionsOf(r: IntelPoliceReportEditFragment | undefined): string {
  return r ? String(r.cawns + r.orders + r.otherDisruptions) : '';
}

const FIELD_IDS: Record<string, string> = { ...Object.fromEntries(POLICE_FIGURES.map((f) => [f.key, f.key])), narrative: 'narrative', month: 'month' };
const WHAT = 'this report';
const PATH = '/intelligence/police-report';

/** Records or corrects the police's monthly figures (police only). */
export function PoliceReportPage({ me }: { me: SessionUserFragment }) {
  if (!canRecordIntelligence(me.role)) return <AccessDeniedPage />;
  return <PoliceReport />;
}

function PoliceReport() {
  const [params, setParams] = useSearchParams();
  const month = params.get('month')?.trim() ?? '';
  const problem = month ? reportMonthProblem(month) : null;
  const chosen = month && !problem ? month : null;
  return (
    <>
      <BackLink to={chosen ? PATH : '/intelligence'}>{chosen ? 'Back to the police monthly reports' : 'Back to intelligence'}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {chosen ? <ReportForMonth month={chosen} /> : <ChooseMonth initial={month || addMonths(thisMonth(), -1)} problem={problem} onChoose={(m) => setParams({ month: m })} />}
        </div>
      </div>
    </>
  );
}

function ChooseMonth({ initial, problem, onChoose }: { initial: string; problem: string | null; onChoose: (month: string) => void }) {
  usePageTitle('Police monthly report', Boolean(problem));
  const range = useMemo(() => lastTwelveMonths(), []);
  const { data, error, refetch } = useQuery(IntelPoliceReportsDocument, { variables: { range }, fetchPolicy: 'cache-and-network' });
  const byMonth = new Map((data?.policeReports ?? []).map((r) => [r.month.slice(0, 7), r]));
  const months = Array.from({ length: 12 }, (_, i) => addMonths(range.to, -i));
  return (
    <>
      <Flash />
      <span className="govuk-caption-l">Intelligence</span>
      <h1 className="govuk-heading-l">Police monthly report</h1>
      <p className="govuk-body">The police’s figures for the MASE panel each month: open investigations, arrests, charges, convictions and disruptions.</p>
      <MonthStep initial={initial} problem={problem} onChoose={onChoose} />
      <h2 className="govuk-heading-m">The last 12 months</h2>
      {error && !data ? (
        <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      ) : !data ? (
        <Loading what="Loading the police reports" />
      ) : (
        <DataTable
          caption="Police monthly reports in the last 12 months, newest first"
          captionClass="govuk-visually-hidden"
          className="app-table--compact"
          rows={months}
          rowKey={(m) => m}
          columns={[
            { header: 'Month', cell: (m) => <span className="app-nowrap">{formatMonth(m)}</span> },
            { header: 'Report', cell: (m) => (byMonth.has(m) ? 'Recorded' : <Tag colour="grey">Not recorded</Tag>) },
            { header: 'Arrests', numeric: true, cell: (m) => String(byMonth.get(m)?.arrests ?? '') },
            { header: 'Charges', numeric: true, cell: (m) => String(byMonth.get(m)?.charges ?? '') },
            { header: 'Disruptions', numeric: true, cell: (m) => disruptionsOf(byMonth.get(m)) },
            {
              header: <span className="govuk-visually-hidden">Action</span>,
              cell: (m) => (
                <Link className="govuk-link" to={`${PATH}?month=${m}`}>
                  {byMonth.has(m) ? 'Correct' : 'Record'}
                  <span className="govuk-visually-hidden"> the report for {formatMonth(m)}</span>
                </Link>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

function ReportForMonth({ month }: { month: string }) {
  const { data, error, refetch } = useQuery(IntelPoliceReportsDocument, { variables: { range: { from: month, to: month } }, fetchPolicy: 'network-only' });
  const [reloads, setReloads] = useState(0);
  const existing = data?.policeReports[0];
  const heading = data ? `${existing ? 'Correct the' : 'Record the'} police report for ${formatMonth(month)}` : `Police report for ${formatMonth(month)}`;
  usePageTitle(heading);

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
      <span className="govuk-caption-l">Police monthly report</span>
      <h1 className="govuk-heading-l">{heading}</h1>
      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => void reload()} />
        ) : (
          <Loading what="Loading the report" />
        )
      ) : (
        <>
          <p className="govuk-body">
            {existing ? 'A report for this month is recorded: change the figures below to correct it.' : 'No report for this month is recorded yet.'}{' '}
            <Link className="govuk-link" to={PATH}>
              Choose another month
            </Link>
          </p>
          <PoliceReportForm key={`${month}:${reloads}`} month={month} existing={existing} onReload={() => void reload()} />
        </>
      )}
    </>
  );
}

function PoliceReportForm({ month, existing, onReload }: { month: string; existing: IntelPoliceReportEditFragment | undefined; onReload: () => void }) {
  const navigate = useNavigate();
  const [version] = useState(existing?.version ?? null);
  const [draft, setDraft] = useState<PoliceDraft>(() => policeDraft(existing));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState(false);
  const [record, { loading }] = useMutation(IntelRecordPoliceReportDocument, { update: (cache) => forgetIntelligence(cache, ['policeReports']) });
  const set = (field: keyof PoliceDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setConflict(false);
    const checked = checkPoliceReport(month, version, draft);
    setErrors(checked.errors);
    if (!checked.input) return;
    try {
      await record({ variables: { input: checked.input } });
      void navigate(PATH, { state: { flash: `Police report for ${formatMonth(month)} ${version === null ? 'recorded' : 'corrected'}.` } });
    } catch (error) {
      setConflict(hasErrorCode(error, 'CONFLICT'));
      setErrors(
        formErrorsFrom(error, FIELD_IDS, {
          CONFLICT: version === null ? 'Someone else recorded the report for this month while you were typing, so yours has not been saved.' : conflictMessage(WHAT),
        }),
      );
    }
  }

  return (
    <>
      <ErrorSummary items={errors.summary} />
      {conflict ? <ConflictNotice what={WHAT} onReload={onReload} /> : null}
      <form noValidate onSubmit={(e) => void submit(e)}>
        {POLICE_FIGURES.map((f) => (
          <TextInput key={f.key} id={f.key} label={f.label} hint={f.hint} widthClass="govuk-input--width-4" autoComplete="off" value={draft[f.key]} onChange={set(f.key)} error={errors.fields[f.key]} />
        ))}
        <Textarea id="narrative" label="Summary (optional)" hint="What the police did in the month, for example operations, patrols and premises visits" rows={5} value={draft.narrative} onChange={set('narrative')} error={errors.fields.narrative} />
        <button type="submit" className="govuk-button" disabled={loading} aria-disabled={loading}>
          {version === null ? 'Record the report' : 'Save the correction'}
        </button>
      </form>
    </>
  );
}
