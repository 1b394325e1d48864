import { useEffect, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select } from '../../components/fields';
import { CheckRows, type CheckRowsWording } from '../../components/import/CheckRows';
import { ChooseCsvFile, FILE_INPUT_ID } from '../../components/import/ChooseCsvFile';
import { apiErrorItems, plural } from '../../components/import/importRows';
import { ImportCompletePanel, StepBack, StepHeading } from '../../components/import/ImportSteps';
import { AccessDeniedPage } from '../../app/pages';
import {
  ImportJobDocument,
  PreviewYoungPeopleImportDocument,
  StartYoungPeopleImportDocument,
  type ImportJobDetailFragment,
  type PreviewYoungPeopleImportMutation,
  type SessionUserFragment,
} from '../../gql/graphql';
import { errorMessage, formErrors, hasErrors, NO_ERRORS, type ErrorItem, type FormErrors } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { BackLink } from '../admin/BackLink';
import { forgetList, isKeeper } from './common';
import { buildMapping, columnSelectId, initialChoices, mappingProblems, type Choices, type ImportColumn } from './importMapping';
import './list.css';

type Preview = PreviewYoungPeopleImportMutation['previewYoungPeopleImport'];
type Mapping = { key: string; header: string }[];

const TEMPLATE_HREF = '/files/templates/young-people.csv';

const CAPTION = 'Import young people';
const STEPS = 4;

function Heading({ step, children }: { step: number; children: string }) {
  return (
    <StepHeading caption={CAPTION} step={step} of={STEPS}>
      {children}
    </StepHeading>
  );
}

function ChooseFile({ busy, errors, onChosen }: { busy: boolean; errors: ErrorItem[]; onChosen: (file: File) => void }) {
  return (
    <>
      <Heading step={1}>Choose the file</Heading>
      <ChooseCsvFile busy={busy} errors={errors} onChosen={onChosen} label="CSV file exported from the case-management system">
        <p className="govuk-body">
          Export the young people from the case-management system as a CSV file, one young person a row with a header row first. Rows whose reference is already
          in MASE Hub update that record; the others are added. You will match the columns and check every row before anything is saved.
        </p>
        <p className="govuk-body">
          <a href={TEMPLATE_HREF} className="govuk-link" download>
            Download the template (CSV)
          </a>{' '}
          to see the columns MASE Hub understands.
        </p>
      </ChooseCsvFile>
    </>
  );
}

interface MatchProps {
  columns: readonly ImportColumn[];
  headers: readonly string[];
  initial: Choices;
  busy: boolean;
  apiErrors: ErrorItem[];
  onSubmit: (mapping: Mapping, choices: Choices) => void;
}

/** Step 2: one select a column, fed by a header of the file or "Not in the file". */
export function MatchColumns({ columns, headers, initial, busy, apiErrors, onSubmit }: MatchProps) {
  const [choices, setChoices] = useState<Choices>(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const options = [{ value: '', label: 'Not in the file' }, ...headers.map((h) => ({ value: h, label: h }))];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found = formErrors(mappingProblems(columns, choices));
    setErrors(found);
    if (!hasErrors(found)) onSubmit(buildMapping(columns, choices), choices);
  }

  return (
    <>
      <ErrorSummary items={hasErrors(errors) ? errors.summary : apiErrors} />
      <p className="govuk-body">For each thing MASE Hub records, choose the column of your file that holds it. Columns marked required must be in the file.</p>
      <form noValidate onSubmit={submit}>
        {columns.map((c) => (
          <Select
            key={c.key}
            id={columnSelectId(c.key)}
            label={
              <>
                {c.label}
                {c.required ? <strong> (required)</strong> : null}
              </>
            }
            labelClass="govuk-label--s"
            hint={c.description}
            value={choices[c.key] ?? ''}
            options={options}
            error={errors.fields[columnSelectId(c.key)]}
            onChange={(header) => setChoices({ ...choices, [c.key]: header })}
          />
        ))}
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Check the rows
        </button>
      </form>
    </>
  );
}

const CHECK_WORDING: CheckRowsWording = {
  creates: 'New young people',
  updates: 'Updates to existing records',
  reference: 'Reference',
  outcomes: { CREATE: 'New', UPDATE: 'Update', ERROR: 'Error' },
  importButton: (total) => `Import ${plural(total, 'young person', 'young people')}`,
};

function Importing({ first }: { first: ImportJobDetailFragment }) {
  const client = useApolloClient();
  const [finished, setFinished] = useState(false);
  const { data, error } = useQuery(ImportJobDocument, { variables: { id: first.id }, pollInterval: finished ? 0 : 500, fetchPolicy: 'network-only', notifyOnNetworkStatusChange: false });
  const job = data?.importJob ?? first;
  const over = job.status === 'DONE' || job.status === 'FAILED';
  useEffect(() => {
    if (!over) return;
    setFinished(true);
    if (job.status === 'DONE') forgetList(client.cache);
  }, [over, job.status, client]);

  if (job.status === 'FAILED') {
    return <ErrorSummary title="The import failed: nothing was saved" items={[{ text: job.message ?? 'The import stopped before it finished.' }]} />;
  }
  if (job.status === 'DONE') {
    return (
      <>
        <ImportCompletePanel title="Import complete">
          {job.message ?? `${plural(job.created, 'young person', 'young people')} added, ${plural(job.updated, 'record', 'records')} updated`}
        </ImportCompletePanel>
        <p className="govuk-body">
          <Link to="/list" className="govuk-link">
            Go back to the list
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      {error ? <ErrorSummary focus={false} items={[{ text: `Progress could not be checked: ${errorMessage(error)}. MASE Hub keeps trying.` }]} /> : null}
      <p className="govuk-body">Keep this page open. Nothing is saved unless every row imports.</p>
      <label className="govuk-label govuk-label--s" htmlFor="import-progress">
        Progress
      </label>
      <progress id="import-progress" className="app-progress" max={Math.max(job.total, 1)} value={job.processed} />
      <p className="govuk-body" aria-live="polite">
        {job.processed} of {job.total} rows processed
      </p>
    </>
  );
}

type Step = 'choose' | 'match' | 'check' | 'importing';

const TITLES: Record<Step, string> = { choose: 'Choose the file', match: 'Match the columns', check: 'Check the rows', importing: 'Importing' };

export function ImportPage({ me }: { me: SessionUserFragment }) {
  if (!isKeeper(me.role)) return <AccessDeniedPage />;
  return <ImportWizard />;
}

function ImportWizard() {
  const [step, setStep] = useState<Step>('choose');
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [first, setFirst] = useState<Preview | null>(null);
  const [checked, setChecked] = useState<Preview | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [mapping, setMapping] = useState<Mapping>([]);
  const [job, setJob] = useState<ImportJobDetailFragment | null>(null);
  const [apiErrors, setApiErrors] = useState<ErrorItem[]>([]);
  const [reading, setReading] = useState(false);
  const [preview, previewing] = useMutation(PreviewYoungPeopleImportDocument);
  const [start, starting] = useMutation(StartYoungPeopleImportDocument);
  usePageTitle(`${TITLES[step]} – Import young people`, apiErrors.length > 0 || (step === 'check' && (checked?.errors ?? 0) > 0));

  function go(next: Step) {
    setApiErrors([]);
    setStep(next);
  }

  async function chosen(file: File) {
    setApiErrors([]);
    setReading(true);
    try {
      const text = await file.text();
      const result = await preview({ variables: { csv: text, mapping: null } });
      const p = result.data?.previewYoungPeopleImport;
      if (!p) throw new Error('The file could not be checked. Try again.');
      setCsv(text);
      setFileName(file.name);
      setFirst(p);
      setChoices(initialChoices(p.columns, p.mapping, p.headers));
      go('match');
    } catch (error) {
      setApiErrors(apiErrorItems(error, `#${FILE_INPUT_ID}`));
    } finally {
      setReading(false);
    }
  }

  async function matched(next: Mapping, nextChoices: Choices) {
    setChoices(nextChoices);
    setApiErrors([]);
    try {
      const result = await preview({ variables: { csv, mapping: next } });
      const p = result.data?.previewYoungPeopleImport;
      if (!p) throw new Error('The file could not be checked. Try again.');
      setMapping(next);
      setChecked(p);
      go('check');
    } catch (error) {
      setApiErrors(apiErrorItems(error));
    }
  }

  async function runImport() {
    setApiErrors([]);
    try {
      const result = await start({ variables: { csv, mapping } });
      const j = result.data?.startYoungPeopleImport;
      if (!j) throw new Error('The import could not be started. Try again.');
      setJob(j);
      go('importing');
    } catch (error) {
      setApiErrors(apiErrorItems(error));
    }
  }

  return (
    <>
      {step === 'choose' ? <BackLink to="/list">Back to the list</BackLink> : null}
      {step === 'match' ? <StepBack onClick={() => go('choose')}>Choose another file</StepBack> : null}
      {step === 'check' ? <StepBack onClick={() => go('match')}>Back to matching the columns</StepBack> : null}
      {step === 'choose' ? <ChooseFile busy={reading || previewing.loading} errors={apiErrors} onChosen={(f) => void chosen(f)} /> : null}
      {step === 'match' && first ? (
        <>
          <Heading step={2}>Match the columns</Heading>
          <p className="govuk-body">
            File: <strong>{fileName}</strong>
          </p>
          {first.fileErrors.length > 0 ? (
            <>
              <ErrorSummary title="There is a problem with the file" items={first.fileErrors.map((text) => ({ text }))} />
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => go('choose')}>
                Choose another file
              </button>
            </>
          ) : (
            <MatchColumns columns={first.columns} headers={first.headers} initial={choices} busy={previewing.loading} apiErrors={apiErrors} onSubmit={(m, c) => void matched(m, c)} />
          )}
        </>
      ) : null}
      {step === 'check' && checked ? (
        <>
          <Heading step={3}>Check the rows</Heading>
          <p className="govuk-body">
            This is what importing <strong>{fileName}</strong> would do. Nothing has been saved yet.
          </p>
          <CheckRows preview={checked} wording={CHECK_WORDING} busy={starting.loading} apiErrors={apiErrors} onImport={() => void runImport()} />
          {checked.errors > 0 || checked.fileErrors.length > 0 ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => go('choose')}>
              Choose the file again
            </button>
          ) : null}
        </>
      ) : null}
      {step === 'importing' && job ? (
        <>
          <Heading step={4}>Importing</Heading>
          <Importing first={job} />
        </>
      ) : null}
    </>
  );
}
