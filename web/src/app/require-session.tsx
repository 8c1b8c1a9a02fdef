import { Center, Container } from "@mantine/core";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { useCurrentUser, useMe } from "../features/auth";
import { AppLayout } from "./app-layout";
import { ErrorAlert } from "./error-alert";
import { PageErrorBoundary } from "./error-boundary";
import { applyLanguage, currentLanguage } from "./i18n";
import { PageLoader } from "./page-loader";

export const SETUP_PATH = "/account";

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
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  const mustSetUp = me.mustChangePassword || me.mustEnrollTotp;
  if (mustSetUp && location.pathname !== SETUP_PATH) return <Navigate to={SETUP_PATH} replace />;
  return (
    <AppLayout>
      <PageErrorBoundary key={location.pathname}>
        <Outlet />
      </PageErrorBoundary>
    </AppLayout>
  );
}

/** A module's page, shown only when the server lists the module for this user. */
export function RequireModule({ name, children }: { name: string; children: ReactNode }) {
  const me = useCurrentUser();
  const { t } = useTranslation();
  if (!me.modules.includes(name)) {
    return (
      <Center mih={200}>
        <ErrorAlert message={t("app.moduleUnavailable")} />
      </Center>
    );
  }
  return children;
}
