import { useState, type ReactNode } from 'react';
import { useMutation } from '@apollo/client/react';
import { Select } from '../../components/fields';
import { AnalysisExportDocument, type AnalyticsFilter, type AnalyticsWidget, type Dimension } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { ChartView } from './ChartView';
import { hasHidden, SUPPRESSED_NOTE, type ChartSpec } from './data';
import { downloadBlob, downloadCsv } from './download';

export type Frame = 'latest' | 'year' | 'all';
export const FRAME_LABELS: Record<Frame, string> = { latest: 'Latest month', year: 'Last 12 months', all: 'Whole range' };

export interface ExportRequest {
  widget: AnalyticsWidget;
  filter: AnalyticsFilter;
  dimension?: Dimension | null;
}

interface Props {
  id: string;
  title: string;
  hint?: ReactNode;
  /** The time frame control, when the widget has one. */
  frame?: { value: Frame; onChange: (frame: Frame) => void };
  /** What is drawn, or null with `empty` saying why nothing is. */
  spec: ChartSpec | null;
  empty?: ReactNode;
  /** What the chart shows, for assistive technology. */
  chartLabel: string;
  onSelect?: (index: number, seriesKey: string) => void;
  /** Shown above the chart (e.g. the latest month against a year before). */
  lead?: ReactNode;
  /** A sentence under the chart (e.g. how to open the young people behind a bar). */
  footnote?: ReactNode;
  table: ReactNode;
  /** The CSV export of what the widget shows. */
  csv: ExportRequest;
  /** The export an image is drawn from, and how its rows become a chart. */
  image: { request: ExportRequest; toSpec: (header: string[], rows: string[][]) => ChartSpec | null; subtitle: string };
}

/**
 * A dashboard widget: its heading, time frame, chart, the same figures as a table, and downloads.
 * Downloads go through the server's export, which applies disclosure control whoever asks.
 */
export function Widget({ id, title, hint, frame, spec, empty, chartLabel, onSelect, lead, footnote, table, csv, image }: Props) {
  const [exportFigures] = useMutation(AnalysisExportDocument);
  const [busy, setBusy] = useState<'csv' | 'png' | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function run(kind: 'csv' | 'png') {
    setBusy(kind);
    setProblem(null);
    setStatus('');
    try {
      const request = kind === 'csv' ? csv : image.request;
      const { data } = await exportFigures({ variables: { widget: request.widget, filter: request.filter, dimension: request.dimension ?? null } });
      if (!data) throw new Error('The export did not arrive: try again');
      const out = data.exportAnalytics;
      if (kind === 'csv') {
        downloadCsv(out.csv, out.filename);
        setStatus(`Downloaded ${out.filename}`);
      } else {
        const imageSpec = image.toSpec(out.header, out.rows);
        if (!imageSpec) throw new Error('There is nothing to draw for these months');
        const { chartPng } = await import('./png');
        const blob = await chartPng(imageSpec, title, image.subtitle);
        const filename = out.filename.replace(/\.csv$/, '.png');
        downloadBlob(blob, filename);
        setStatus(`Downloaded ${filename}`);
      }
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="app-widget" id={id} data-widget={id} aria-labelledby={`${id}-title`}>
      <h2 className="govuk-heading-m" id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {hint ? <p className="govuk-body-s app-widget__hint">{hint}</p> : null}
      {frame ? (
        <Select
          id={`${id}-frame`}
          label="Time frame"
          labelClass="govuk-label--s"
          value={frame.value}
          options={(Object.keys(FRAME_LABELS) as Frame[]).map((f) => ({ value: f, label: FRAME_LABELS[f] }))}
          onChange={(v) => frame.onChange(v as Frame)}
        />
      ) : null}
      {lead}
      {spec ? (
        <>
          <ChartView spec={spec} label={chartLabel} onSelect={onSelect} />
          {hasHidden(spec) ? <p className="govuk-body-s app-widget__note">{SUPPRESSED_NOTE}.</p> : null}
          {footnote ? <p className="govuk-body-s app-widget__note">{footnote}</p> : null}
        </>
      ) : (
        <div className="govuk-inset-text">{empty}</div>
      )}
      <details className="govuk-details app-widget__table">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">
            Show table{' '}<span className="govuk-visually-hidden">of {title.toLowerCase()}</span>
          </span>
        </summary>
        <div className="govuk-details__text">{table}</div>
      </details>
      <div className="govuk-button-group app-widget__actions">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void run('csv')} disabled={busy !== null} aria-disabled={busy !== null}>
          {busy === 'csv' ? 'Preparing CSV…' : 'Download CSV'}
          {' '}<span className="govuk-visually-hidden">of {title.toLowerCase()}</span>
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void run('png')} disabled={busy !== null || !spec} aria-disabled={busy !== null || !spec}>
          {busy === 'png' ? 'Preparing image…' : 'Download PNG'}
          {' '}<span className="govuk-visually-hidden">of {title.toLowerCase()}</span>
        </button>
      </div>
      <p className="govuk-body-s app-widget__status" role="status">
        {status}
      </p>
      {problem ? (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {problem}
        </p>
      ) : null}
    </section>
  );
}
