import { Container } from "@mantine/core";
import { lazy, Suspense, useEffect } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { useMe } from "../features/auth";
import { ErrorAlert } from "./error-alert";
import { PageErrorBoundary } from "./error-boundary";
import { applyLanguage, currentLanguage, loadCatalogues } from "./i18n";
import { PageLoader } from "./page-loader";

export const SETUP_PATH = "/account";

// The layout loads once the session is known: a signed-out visitor following a link goes to the sign-in page
// without downloading it.
const AppLayout = lazy(() =>
  Promise.all([import("./app-layout"), loadCatalogues()]).then(([m]) => ({ default: m.AppLayout })),
);

/** The sign-in page is its own small page (web/signin, served at /login), opened with where to come back to. */
function SignInRedirect({ from }: { from: string }) {
  useEffect(() => {
    window.location.replace(from === "/" ? "/login" : `/login?from=${encodeURIComponent(from)}`);
  }, [from]);
  return <PageLoader />;
}

/**
 * Renders the signed-in app, or sends the visitor to sign in. A user who must first change their password
 * or turn on two-step verification is kept on the account page: every other API answers 403 until then.
 */
export function RequireSession() {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();

  useEffect(() => {
    if (me && me.language !== currentLanguage()) void applyLanguage(me.language);
  }, [me]);

  if (isPending) return <PageLoader />;
  if (me === undefined) {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={error ?? undefined} onRetry={() => void refetch()} />
      </Container>
    );
  }
  if (!me) return <SignInRedirect from={location.pathname + location.search} />;
  const mustSetUp = me.mustChangePassword || me.mustEnrollTotp;
  if (mustSetUp && location.pathname !== SETUP_PATH) return <Navigate to={SETUP_PATH} replace />;
  return (
    <Suspense fallback={<PageLoader />}>
      <AppLayout>
        <PageErrorBoundary key={location.pathname}>
          <Outlet />
        </PageErrorBoundary>
      </AppLayout>
    </Suspense>
  );
}
