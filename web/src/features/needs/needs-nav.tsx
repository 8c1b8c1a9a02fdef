import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";

/** The register's views: the register, what is asked of my agency, unmet needs (chart). */
export function NeedsNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = [
    { to: "/needs", label: t("needs.register"), id: "needs-view-register" },
    { to: "/needs/asked", label: t("needs.askedOfMe"), id: "needs-view-asked" },
    { to: "/needs/unmet", label: t("needs.unmet"), id: "needs-view-unmet" },
  ];
  return (
    <Group gap="xs">
      {items.map((i) => (
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
