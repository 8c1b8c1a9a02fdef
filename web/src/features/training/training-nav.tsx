import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useCurrentUser } from "../auth";

/** The training module's views: catalogue, calendar, certificates, coverage (each as the user may open it). */
export function TrainingNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useCurrentUser();
  const items = [
    { to: "/training", label: t("trainingPages.catalogue"), id: "training-view-catalogue", show: true },
    {
      to: "/training/calendar",
      label: t("trainingPages.calendar"),
      id: "training-view-calendar",
      show: true,
    },
    {
      to: "/training/certificates",
      label: t("trainingPages.certificates"),
      id: "training-view-certificates",
      show: me.permissions.includes("certificates.read"),
    },
    {
      to: "/training/coverage",
      label: t("trainingPages.coverage"),
      id: "training-view-coverage",
      show: me.modules.includes("trainingCoverage"),
    },
  ];
  return (
    <Group gap="xs">
      {items
        .filter((i) => i.show)
        .map((i) => (
          <Button
            key={i.to}
            component={Link}
            to={i.to}
            size="xs"
            variant={pathname === i.to ? "filled" : "light"}
            data-testid={i.id}
          >
            {i.label}
          </Button>
        ))}
    </Group>
  );
}
