import { AppShell, Box, Burger, Group, NavLink, ScrollArea, Text } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useCurrentUser } from "../features/auth";
import { NotificationBell } from "../features/notifications";
import { SearchBox } from "../features/search";
import { DemoBanner } from "./demo-banner";
import { LanguageSwitch } from "./language-switch";
import { navItemsFor } from "./nav-items";
import { UserBox } from "./user-box";

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  // One search box: in the header on a wide screen, at the top of the menu on a narrow one.
  const wide = useMediaQuery("(min-width: 62em)", true);
  const items = navItemsFor(me.modules);
  const matches = (path: string) => location.pathname === path || location.pathname.startsWith(`${path}/`);
  // The most specific item is the active one (/meetings/import, not also /meetings).
  const activePath = items
    .map((item) => item.path)
    .filter(matches)
    .sort((a, b) => b.length - a.length)[0];
  const isActive = (path: string) => (path === "/account" ? matches(path) : path === activePath);

  return (
    <AppShell
      header={{ height: me.demoMode ? 92 : 60 }}
      navbar={{ width: 230, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        {me.demoMode ? <DemoBanner /> : null}
        <Group h={60} px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" flex="none">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("app.openNavigation")}
            />
            <Text component={Link} to="/" fw={700} size="lg" c="tansiq.8">
              {t("app.name")}
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t("app.tagline")}
            </Text>
          </Group>
          {wide ? (
            <Box flex="1" maw={360} mx="md">
              <SearchBox />
            </Box>
          ) : null}
          <Group gap="xs" wrap="nowrap" miw={0}>
            <NotificationBell />
            <LanguageSwitch />
            <UserBox />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t("nav.main")}>
        {wide ? null : (
          <AppShell.Section mb="xs">
            <SearchBox onDone={close} />
          </AppShell.Section>
        )}
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => (
            <NavLink
              key={item.path}
              component={Link}
              to={item.path}
              label={t(item.label)}
              active={isActive(item.path)}
              onClick={close}
              data-testid={`nav-${item.id ?? item.module}`}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <NavLink
            component={Link}
            to="/account"
            label={t("nav.account")}
            active={isActive("/account")}
            onClick={close}
          />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
