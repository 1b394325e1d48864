import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Checkbox, TextInput } from '../../components/fields';
import { QueryError } from '../../components/QueryError';
import { AnalysisDeleteViewDocument, AnalysisSavedViewsDocument, AnalysisSaveViewDocument, type AnalysisSavedViewFragment } from '../../gql/graphql';
import { formErrors, formErrorsFrom, hasErrors, NO_ERRORS, type FormErrors } from '../../lib/errors';
import { formatDay } from '../list/common';
import { describeFilters, filtersFromView, toAnalyticsFilter, writeFilters, type DashboardFilters } from './filters';

interface Props {
  filters: DashboardFilters;
  personFilters: boolean;
  /** The page the views open on (the profile or the trends). */
  path: string;
}

/** Name the dashboard's filters and keep them; reopen my views and those others share; delete mine. */
export function SavedViews({ filters, personFilters, path }: Props) {
  const views = useQuery(AnalysisSavedViewsDocument, { fetchPolicy: 'cache-and-network' });
  const [saveView, saving] = useMutation(AnalysisSaveViewDocument, { refetchQueries: [AnalysisSavedViewsDocument], awaitRefetchQueries: true });
  const [deleteView] = useMutation(AnalysisDeleteViewDocument, { refetchQueries: [AnalysisSavedViewsDocument], awaitRefetchQueries: true });
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState('');
  const [deleteProblem, setDeleteProblem] = useState<unknown>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    const problems = formErrors([{ id: 'view-name', message: name.trim() ? (name.trim().length > 100 ? 'The name must be 100 characters or fewer' : null) : 'Enter a name for the view' }]);
    setErrors(problems);
    if (hasErrors(problems)) return;
    try {
      await saveView({ variables: { input: { name: name.trim(), shared, filter: toAnalyticsFilter(filters, personFilters) } } });
      setStatus(`Saved the view “${name.trim()}”${shared ? ', shared with everyone who uses the dashboard' : ''}.`);
      setName('');
      setShared(false);
    } catch (error) {
      setErrors(formErrorsFrom(error, { name: 'view-name', filter: 'filter-from' }));
    }
  }

  async function remove(view: AnalysisSavedViewFragment) {
    setDeleteProblem(null);
    try {
      await deleteView({ variables: { id: view.id } });
      setStatus(`Deleted the view “${view.name}”.`);
    } catch (error) {
      setDeleteProblem(error);
    }
  }

  const list = views.data?.savedViews ?? [];
  const mine = list.filter((v) => v.mine);
  const others = list.filter((v) => !v.mine);
  const open = (v: AnalysisSavedViewFragment) => `${path}?${writeFilters(filtersFromView(v.filter)).toString()}`;

  const table = (rows: AnalysisSavedViewFragment[], caption: string, own: boolean) => (
    <table className="govuk-table app-table--compact">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            View
          </th>
          <th scope="col" className="govuk-table__header">
            Filters
          </th>
          <th scope="col" className="govuk-table__header">
            {own ? 'Shared' : 'Made by'}
          </th>
          {own ? (
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((v) => (
          <tr key={v.id} className="govuk-table__row">
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={open(v)}>
                {v.name}
              </Link>
              <br />
              <span className="govuk-body-s">Saved {formatDay(v.updatedAt.slice(0, 10))}</span>
            </td>
            <td className="govuk-table__cell">{describeFilters(filtersFromView(v.filter), personFilters)}</td>
            <td className="govuk-table__cell">{own ? (v.shared ? 'Yes' : 'No') : v.ownerName}</td>
            {own ? (
              <td className="govuk-table__cell">
                <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => void remove(v)}>
                  Delete{' '}<span className="govuk-visually-hidden">the view {v.name}</span>
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section className="app-saved-views" aria-labelledby="saved-views-title">
      <h2 className="govuk-heading-m" id="saved-views-title">
        Saved views
      </h2>
      {views.error && !views.data ? <QueryError error={views.error} onRetry={() => void views.refetch().catch(() => undefined)} /> : null}
      {deleteProblem ? <QueryError error={deleteProblem} /> : null}
      {list.length === 0 && views.data ? (
        <p className="govuk-body">You have no saved views yet, and nobody has shared one. Set the filters above, name them below and save them to come back to them.</p>
      ) : null}
      {mine.length ? table(mine, 'My views', true) : null}
      {others.length ? table(others, 'Shared by others', false) : null}
      <form noValidate onSubmit={(e) => void save(e)} aria-label="Save these filters as a view">
        {hasErrors(errors) ? <ErrorSummary items={errors.summary} /> : null}
        <TextInput
          id="view-name"
          label="Name these filters to save them"
          hint="Saving a name you have used before replaces that view."
          value={name}
          error={errors.fields['view-name']}
          onChange={setName}
          widthClass="govuk-input--width-30"
        />
        <Checkbox id="view-shared" label="Share this view with everyone who uses the dashboard" checked={shared} onChange={setShared} />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={saving.loading} aria-disabled={saving.loading}>
          Save view
        </button>
      </form>
      <p className="govuk-body" role="status">
        {status}
      </p>
    </section>
  );
}
