import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { DataTable } from '../../../components/DataTable';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Select, TextInput } from '../../../components/fields';
import { QueryError } from '../../../components/QueryError';
import { BoundariesDocument, ImportBoundariesDocument, type BoundaryKind } from '../../../gql/graphql';
import { formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../../lib/errors';
import { usePageTitle } from '../../../lib/usePageTitle';

/** The request limit of the API; larger files go through the command-line import. */
const MAX_BYTES = 5_000_000;
const FIELD_IDS = { geojson: 'file', kind: 'kind', codeProperty: 'codeProperty', nameProperty: 'nameProperty', attribution: 'attribution', source: 'file' };

/** Admin: import ward or borough boundaries from a GeoJSON file, and see what is held. */
export function BoundariesPage() {
  const { data, error, loading } = useQuery(BoundariesDocument);
  const [importBoundaries, { loading: importing }] = useMutation(ImportBoundariesDocument, { refetchQueries: [BoundariesDocument] });
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<BoundaryKind>('WARD');
  const [codeProperty, setCodeProperty] = useState('');
  const [nameProperty, setNameProperty] = useState('');
  const [attribution, setAttribution] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState<string | null>(null);
  usePageTitle('Boundaries', hasErrors(errors));

  function choose(event: ChangeEvent<HTMLInputElement>) {
    setFile(event.target.files?.[0] ?? null);
    setDone(null);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const problem = !file
      ? 'Choose a GeoJSON file'
      : file.size > MAX_BYTES
        ? 'The file is larger than 5 MB: import it with the command-line tool instead'
        : null;
    if (problem) {
      setErrors({ summary: [{ text: problem, href: '#file' }], fields: { file: problem } });
      return;
    }
    setErrors(NO_ERRORS);
    try {
      const geojson = await file!.text();
      const result = await importBoundaries({
        variables: {
          input: {
            geojson,
            kind,
            source: file!.name,
            codeProperty: codeProperty.trim() || null,
            nameProperty: nameProperty.trim() || null,
            attribution: attribution.trim() || null,
          },
        },
      });
      const r = result.data?.importBoundaries;
      setDone(r ? `Imported ${file!.name}: ${r.imported} new, ${r.replaced} replaced.` : 'Imported.');
    } catch (err) {
      setErrors(formErrorsFrom(err, FIELD_IDS));
    }
  }

  const rows = data?.boundaries ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <ErrorSummary items={errors.summary} />
        {done ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="boundaries-done">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="boundaries-done">
                Success
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">{done}</p>
            </div>
          </div>
        ) : null}
        <h1 className="govuk-heading-l">Boundaries</h1>
        <p className="govuk-body">
          Ward and borough boundaries draw the hot-spot map and place every location in its ward. Import them from a GeoJSON
          FeatureCollection in longitude/latitude (WGS84), such as the ONS ward files. A file with any invalid feature is refused
          whole, with each problem named; importing a code that is already held replaces it.
        </p>
        <form noValidate onSubmit={(e) => void submit(e)} className="govuk-!-margin-bottom-8">
          <div className={`govuk-form-group${errors.fields.file ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="file">
              GeoJSON file
            </label>
            <div id="file-hint" className="govuk-hint">
              Up to 5 MB here; larger files with the command-line import (see the README).
            </div>
            {errors.fields.file ? (
              <p id="file-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {errors.fields.file}
              </p>
            ) : null}
            <input
              className={`govuk-file-upload${errors.fields.file ? ' govuk-file-upload--error' : ''}`}
              id="file"
              name="file"
              type="file"
              accept=".json,.geojson,application/geo+json,application/json"
              aria-describedby={`file-hint${errors.fields.file ? ' file-error' : ''}`}
              onChange={choose}
            />
          </div>
          <Select
            id="kind"
            label="What the file holds"
            value={kind}
            options={[
              { value: 'WARD', label: 'Wards' },
              { value: 'BOROUGH', label: 'Boroughs' },
            ]}
            onChange={(v) => setKind(v as BoundaryKind)}
            error={errors.fields.kind}
          />
          <TextInput
            id="codeProperty"
            label="Property holding the code (optional)"
            hint="Leave empty for ONS names such as WD23CD or LAD21CD"
            value={codeProperty}
            onChange={setCodeProperty}
            error={errors.fields.codeProperty}
            widthClass="govuk-input--width-20"
          />
          <TextInput
            id="nameProperty"
            label="Property holding the name (optional)"
            hint="Leave empty for ONS names such as WD23NM"
            value={nameProperty}
            onChange={setNameProperty}
            error={errors.fields.nameProperty}
            widthClass="govuk-input--width-20"
          />
          <TextInput
            id="attribution"
            label="Attribution to show with the map"
            hint="The licence statement that comes with the data, for example the Ordnance Survey copyright line"
            value={attribution}
            onChange={setAttribution}
            error={errors.fields.attribution}
          />
          <button type="submit" className="govuk-button" disabled={importing} aria-disabled={importing}>
            {importing ? 'Importing…' : 'Import boundaries'}
          </button>
        </form>

        <h2 className="govuk-heading-m">Boundaries held</h2>
        {error ? <QueryError error={error} /> : null}
        {loading && !data ? <p className="govuk-body">Loading…</p> : null}
        {data && rows.length === 0 ? <p className="govuk-body">No boundaries are imported yet. Import a ward file above.</p> : null}
        {rows.length > 0 ? (
          <DataTable
            caption={`${rows.length} boundaries`}
            rows={rows}
            rowKey={(b) => b.id}
            columns={[
              { header: 'Kind', cell: (b) => (b.kind === 'WARD' ? 'Ward' : 'Borough') },
              { header: 'Code', cell: (b) => b.code },
              { header: 'Name', cell: (b) => b.name },
              { header: 'Source', cell: (b) => b.source },
              { header: 'Attribution', cell: (b) => b.attribution ?? 'None' },
            ]}
          />
        ) : null}
      </div>
    </div>
  );
}
