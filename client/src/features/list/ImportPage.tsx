import { useEffect, useRef, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select } from '../../components/fields';
import { Tag } from '../../components/Tag';
import { AccessDeniedPage } from '../../app/pages';
import {
  ImportJobDocument,
  PreviewYoungPeopleImportDocument,
  StartYoungPeopleImportDocument,
  type ImportJobDetailFragment,
  type PreviewYoungPeopleImportMutation,
  type SessionUserFragment,
} from '../../gql/graphql';
import { errorMessage, fieldProblems, formErrors, hasErrors, NO_ERRORS, type ErrorItem, type FormErrors } from '../../lib/errors';
import { usePageTitle } from '../../lib/usePageTitle';
import { BackLink } from '../admin/BackLink';
import { forgetList, isKeeper } from './common';
import { buildMapping, columnSelectId, initialChoices, mappingProblems, MAX_FILE_BYTES, plural, sortRows, type Choices, type ImportColumn } from './importMapping';
import './list.css';

type Preview = PreviewYoungPeopleImportMutation['previewYoungPeopleImport'];
type Mapping = { key: string; header: string }[];

const TEMPLATE_HREF = '/files/templates/young-people.csv';
const FILE_INPUT_ID = 'import-file';

/** Error summary lines for an API error about the file or the mapping. */
function apiErrorItems(error: unknown, href?: string): ErrorItem[] {
  const problems = fieldProblems(error);
  if (problems.length === 0) return [{ text: errorMessage(error), href }];
  return problems.map((p) => ({ text: p.message, href: p.field === 'csv' ? href : undefined }));
}

function StepBack({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <a
      href="#"
      className="govuk-back-link"
      onClick={(e: MouseEvent<HTMLAnchorElement>) => {
        e.preventDefault();
        onClick();
      }}
    >
      {children}
    </a>
  );
}

function Heading({ step, children }: { step: number; children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (step > 1) ref.current?.focus();
  }, [step]);
  return (
    <>
      <span className="govuk-caption-l">Import young people: step {step} of 4</span>
      <h1 className="govuk-heading-l" ref={ref} tabIndex={-1}>
        {children}
      </h1>
    </>
  );
}

interface ChooseProps {
  busy: boolean;
  errors: ErrorItem[];
  onChosen: (file: File) => void;
}

function ChooseFile({ busy, errors, onChosen }: ChooseProps) {
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const shown = hasErrors(local) ? local.summary : errors;
  const fieldError = local.fields[FILE_INPUT_ID] ?? errors.find((e) => e.href === `#${FILE_INPUT_ID}`)?.text;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found = formErrors([
      {
        id: FILE_INPUT_ID,
        message: !file ? 'Choose a CSV file' : file.size > MAX_FILE_BYTES ? 'The file is larger than 5 MB. Split it into smaller files and import each one' : null,
      },
    ]);
    setLocal(found);
    if (!hasErrors(found) && file) onChosen(file);
  }

  return (
    <>
      <Heading step={1}>Choose the file</Heading>
      <ErrorSummary items={shown} />
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
      <form noValidate onSubmit={submit}>
        <div className={`govuk-form-group${fieldError ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor={FILE_INPUT_ID}>
            CSV file exported from the case-management system
          </label>
          <div id={`${FILE_INPUT_ID}-hint`} className="govuk-hint">
            Up to 5 MB
          </div>
          {fieldError ? (
            <p id={`${FILE_INPUT_ID}-error`} className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {fieldError}
            </p>
          ) : null}
          <input
            className={`govuk-file-upload${fieldError ? ' govuk-file-upload--error' : ''}`}
            id={FILE_INPUT_ID}
            name={FILE_INPUT_ID}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={fieldError ? `${FILE_INPUT_ID}-hint ${FILE_INPUT_ID}-error` : `${FILE_INPUT_ID}-hint`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Continue
        </button>
      </form>
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

const OUTCOME_TAGS: Record<string, ReactNode> = {
  CREATE: <Tag colour="green">New</Tag>,
  UPDATE: <Tag colour="blue">Update</Tag>,
  ERROR: <Tag colour="red">Error</Tag>,
};

function CheckRows({ preview, busy, apiErrors, onImport }: { preview: Preview; busy: boolean; apiErrors: ErrorItem[]; onImport: () => void }) {
  const rows = sortRows(preview.rows);
  const summary: ErrorItem[] =
    preview.errors > 0
      ? [{ text: `${plural(preview.errors, 'row has errors', 'rows have errors')}. Fix them in the file and choose it again`, href: '#rows-table' }]
      : [...preview.fileErrors.map((text) => ({ text })), ...apiErrors];
  const importable = preview.errors === 0 && preview.fileErrors.length === 0 && preview.total > 0;
  return (
    <>
      <ErrorSummary items={summary} />
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Rows in the file</dt>
          <dd className="govuk-summary-list__value">{preview.total}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">New young people</dt>
          <dd className="govuk-summary-list__value">{preview.creates}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Updates to existing records</dt>
          <dd className="govuk-summary-list__value">{preview.updates}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Rows with errors</dt>
          <dd className="govuk-summary-list__value">{preview.errors}</dd>
        </div>
      </dl>
      {rows.length > 0 ? (
        <div className="app-table-scroll" role="region" aria-label="Rows of the file" tabIndex={0} id="rows-table">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{preview.errors > 0 ? 'Rows, those with errors first' : 'Rows'}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Line
                </th>
                <th scope="col" className="govuk-table__header">
                  Reference
                </th>
                <th scope="col" className="govuk-table__header">
                  Outcome
                </th>
                <th scope="col" className="govuk-table__header">
                  Errors
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((r) => (
                <tr key={r.line} className="govuk-table__row">
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.line}</td>
                  <td className="govuk-table__cell">{r.reference ?? ''}</td>
                  <td className="govuk-table__cell">{OUTCOME_TAGS[r.outcome] ?? r.outcome}</td>
                  <td className="govuk-table__cell">
                    {r.errors.length === 0 ? null : (
                      <ul className="govuk-list govuk-!-margin-bottom-0">
                        {r.errors.map((e, i) => (
                          <li key={i}>
                            {e.column}: {e.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {importable ? (
        <button type="button" className="govuk-button" disabled={busy} aria-disabled={busy} onClick={onImport}>
          Import {plural(preview.total, 'young person', 'young people')}
        </button>
      ) : null}
    </>
  );
}

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
        <div className="govuk-panel govuk-panel--confirmation">
          <h2 className="govuk-panel__title">Import complete</h2>
          <div className="govuk-panel__body">{job.message ?? `${plural(job.created, 'young person', 'young people')} added, ${plural(job.updated, 'record', 'records')} updated`}</div>
        </div>
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
          <CheckRows preview={checked} busy={starting.loading} apiErrors={apiErrors} onImport={() => void runImport()} />
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
