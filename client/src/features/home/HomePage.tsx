import { Link } from 'react-router';
import { areasFor, ROLE_DESCRIPTIONS, ROLE_LABELS } from '@mase/shared';
import { Flash } from '../../components/Flash';
import { Tag } from '../../components/Tag';
import type { SessionUserFragment } from '../../gql/graphql';
import { usePageTitle } from '../../lib/usePageTitle';
import { HomeMeetingsPanel } from '../meetings/HomeMeetingsPanel';
import { HomeReturnsPanel } from '../returns/HomeReturnsPanel';

/** Each role's home page: who you are here, what needs doing about the monthly returns and meetings, and the areas you may use. */
export function HomePage({ me }: { me: SessionUserFragment }) {
  usePageTitle('Home');
  const areas = areasFor(me.role).filter((a) => a.key !== 'home');
  return (
    <>
      <Flash />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{ROLE_LABELS[me.role]}</span>
          <h1 className="govuk-heading-xl">Welcome, {me.name}</h1>
          <p className="govuk-body-l">{ROLE_DESCRIPTIONS[me.role]}</p>
          {me.agency ? <p className="govuk-body">Agency: {me.agency.name}</p> : null}
          <HomeReturnsPanel me={me} />
          <HomeMeetingsPanel me={me} />
        </div>
      </div>

      <h2 className="govuk-heading-m">What you can do</h2>
      {areas.length === 0 ? (
        <p className="govuk-body">There is nothing else for your role yet.</p>
      ) : (
        <ul className="app-cards" aria-label="Areas of MASE Hub">
          {areas.map((area) => (
            <li key={area.key} className="app-card">
              <h3 className="govuk-heading-s app-card__heading">
                <Link className="govuk-link app-card__link" to={area.path}>
                  {area.label}
                </Link>
              </h3>
              <p className="govuk-body-s app-card__summary">{area.summary}</p>
              {area.available ? null : <Tag colour="grey">Not available yet</Tag>}
            </li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m">Your account</h2>
      <p className="govuk-body">
        Signed in as {me.email}.{' '}
        <Link className="govuk-link" to="/account/password">
          Change your password
        </Link>
      </p>
    </>
  );
}
