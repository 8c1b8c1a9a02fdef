import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { Navigate, Route, Routes } from "react-router";
import { useCurrentUser } from "../features/auth";
import { loadCatalogues } from "./i18n";
import { homePathFor } from "./nav-items";
import { NotFoundPage } from "./not-found-page";
import { PageLoader } from "./page-loader";
import { RequireModule } from "./require-module";
import { RequireSession } from "./require-session";

// The signed-in layout (navigation, notifications) and every feature page load on demand, so the first page
// (sign-in) loads only what it shows: its budget is checked by server/http/web-bundle.test.ts.
const AgenciesPage = lazy(() => import("../features/agencies").then((m) => ({ default: m.AgenciesPage })));
const UsersPage = lazy(() => import("../features/users").then((m) => ({ default: m.UsersPage })));
const PersonnelPage = lazy(() => import("../features/personnel").then((m) => ({ default: m.PersonnelPage })));
const NeedsPage = lazy(() => import("../features/needs").then((m) => ({ default: m.NeedsPage })));
const AskedOfMePage = lazy(() => import("../features/needs").then((m) => ({ default: m.AskedOfMePage })));
const UnmetPage = lazy(() => import("../features/needs").then((m) => ({ default: m.UnmetPage })));
const NeedPage = lazy(() => import("../features/needs").then((m) => ({ default: m.NeedPage })));
const ProblemsPage = lazy(() => import("../features/needs").then((m) => ({ default: m.ProblemsPage })));
const MeetingImportPage = lazy(() =>
  import("../features/meetings").then((m) => ({ default: m.MeetingImportPage })),
);
const MeetingNewPage = lazy(() =>
  import("../features/meetings").then((m) => ({ default: m.MeetingNewPage })),
);
const MeetingsPage = lazy(() => import("../features/meetings").then((m) => ({ default: m.MeetingsPage })));
const MeetingPage = lazy(() => import("../features/meetings").then((m) => ({ default: m.MeetingPage })));
const CommitmentsPage = lazy(() =>
  import("../features/meetings").then((m) => ({ default: m.CommitmentsPage })),
);
const HonoursPage = lazy(() => import("../features/meetings").then((m) => ({ default: m.HonoursPage })));
const AuditPage = lazy(() => import("../features/audit").then((m) => ({ default: m.AuditPage })));
const HomePage = lazy(() => import("../features/home").then((m) => ({ default: m.HomePage })));
const DashboardPage = lazy(() => import("../features/dashboard").then((m) => ({ default: m.DashboardPage })));
const PlansPage = lazy(() => import("../features/plans").then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import("../features/plans").then((m) => ({ default: m.PlanPage })));
const OverviewPage = lazy(() => import("../features/plans").then((m) => ({ default: m.OverviewPage })));
const TasksPage = lazy(() => import("../features/tasks").then((m) => ({ default: m.TasksPage })));
const TaskPage = lazy(() => import("../features/tasks").then((m) => ({ default: m.TaskPage })));
const IncidentsPage = lazy(() => import("../features/incidents").then((m) => ({ default: m.IncidentsPage })));
const SearchPage = lazy(() => import("../features/search").then((m) => ({ default: m.SearchPage })));
const IncidentsMapPage = lazy(() =>
  import("../features/incidents").then((m) => ({ default: m.IncidentsMapPage })),
);
const IncidentPage = lazy(() => import("../features/incidents").then((m) => ({ default: m.IncidentPage })));
const IncidentTypesPage = lazy(() =>
  import("../features/incidents").then((m) => ({ default: m.IncidentTypesPage })),
);
const CommunityInboxPage = lazy(() =>
  import("../features/community").then((m) => ({ default: m.CommunityInboxPage })),
);
const CommunityReportPage = lazy(() =>
  import("../features/community").then((m) => ({ default: m.CommunityReportPage })),
);
const BorderPage = lazy(() => import("../features/border").then((m) => ({ default: m.BorderPage })));
const CoursesPage = lazy(() => import("../features/training").then((m) => ({ default: m.CoursesPage })));
const CoursePage = lazy(() => import("../features/training").then((m) => ({ default: m.CoursePage })));
const CertificatesPage = lazy(() =>
  import("../features/training").then((m) => ({ default: m.CertificatesPage })),
);
const CoveragePage = lazy(() => import("../features/training").then((m) => ({ default: m.CoveragePage })));
const TrainingCalendarPage = lazy(() =>
  import("../features/training").then((m) => ({ default: m.TrainingCalendarPage })),
);
const VerifyPage = lazy(() =>
  Promise.all([import("../features/training"), loadCatalogues()]).then(([m]) => ({ default: m.VerifyPage })),
);
const AccountPage = lazy(() => import("../features/account").then((m) => ({ default: m.AccountPage })));

function page(Page: LazyExoticComponent<ComponentType>, module?: string) {
  const content = (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  );
  return module ? <RequireModule name={module}>{content}</RequireModule> : content;
}

function HomeRedirect() {
  const me = useCurrentUser();
  return <Navigate to={homePathFor(me.modules)} replace />;
}

/** Every page of the app. Module pages show only for modules the server lists for the user. */
export function AppRoutes() {
  return (
    <Routes>
      {/* Public: a certificate's verification, signed out (the QR code on the certificate opens it). */}
      <Route path="/verify" element={page(VerifyPage)} />
      <Route path="/verify/:code" element={page(VerifyPage)} />
      <Route element={<RequireSession />}>
        <Route index element={<HomeRedirect />} />
        <Route path="agencies" element={page(AgenciesPage, "agencies")} />
        <Route path="users" element={page(UsersPage, "users")} />
        <Route path="personnel" element={page(PersonnelPage, "personnel")} />
        <Route path="needs" element={page(NeedsPage, "needs")} />
        <Route path="needs/asked" element={page(AskedOfMePage, "needs")} />
        <Route path="needs/unmet" element={page(UnmetPage, "needs")} />
        <Route path="needs/:id" element={page(NeedPage, "needs")} />
        <Route path="problems" element={page(ProblemsPage, "problems")} />
        <Route path="meetings" element={page(MeetingsPage, "meetings")} />
        <Route path="meetings/import" element={page(MeetingImportPage, "meetingsImport")} />
        <Route path="meetings/new" element={page(MeetingNewPage, "meetings")} />
        <Route path="meetings/:id" element={page(MeetingPage, "meetings")} />
        <Route path="commitments" element={page(CommitmentsPage, "commitments")} />
        <Route path="honours" element={page(HonoursPage, "honours")} />
        <Route path="audit" element={page(AuditPage, "audit")} />
        <Route path="today" element={page(HomePage, "home")} />
        <Route path="dashboard" element={page(DashboardPage, "dashboard")} />
        <Route path="plans" element={page(PlansPage, "plans")} />
        <Route path="plans/overview" element={page(OverviewPage, "plans")} />
        <Route path="plans/:id" element={page(PlanPage, "plans")} />
        <Route path="tasks" element={page(TasksPage, "tasks")} />
        <Route path="tasks/:id" element={page(TaskPage, "tasks")} />
        <Route path="incidents" element={page(IncidentsPage, "incidents")} />
        <Route path="incidents/types" element={page(IncidentTypesPage, "incidentTypes")} />
        <Route path="incidents/map" element={page(IncidentsMapPage, "incidents")} />
        <Route path="incidents/:id" element={page(IncidentPage, "incidents")} />
        <Route path="border" element={page(BorderPage, "border")} />
        <Route path="community" element={page(CommunityInboxPage, "community")} />
        <Route path="community/:id" element={page(CommunityReportPage, "community")} />
        <Route path="training" element={page(CoursesPage, "training")} />
        <Route path="training/courses/:id" element={page(CoursePage, "training")} />
        <Route path="training/calendar" element={page(TrainingCalendarPage, "training")} />
        <Route path="training/certificates" element={page(CertificatesPage, "training")} />
        <Route path="training/coverage" element={page(CoveragePage, "trainingCoverage")} />
        <Route path="search" element={page(SearchPage)} />
        <Route path="account" element={page(AccountPage)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
