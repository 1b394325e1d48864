import type { ReactNode } from 'react';
import { ErrorSummary } from '../ErrorSummary';
import { Tag } from '../Tag';
import type { ErrorItem } from '../../lib/errors';
import { isImportable, plural, sortRows, type PreviewResult } from './importRows';

/** The words a wizard uses for its rows and their outcomes. */
export interface CheckRowsWording {
  /** Summary-list keys for the CREATE and UPDATE totals, e.g. "New young people". */
  creates: string;
  updates: string;
  /** The header of the column naming each row, e.g. "Reference". */
  reference: string;
  /** Tag text for each outcome, e.g. { CREATE: 'New', UPDATE: 'Update' }. */
  outcomes: { CREATE: string; UPDATE: string; ERROR?: string };
  /** The import button's text for the rows of the file, e.g. "Import 3 young people". */
  importButton: (total: number) => string;
  /** The button's text while the import runs. */
  importingButton?: string;
}

interface Props {
  preview: PreviewResult;
  wording: CheckRowsWording;
  /** While the import runs: the button does nothing. */
  busy: boolean;
  /** Errors from the API when the import was refused. */
  apiErrors: ErrorItem[];
  onImport: () => void;
}

function OutcomeTag({ outcome, labels }: { outcome: string; labels: CheckRowsWording['outcomes'] }): ReactNode {
  if (outcome === 'CREATE') return <Tag colour="green">{labels.CREATE}</Tag>;
  if (outcome === 'UPDATE') return <Tag colour="blue">{labels.UPDATE}</Tag>;
  if (outcome === 'ERROR') return <Tag colour="red">{labels.ERROR ?? 'Error'}</Tag>;
  return outcome;
}

/**
 * The dry run of an import: the totals, then every row (those with errors first) with its outcome
 * and each error naming its column. The import button appears only when no row or file has an error.
 */
export function CheckRows({ preview, wording, busy, apiErrors, onImport }: Props) {
  const rows = sortRows(preview.rows);
  const summary: ErrorItem[] =
    preview.errors > 0
      ? [{ text: `${plural(preview.errors, 'row has errors', 'rows have errors')}. Fix them in the file and choose it again`, href: '#rows-table' }]
      : [...preview.fileErrors.map((text) => ({ text })), ...apiErrors];
  return (
    <>
      <ErrorSummary items={summary} />
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Rows in the file</dt>
          <dd className="govuk-summary-list__value">{preview.total}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{wording.creates}</dt>
          <dd className="govuk-summary-list__value">{preview.creates}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{wording.updates}</dt>
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
                  {wording.reference}
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
                  <td className="govuk-table__cell">
                    <OutcomeTag outcome={r.outcome} labels={wording.outcomes} />
                  </td>
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
      {isImportable(preview) ? (
        <button type="button" className="govuk-button" disabled={busy} aria-disabled={busy} onClick={onImport}>
          {busy && wording.importingButton ? wording.importingButton : wording.importButton(preview.total)}
        </button>
      ) : null}
    </>
  );
}
