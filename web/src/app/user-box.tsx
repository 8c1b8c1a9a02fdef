import { Button, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser, useLogout } from "../features/auth";
import { currentLanguage } from "./i18n";

/** The signed-in user's name and agency (a link to their account) and the sign-out button. */
export function UserBox() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  const isArabic = currentLanguage() === "ar";

  const onLogout = () => logout.mutate();

  return (
    <Group gap="sm" wrap="nowrap" miw={0}>
      <UnstyledButton component={Link} to="/account" miw={0}>
        <Stack gap={0} miw={0}>
          <Text
            size="sm"
            fw={700}
            lh={1.3}
            truncate="end"
            maw={{ base: 96, sm: 240 }}
            data-testid="current-user"
          >
            <bdi>{isArabic ? me.displayNameAr : me.displayNameEn}</bdi>
          </Text>
          <Text size="xs" c="dimmed" lh={1.3} truncate="end" maw={240} visibleFrom="sm">
            <bdi>{isArabic ? me.agencyNameAr : me.agencyNameEn}</bdi>
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
