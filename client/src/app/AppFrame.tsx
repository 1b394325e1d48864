import { useEffect, useRef, useState, type MouseEvent, type ReactNode, type RefObject } from 'react';
import { Link, useLocation } from 'react-router';
import { areasFor, ROLE_LABELS } from '@mase/shared';
import { ErrorSummary } from '../components/ErrorSummary';
import { SignOutButton } from '../features/auth/SignOutButton';
import type { SessionUserFragment } from '../gql/graphql';

interface Props {
  me?: SessionUserFragment;
  /** Show the main navigation (not while the user must change their password first). */
  navigation?: boolean;
  onSignedOut?: () => void;
  children: ReactNode;
}

function isCurrent(path: string, pathname: string): 'page' | 'true' | undefined {
  if (pathname === path) return 'page';
  if (path !== '/' && pathname.startsWith(`${path}/`)) return 'true';
  return undefined;
}

function MainNavigation({ me }: { me: SessionUserFragment }) {
  const { pathname } = useLocation();
  return (
    <div className="govuk-service-navigation app-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label="Main" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list" id="navigation">
              {areasFor(me.role).map((area) => {
                const current = isCurrent(area.path, pathname);
                return (
                  <li key={area.key} className={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
                    <Link className="govuk-service-navigation__link" to={area.path} aria-current={current}>
                      {current ? <strong className="govuk-service-navigation__active-fallback">{area.label}</strong> : area.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}

/** Moves focus to the page's heading after an in-app navigation, so screen readers announce the new page. */
function useFocusOnNavigate(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const el = main.current;
    if (!el) return;
    const heading = el.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    } else {
      el.focus();
    }
  }, [pathname, main]);
}

function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  const main = document.getElementById('main-content');
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

/** The page around every screen: skip link, protective marking, header, navigation, footer. */
/** Pages whose tables need more than the usual reading width. */
const WIDE_PAGES = /^\/admin\/audit(\/|$)/;

export function AppFrame({ me, navigation = true, onSignedOut, children }: Props) {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const wide = Boolean(me) && WIDE_PAGES.test(pathname);
  const [signOutProblem, setSignOutProblem] = useState<string | null>(null);
  useFocusOnNavigate(main);
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="app-masthead">
        <div className="app-protective-marking" data-testid="protective-marking">
          OFFICIAL-SENSITIVE
        </div>
        <div className="govuk-generic-header app-header">
          <div className="govuk-generic-header__container govuk-width-container app-header__container">
            <div className="govuk-generic-header__logo">
              <Link to="/" className="govuk-generic-header__homepage-link">
                MASE Hub
              </Link>
            </div>
            {me ? (
              <div className="app-header__account">
                <p className="app-header__user">
                  <span className="govuk-visually-hidden">Signed in as </span>
                  <span className="app-header__name">{me.name}</span>
                  <span className="govuk-visually-hidden">, </span>
                  <span className="app-header__role">{ROLE_LABELS[me.role]}</span>
                </p>
                {navigation ? (
                  <Link className="govuk-link govuk-link--inverse" to="/account">
                    Your account
                  </Link>
                ) : null}
                <SignOutButton onSignedOut={onSignedOut} onFailed={setSignOutProblem} />
              </div>
            ) : null}
          </div>
        </div>
      </header>
      {me && navigation ? <MainNavigation me={me} /> : null}
      <div className={`govuk-width-container${wide ? ' app-width-container--wide' : ''}`}>
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1} ref={main}>
          {signOutProblem ? (
            <ErrorSummary
              title="You have not been signed out"
              items={[{ text: `${signOutProblem} Try signing out again, or close every window of this browser.` }]}
            />
          ) : null}
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                MASE Hub supports the Multi-Agency Sexual Exploitation panel. Share what you see here only with people who need it for
                their work with the panel.
              </p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
