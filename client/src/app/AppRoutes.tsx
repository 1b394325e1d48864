import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AREAS, type AreaKey } from '@mase/shared';
import { Loading } from '../components/Loading';
import { NotAvailableYet } from '../components/NotAvailableYet';
import { AgenciesPage } from '../features/admin/agencies/AgenciesPage';
import { AgencyPage } from '../features/admin/agencies/AgencyPage';
import { CreateAgencyPage } from '../features/admin/agencies/CreateAgencyPage';
import { AuditLogPage } from '../features/admin/audit/AuditLogPage';
import { BoundariesPage } from '../features/admin/boundaries/BoundariesPage';
import { CreateUserPage } from '../features/admin/users/CreateUserPage';
import { UserPage } from '../features/admin/users/UserPage';
import { UsersPage } from '../features/admin/users/UsersPage';
import { AccountPage } from '../features/account/AccountPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { HomePage } from '../features/home/HomePage';
import { HotSpotReportPage } from '../features/intelligence/forms/HotSpotReportPage';
import { EditPersonOfConcernPage, NewPersonOfConcernPage } from '../features/intelligence/forms/PersonOfConcernForm';
import { EditPlacePage, NewPlacePage } from '../features/intelligence/forms/PlaceForm';
import { PoliceReportPage } from '../features/intelligence/forms/PoliceReportPage';
import { RecordLinkPage } from '../features/intelligence/forms/RecordLinkPage';
import { IntelligencePage } from '../features/intelligence/IntelligencePage';
import { IntelligenceImportPage } from '../features/intelligence/import/IntelligenceImportPage';
import { PeopleOfConcernPage } from '../features/intelligence/people/PeopleOfConcernPage';
import { PersonOfConcernPage } from '../features/intelligence/people/PersonOfConcernPage';
import { PlacePage } from '../features/intelligence/places/PlacePage';
import { PlacesPage } from '../features/intelligence/places/PlacesPage';
import { AssessPage } from '../features/list/AssessPage';
import { ImportPage } from '../features/list/ImportPage';
import { ListPage } from '../features/list/ListPage';
import { RecordYoungPersonPage } from '../features/list/RecordYoungPersonPage';
import { ReviewsDuePage } from '../features/list/ReviewsDuePage';
import { SignOffQueuePage } from '../features/list/SignOffQueuePage';
import { YoungPersonPage } from '../features/list/YoungPersonPage';
import type { SessionUserFragment } from '../gql/graphql';
import { AccessDeniedPage, NotFoundPage } from './pages';

// The map and the network bring Leaflet and sigma: load them only when opened.
const HotSpotMapPage = lazy(() => import('../features/intelligence/HotSpotMapPage').then((m) => ({ default: m.HotSpotMapPage })));
const NetworkPage = lazy(() => import('../features/intelligence/NetworkPage').then((m) => ({ default: m.NetworkPage })));
// The returns pages (and the charts of their totals) load when first opened.
const ReturnsPage = lazy(() => import('../features/returns/ReturnsPage').then((m) => ({ default: m.ReturnsPage })));
const ReturnPeriodPage = lazy(() => import('../features/returns/ReturnPeriodPage').then((m) => ({ default: m.ReturnPeriodPage })));
const ReturnViewPage = lazy(() => import('../features/returns/ReturnViewPage').then((m) => ({ default: m.ReturnViewPage })));
// The analysis pages bring Recharts: load them only when opened.
const AnalysisPage = lazy(() => import('../features/analysis/AnalysisPage').then((m) => ({ default: m.AnalysisPage })));
const TrendsPage = lazy(() => import('../features/analysis/TrendsPage').then((m) => ({ default: m.TrendsPage })));
// The meetings pages load when first opened.
const MeetingsPage = lazy(() => import('../features/meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage })));
const MeetingPage = lazy(() => import('../features/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading what="Loading the page" />}>{children}</Suspense>;
}

interface GuardProps {
  me: SessionUserFragment;
  area: AreaKey;
  children?: ReactNode;
}

/** Shows a page only to the roles its area allows; areas not built yet say so instead. */
function AreaGuard({ me, area: key, children }: GuardProps) {
  const area = AREAS.find((a) => a.key === key);
  if (!area || !area.roles.includes(me.role)) return <AccessDeniedPage />;
  if (!area.available || !children) return <NotAvailableYet area={area} />;
  return <>{children}</>;
}

export function AppRoutes({ me }: { me: SessionUserFragment }) {
  const guard = (area: AreaKey, page?: ReactNode) => (
    <AreaGuard me={me} area={area}>
      {page}
    </AreaGuard>
  );
  return (
    <Routes>
      <Route path="/" element={<HomePage me={me} />} />
      <Route path="/account" element={<AccountPage />} />
      <Route path="/account/password" element={<ChangePasswordPage me={me} />} />
      <Route path="/list" element={guard('list', <ListPage me={me} />)} />
      <Route path="/list/new" element={guard('list', <RecordYoungPersonPage me={me} />)} />
      <Route path="/list/import" element={guard('list', <ImportPage me={me} />)} />
      <Route path="/list/sign-off" element={guard('list', <SignOffQueuePage me={me} />)} />
      <Route path="/list/reviews" element={guard('list', <ReviewsDuePage me={me} />)} />
      <Route path="/list/:id" element={guard('list', <YoungPersonPage me={me} />)} />
      <Route path="/list/:id/assess" element={guard('list', <AssessPage me={me} />)} />
      <Route path="/intelligence" element={guard('intelligence', <IntelligencePage me={me} />)} />
      <Route path="/intelligence/people" element={guard('intelligence', <PeopleOfConcernPage me={me} />)} />
      <Route path="/intelligence/people/new" element={guard('intelligence', <NewPersonOfConcernPage me={me} />)} />
      <Route path="/intelligence/people/:id" element={guard('intelligence', <PersonOfConcernPage me={me} />)} />
      <Route path="/intelligence/people/:id/edit" element={guard('intelligence', <EditPersonOfConcernPage me={me} />)} />
      <Route path="/intelligence/places" element={guard('intelligence', <PlacesPage me={me} />)} />
      <Route path="/intelligence/places/new" element={guard('intelligence', <NewPlacePage me={me} />)} />
      <Route path="/intelligence/places/:id" element={guard('intelligence', <PlacePage me={me} />)} />
      <Route path="/intelligence/places/:id/edit" element={guard('intelligence', <EditPlacePage me={me} />)} />
      <Route path="/intelligence/places/:id/hot-spot-report" element={guard('intelligence', <HotSpotReportPage me={me} />)} />
      <Route path="/intelligence/links/new" element={guard('intelligence', <RecordLinkPage me={me} />)} />
      <Route path="/intelligence/police-report" element={guard('intelligence', <PoliceReportPage me={me} />)} />
      <Route path="/intelligence/import/links" element={guard('intelligence', <IntelligenceImportPage me={me} kind="links" />)} />
      <Route path="/intelligence/import/hot-spot-reports" element={guard('intelligence', <IntelligenceImportPage me={me} kind="hot-spot-reports" />)} />
      <Route
        path="/intelligence/map"
        element={guard(
          'intelligence',
          <Lazy>
            <HotSpotMapPage />
          </Lazy>,
        )}
      />
      <Route
        path="/intelligence/network"
        element={guard(
          'intelligence',
          <Lazy>
            <NetworkPage />
          </Lazy>,
        )}
      />
      <Route
        path="/returns"
        element={guard(
          'returns',
          <Lazy>
            <ReturnsPage me={me} />
          </Lazy>,
        )}
      />
      <Route
        path="/returns/view/:id"
        element={guard(
          'returns',
          <Lazy>
            <ReturnViewPage me={me} />
          </Lazy>,
        )}
      />
      <Route
        path="/returns/:period"
        element={guard(
          'returns',
          <Lazy>
            <ReturnPeriodPage me={me} />
          </Lazy>,
        )}
      />
      <Route
        path="/analysis"
        element={guard(
          'analysis',
          <Lazy>
            <AnalysisPage me={me} />
          </Lazy>,
        )}
      />
      <Route
        path="/analysis/trends"
        element={guard(
          'analysis',
          <Lazy>
            <TrendsPage me={me} />
          </Lazy>,
        )}
      />
      <Route
        path="/meetings"
        element={guard(
          'meetings',
          <Lazy>
            <MeetingsPage me={me} />
          </Lazy>,
        )}
      />
      <Route
        path="/meetings/:id"
        element={guard(
          'meetings',
          <Lazy>
            <MeetingPage me={me} />
          </Lazy>,
        )}
      />
      <Route path="/admin/users" element={guard('users', <UsersPage />)} />
      <Route path="/admin/users/new" element={guard('users', <CreateUserPage />)} />
      <Route path="/admin/users/:id" element={guard('users', <UserPage me={me} />)} />
      <Route path="/admin/agencies" element={guard('agencies', <AgenciesPage />)} />
      <Route path="/admin/agencies/new" element={guard('agencies', <CreateAgencyPage />)} />
      <Route path="/admin/agencies/:id" element={guard('agencies', <AgencyPage />)} />
      <Route path="/admin/boundaries" element={guard('boundaries', <BoundariesPage />)} />
      <Route path="/admin/audit" element={guard('audit', <AuditLogPage />)} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
