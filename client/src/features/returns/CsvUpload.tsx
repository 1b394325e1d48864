import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { AGENCY_KIND_LABELS, type AgencyKind } from '@mase/shared';
import { ChooseCsvFile, FILE_INPUT_ID } from '../../components/import/ChooseCsvFile';
import { apiErrorItems } from '../../components/import/importRows';
import { PreviewReturnCsvDocument, type PreviewReturnCsvMutation } from '../../gql/graphql';
import type { ErrorItem } from '../../lib/errors';
import { periodLabel, plural, templateHref } from './format';
import { ReturnContent } from './ReturnContent';

type Preview = PreviewReturnCsvMutation['previewReturnCsv'];

interface Props {
  agencyId: string;
  kind: AgencyKind;
  period: string;
  /** Fills the form with what the file holds. */
  onUse: (preview: Preview) => void;
  onCancel: () => void;
}

function BackToForm({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="app-link-button govuk-link govuk-body" onClick={onClick}>
      Back to the form
    </button>
  );
}

/** The problems the file has, by line and column. */
function Problems({ problems }: { problems: Preview['problems'] }) {
  return (
    <div className="app-table-scroll app-scroll-contain" role="region" aria-label="Problems in the file" tabIndex={0}>
      <table className="govuk-table app-table--compact">
        <caption className="govuk-table__caption govuk-table__caption--m">Problems in the file, by line</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Line
            </th>
            <th scope="col" className="govuk-table__header">
              Column
            </th>
            <th scope="col" className="govuk-table__header">
              Problem
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {problems.map((p, i) => (
            <tr key={i} className="govuk-table__row">
              <td className="govuk-table__cell govuk-table__cell--numeric">{p.line ?? 'Not in the file'}</td>
              <td className="govuk-table__cell">{p.column}</td>
              <td className="govuk-table__cell">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Reads a return from a CSV file: the API checks it (saving nothing), the person checks it, and it fills the form. */
export function CsvUpload({ agencyId, kind, period, onUse, onCancel }: Props) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [apiErrors, setApiErrors] = useState<ErrorItem[]>([]);
  const [check, { loading }] = useMutation(PreviewReturnCsvDocument);
  const heading = useRef<HTMLHeadingElement>(null);
  const showing = preview !== null && preview.fileErrors.length === 0;
  useEffect(() => {
    heading.current?.focus();
  }, [showing]);

  async function chosen(file: File) {
    setApiErrors([]);
    try {
      const csv = await file.text();
      const result = await check({ variables: { agencyId, period, csv } });
      const p = result.data?.previewReturnCsv ?? null;
      setPreview(p);
      if (p && p.fileErrors.length > 0) setApiErrors(p.fileErrors.map((text) => ({ text, href: `#${FILE_INPUT_ID}` })));
    } catch (error) {
      setPreview(null);
      setApiErrors(apiErrorItems(error, `#${FILE_INPUT_ID}`));
    }
  }

  if (!showing) {
    return (
      <section aria-labelledby="csv-heading">
        <h2 className="govuk-heading-m" id="csv-heading" ref={heading} tabIndex={-1}>
          Upload the return as a CSV file
        </h2>
        <ChooseCsvFile busy={loading} errors={apiErrors} onChosen={(f) => void chosen(f)} label="CSV file of your agency's return" buttonText="Check the file" busyText="Checking the file">
          <p className="govuk-body">
            Fill in the template for your agency: one row for each figure with its number, and a row for each locality, young person, blockage and the outcomes. MASE Hub
            checks the file and shows you what it holds before anything goes into the form. Nothing is saved until you save or submit the form.
          </p>
          <p className="govuk-body">
            <a href={templateHref(kind)} className="govuk-link" download>
              Download the template for your agency ({AGENCY_KIND_LABELS[kind]}, CSV)
            </a>
          </p>
        </ChooseCsvFile>
        <BackToForm onClick={onCancel} />
      </section>
    );
  }

  return (
    <section aria-labelledby="csv-heading">
      <h2 className="govuk-heading-m" id="csv-heading" ref={heading} tabIndex={-1}>
        Check the return from your file
      </h2>
      {preview.problems.length > 0 ? (
        <>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              The file has {plural(preview.problems.length, 'problem', 'problems')}. Fix {preview.problems.length === 1 ? 'it' : 'them'} in the file and choose it again, or use
              what could be read and correct the rest in the form.
            </strong>
          </div>
          <Problems problems={preview.problems} />
        </>
      ) : (
        <p className="govuk-body">The file has no problems. Check what it holds for {periodLabel(period)}, then use it to fill the form.</p>
      )}
      <ReturnContent content={preview.content} level="h3" idPrefix="csv" />
      <p className="govuk-body">Using this replaces everything in the form with what the file holds.</p>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" onClick={() => onUse(preview)}>
          Use this
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            setPreview(null);
            setApiErrors([]);
          }}
        >
          Choose another file
        </button>
        <BackToForm onClick={onCancel} />
      </div>
    </section>
  );
}
