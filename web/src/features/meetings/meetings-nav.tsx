import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useCurrentUser } from "../auth";

/** The meetings views: the list, the commitments follow-up, the honours register, and (for recorders) import. */
export function MeetingsNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useCurrentUser();
  const items = [
    { to: "/meetings", label: t("meetings.title"), id: "meetings-view-list", show: true },
    {
      to: "/commitments",
      label: t("meetings.commitmentsTitle"),
      id: "meetings-view-followup",
      show: me.modules.includes("commitments"),
    },
    {
      to: "/honours",
      label: t("meetings.honoursTitle"),
      id: "meetings-view-honours",
      show: me.modules.includes("honours"),
    },
    {
      to: "/meetings/import",
      label: t("nav.meetingsImport"),
      id: "meetings-view-import",
      show: me.modules.includes("meetingsImport"),
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
