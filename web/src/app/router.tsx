import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { Navigate, Route, Routes } from "react-router";
import { LoginPage, useCurrentUser } from "../features/auth";
import { homePathFor } from "./nav-items";
import { NotFoundPage } from "./not-found-page";
import { PageLoader } from "./page-loader";
import { RequireModule, RequireSession } from "./require-session";

// Feature pages load on demand, so the first page (sign-in) stays small on a slow link.
const AgenciesPage = lazy(() => import("../features/agencies").then((m) => ({ default: m.AgenciesPage })));
const UsersPage = lazy(() => import("../features/users").then((m) => ({ default: m.UsersPage })));
const PersonnelPage = lazy(() => import("../features/personnel").then((m) => ({ default: m.PersonnelPage })));
const MeetingImportPage = lazy(() =>
  import("../features/meetings").then((m) => ({ default: m.MeetingImportPage })),
);
const AuditPage = lazy(() => import("../features/audit").then((m) => ({ default: m.AuditPage })));
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
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<HomeRedirect />} />
        <Route path="agencies" element={page(AgenciesPage, "agencies")} />
        <Route path="users" element={page(UsersPage, "users")} />
        <Route path="personnel" element={page(PersonnelPage, "personnel")} />
        <Route path="meetings/import" element={page(MeetingImportPage, "meetings")} />
        <Route path="audit" element={page(AuditPage, "audit")} />
        <Route path="account" element={page(AccountPage)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
