import { Link } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle';

/** The intelligence area's landing page. */
export function IntelligencePage() {
  usePageTitle('Intelligence');
  return (
    <>
      <h1 className="govuk-heading-xl">Intelligence</h1>
      <p className="govuk-body-l">Police intelligence on places and people linked to child sexual exploitation in the borough.</p>
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
