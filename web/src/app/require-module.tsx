import { Center } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../features/auth";
import { ErrorAlert } from "./error-alert";

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
