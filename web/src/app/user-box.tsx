import { Avatar, Button, Group, Menu, Stack, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser, useLogout } from "../features/auth";
import { currentLanguage } from "./i18n";
import { usePhone } from "./use-phone";

/**
 * The signed-in user's name and agency (a link to their account) and the sign-out button. On a phone the header
 * has no room for them: a round button with the name's first letter opens a menu with the name, the agency, the
 * account and the sign-out.
 */
export function UserBox() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  const phone = usePhone();
  const isArabic = currentLanguage() === "ar";
  const name = isArabic ? me.displayNameAr : me.displayNameEn;
  const agency = isArabic ? me.agencyNameAr : me.agencyNameEn;

  const onLogout = () => logout.mutate();

  if (phone) {
    return (
      <Menu position="bottom-end" width={240} withinPortal>
        <Menu.Target>
          <UnstyledButton flex="none" aria-label={t("nav.userMenu", { name })} data-testid="current-user">
            <Avatar size={34} radius="xl" color="tansiq" variant="filled" aria-hidden="true">
              {Array.from(name.trim())[0] ?? ""}
            </Avatar>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Stack gap={0} px="sm" py={6}>
            <Text size="sm" fw={700} data-testid="user-menu-name">
              <bdi>{name}</bdi>
            </Text>
            <Text size="xs" c="dimmed">
              <bdi>{agency}</bdi>
            </Text>
          </Stack>
          <Menu.Divider />
          <Menu.Item component={Link} to="/account">
            {t("nav.account")}
          </Menu.Item>
          <Menu.Item onClick={onLogout} disabled={logout.isPending} data-testid="logout">
            {t("nav.logout")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    );
  }

  return (
    <Group gap="sm" wrap="nowrap" miw={0}>
      <UnstyledButton component={Link} to="/account" miw={0}>
        <Stack gap={0} miw={0}>
          <Text size="sm" fw={700} lh={1.3} truncate="end" maw={240} data-testid="current-user">
            <bdi>{name}</bdi>
          </Text>
          <Text size="xs" c="dimmed" lh={1.3} truncate="end" maw={240}>
            <bdi>{agency}</bdi>
          </Text>
        </Stack>
      </UnstyledButton>
      <Button
        variant="light"
        color="gray"
        size="xs"
        flex="none"
        onClick={onLogout}
        loading={logout.isPending}
        data-testid="logout"
      >
        {t("nav.logout")}
      </Button>
    </Group>
  );
}
