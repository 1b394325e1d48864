import { Link } from 'react-router';
import { Flash } from '../../components/Flash';
import type { SessionUserFragment } from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { ButtonLink, canRecordIntelligence } from './forms/common';

/** The intelligence area's landing page; the police also find their record buttons here. */
export function IntelligencePage({ me }: { me: SessionUserFragment }) {
  usePageTitle('Intelligence');
  return (
    <>
      <Flash />
      <h1 className="govuk-heading-xl">Intelligence</h1>
      <p className="govuk-body-l">Police intelligence on places and people linked to child sexual exploitation in the borough.</p>
      {canRecordIntelligence(me.role) ? (
        <section aria-labelledby="record-heading">
          <h2 className="govuk-heading-m" id="record-heading">
            Record intelligence
          </h2>
          <p className="govuk-body">Record links and hot-spot reports from the page of the person of concern or place they are about.</p>
          <div className="govuk-button-group">
            <ButtonLink to="/intelligence/police-report">Record the police monthly report</ButtonLink>
            <ButtonLink to="/intelligence/people/new">Add a person of concern</ButtonLink>
            <ButtonLink to="/intelligence/places/new">Add a place</ButtonLink>
          </div>
          <p className="govuk-body">
            Or import a month’s intelligence from a spreadsheet:{' '}
            <Link className="govuk-link" to="/intelligence/import/links">
              import links (CSV)
            </Link>{' '}
            or{' '}
            <Link className="govuk-link" to="/intelligence/import/hot-spot-reports">
              import hot-spot reports (CSV)
            </Link>
            . Every row is checked before anything is saved.
          </p>
        </section>
      ) : null}
      <ul className="app-cards" aria-label="Intelligence pages">
        <li className="app-card">
          <h2 className="govuk-heading-s app-card__heading">
            <Link className="govuk-link app-card__link" to="/intelligence/map">
              Hot-spot map
            </Link>
          </h2>
          <p className="govuk-body-s app-card__summary">Incidents and sightings by ward and location over a range of months, with new and persistent hot spots.</p>
        </li>
        <li className="app-card">
          <h2 className="govuk-heading-s app-card__heading">
            <Link className="govuk-link app-card__link" to="/intelligence/network">
              Network
            </Link>
          </h2>
          <p className="govuk-body-s app-card__summary">
            Links between young people, people of concern and locations; the most central people and groups that may need a complex strategy
            meeting.
          </p>
        </li>
        <li className="app-card">
          <h2 className="govuk-heading-s app-card__heading">
            <Link className="govuk-link app-card__link" to="/intelligence/people">
              People of concern
            </Link>
          </h2>
          <p className="govuk-body-s app-card__summary">Search people of concern by name, alias, vehicle or phone; see their disruptions and links.</p>
        </li>
        <li className="app-card">
          <h2 className="govuk-heading-s app-card__heading">
            <Link className="govuk-link app-card__link" to="/intelligence/places">
              Places
            </Link>
          </h2>
          <p className="govuk-body-s app-card__summary">Locations of concern with their ward, hot-spot reports for the last 12 months and links.</p>
        </li>
      </ul>
    </>
  );
}
