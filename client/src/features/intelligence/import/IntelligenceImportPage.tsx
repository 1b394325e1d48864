import { useState } from 'react';
import type { ApolloCache, TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { HOT_SPOT_IMPORT_COLUMNS, LINK_IMPORT_COLUMNS, type IntelligenceImportColumn } from '@mase/shared';
import { AccessDeniedPage } from '../../../app/pages';
import { CheckRows, type CheckRowsWording } from '../../../components/import/CheckRows';
import { ChooseCsvFile, FILE_INPUT_ID } from '../../../components/import/ChooseCsvFile';
import { apiErrorItems, isImportable, plural } from '../../../components/import/importRows';
import { ImportCompletePanel, StepBack, StepHeading } from '../../../components/import/ImportSteps';
import {
  ImportHotSpotReportsDocument,
  ImportLinksDocument,
  PreviewHotSpotReportsImportDocument,
  PreviewLinksImportDocument,
  type IntelligenceImportOutcomeFragment,
  type IntelligenceImportPreviewFragment,
  type SessionUserFragment,
} from '../../../gql/graphql';
import { errorMessage, fieldProblems, type ErrorItem } from '../../../lib/errors';
import { usePageTitle } from '../../../lib/usePageTitle';
import { BackLink } from '../../admin/BackLink';

/** What the police can import from CSV: links between records, and monthly hot-spot reports. */
export type IntelligenceImportKind = 'links' | 'hot-spot-reports';

type PreviewDocument = TypedDocumentNode<{ preview: IntelligenceImportPreviewFragment }, { csv: string }>;
type ImportDocument = TypedDocumentNode<{ result: IntelligenceImportOutcomeFragment }, { csv: string }>;

interface KindSettings {
  /** "Import links": the caption and the end of the page title. */
  title: string;
  template: string;
  columns: readonly IntelligenceImportColumn[];
  intro: string;
  fileLabel: string;
  wording: CheckRowsWording;
  previewDocument: PreviewDocument;
  importDocument: ImportDocument;
  /** Root query fields that summarise what the import changes: forgotten so pages fetch afresh. */
  forget: readonly string[];
  back: { to: string; text: string };
  doneTitle: string;
  next: { to: string; text: string }[];
}

const SETTINGS: Record<IntelligenceImportKind, KindSettings> = {
  links: {
    title: 'Import links',
    template: '/files/templates/links.csv',
    columns: LINK_IMPORT_COLUMNS,
    intro:
      'Export the links from the police intelligence system as a CSV file, one link a row with a header row first. A row linking the same two records with the same link type as a link already recorded is merged into that link, keeping its grading history; the other rows are added as new links. You will check every row before anything is saved.',
    fileLabel: 'CSV file of links',
    wording: {
      creates: 'New links',
      updates: 'Merges into links already recorded (grading history kept)',
      reference: 'Link',
      outcomes: { CREATE: 'New link', UPDATE: 'Merge', ERROR: 'Error' },
      importButton: (total) => `Import ${plural(total, 'link', 'links')}`,
      importingButton: 'Importing the links…',
    },
    previewDocument: PreviewLinksImportDocument,
    importDocument: ImportLinksDocument,
    forget: ['links', 'network', 'neighbourhood', 'complexAbuseGroups'],
    back: { to: '/intelligence/network', text: 'Back to the network' },
    doneTitle: 'Links imported',
    next: [
      { to: '/intelligence/network', text: 'View the network' },
      { to: '/intelligence', text: 'Go back to intelligence' },
    ],
  },
  'hot-spot-reports': {
    title: 'Import hot-spot reports',
    template: '/files/templates/hot-spot-reports.csv',
    columns: HOT_SPOT_IMPORT_COLUMNS,
    intro:
      'Export the monthly hot-spot figures as a CSV file, one place and month a row with a header row first. A row for a month already reported for that place replaces that month’s report; the other rows are added. You will check every row before anything is saved.',
    fileLabel: 'CSV file of hot-spot reports',
    wording: {
      creates: 'New monthly reports',
      updates: 'Replacing a month already reported',
      reference: 'Place and month',
      outcomes: { CREATE: 'New month', UPDATE: 'Replace', ERROR: 'Error' },
      importButton: (total) => `Import ${plural(total, 'report', 'reports')}`,
      importingButton: 'Importing the reports…',
    },
    previewDocument: PreviewHotSpotReportsImportDocument,
    importDocument: ImportHotSpotReportsDocument,
    forget: ['hotSpotMap', 'hotSpotReports'],
    back: { to: '/intelligence/map', text: 'Back to the hot-spot map' },
    doneTitle: 'Hot-spot reports imported',
    next: [
      { to: '/intelligence/map', text: 'View the hot-spot map' },
      { to: '/intelligence', text: 'Go back to intelligence' },
    ],
  },
};

type Step = 'choose' | 'check' | 'done';

const STEPS = 3;
const TITLES: Record<Exclude<Step, 'done'>, string> = { choose: 'Choose the file', check: 'Check the rows' };

/** Only the police import intelligence; everyone else sees that they have no access. */
export function IntelligenceImportPage({ me, kind }: { me: SessionUserFragment; kind: IntelligenceImportKind }) {
  if (me.role !== 'POLICE') return <AccessDeniedPage />;
  // A new wizard for each kind, so moving between the two pages starts afresh.
  return <ImportWizard key={kind} settings={SETTINGS[kind]} />;
}

function forget(cache: ApolloCache, fields: readonly string[]): void {
  for (const fieldName of fields) cache.evict({ id: 'ROOT_QUERY', fieldName });
  cache.gc();
}

/** A refused import: "Nothing was imported" and why. */
function refusalItems(error: unknown): ErrorItem[] {
  const head = errorMessage(error);
  const problems = fieldProblems(error).filter((p) => p.message !== head);
  if (problems.length === 0) return [{ text: head }];
  return problems.map((p) => ({ text: `${head}. ${p.message}` }));
}

function ExpectedColumns({ columns }: { columns: readonly IntelligenceImportColumn[] }) {
  return (
    <div className="app-table-scroll" role="region" aria-label="Columns of the file" tabIndex={0}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Columns of the file</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Column
            </th>
            <th scope="col" className="govuk-table__header">
              Required
            </th>
            <th scope="col" className="govuk-table__header">
              What it holds
            </th>
            <th scope="col" className="govuk-table__header">
              Example
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {columns.map((c) => (
            <tr key={c.label} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {c.label}
              </th>
              <td className="govuk-table__cell">{c.required ? 'Yes' : 'No'}</td>
              <td className="govuk-table__cell">{c.description}</td>
              <td className="govuk-table__cell">{c.example}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ImportWizard({ settings }: { settings: KindSettings }) {
  const [step, setStep] = useState<Step>('choose');
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [checked, setChecked] = useState<IntelligenceImportPreviewFragment | null>(null);
  const [done, setDone] = useState<IntelligenceImportOutcomeFragment | null>(null);
  const [apiErrors, setApiErrors] = useState<ErrorItem[]>([]);
  const [reading, setReading] = useState(false);
  const [preview, previewing] = useMutation(settings.previewDocument);
  const [save, saving] = useMutation(settings.importDocument, { update: (cache) => forget(cache, settings.forget) });
  const rowProblems = step === 'check' && checked !== null && (checked.errors > 0 || checked.fileErrors.length > 0);
  usePageTitle(step === 'done' ? `${settings.doneTitle} – ${settings.title}` : `${TITLES[step]} – ${settings.title}`, apiErrors.length > 0 || rowProblems);

  function go(next: Step) {
    setApiErrors([]);
    setStep(next);
  }

  async function chosen(file: File) {
    setApiErrors([]);
    setReading(true);
    try {
      const text = await file.text();
      const result = await preview({ variables: { csv: text } });
      const p = result.data?.preview;
      if (!p) throw new Error('The file could not be checked. Try again.');
      setCsv(text);
      setFileName(file.name);
      setChecked(p);
      go('check');
    } catch (error) {
      setApiErrors(apiErrorItems(error, `#${FILE_INPUT_ID}`));
    } finally {
      setReading(false);
    }
  }

  async function recheck() {
    setApiErrors([]);
    try {
      const result = await preview({ variables: { csv } });
      const p = result.data?.preview;
      if (!p) throw new Error('The file could not be checked. Try again.');
      setChecked(p);
    } catch (error) {
      setApiErrors(apiErrorItems(error));
    }
  }

  async function runImport() {
    if (saving.loading) return;
    setApiErrors([]);
    try {
      const result = await save({ variables: { csv } });
      const r = result.data?.result;
      if (!r) throw new Error('The import could not be finished. Try again.');
      setDone(r);
      go('done');
    } catch (error) {
      setApiErrors(refusalItems(error));
    }
  }

  return (
    <>
      {step === 'choose' ? <BackLink to={settings.back.to}>{settings.back.text}</BackLink> : null}
      {step === 'check' ? <StepBack onClick={() => go('choose')}>Choose another file</StepBack> : null}
      {step === 'choose' ? (
        <>
          <StepHeading caption={settings.title} step={1} of={STEPS}>
            Choose the file
          </StepHeading>
          <ChooseCsvFile
            busy={reading || previewing.loading}
            errors={apiErrors}
            onChosen={(f) => void chosen(f)}
            label={settings.fileLabel}
            busyText="Checking the file…"
          >
            <p className="govuk-body">{settings.intro}</p>
            <p className="govuk-body">
              <a href={settings.template} className="govuk-link" download>
                Download the template (CSV)
              </a>{' '}
              with the header row and an example row. The columns can be in any order.
            </p>
            <ExpectedColumns columns={settings.columns} />
          </ChooseCsvFile>
        </>
      ) : null}
      {step === 'check' && checked ? (
        <>
          <StepHeading caption={settings.title} step={2} of={STEPS}>
            Check the rows
          </StepHeading>
          <p className="govuk-body">
            This is what importing <strong>{fileName}</strong> would do. Nothing has been saved yet. Every row is imported or none is.
          </p>
          <CheckRows preview={checked} wording={settings.wording} busy={saving.loading} apiErrors={apiErrors} onImport={() => void runImport()} />
          <div role="status">
            {saving.loading ? <p className="govuk-body">Importing {plural(checked.total, 'row', 'rows')}. Keep this page open until it finishes.</p> : null}
          </div>
          {!isImportable(checked) ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => go('choose')}>
              Choose the file again
            </button>
          ) : null}
          {isImportable(checked) && apiErrors.length > 0 && !saving.loading ? (
            <button type="button" className="govuk-button govuk-button--secondary" disabled={previewing.loading} aria-disabled={previewing.loading} onClick={() => void recheck()}>
              Check the file again
            </button>
          ) : null}
        </>
      ) : null}
      {step === 'done' && done ? (
        <>
          <ImportCompletePanel title={settings.doneTitle} level={1}>
            {done.message}
          </ImportCompletePanel>
          <ul className="govuk-list">
            {settings.next.map((n) => (
              <li key={n.to}>
                <Link to={n.to} className="govuk-link">
                  {n.text}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
