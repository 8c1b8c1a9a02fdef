import { Alert, Divider, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { currentLanguage } from "../../app/i18n";
import { homePathFor } from "../../app/nav-items";
import { PageHeader } from "../../app/page-header";
import { useCurrentUser } from "../auth";
import { ChangePasswordSection } from "./change-password-section";
import { PreferencesSection } from "./preferences-section";
import { TwoStepSection } from "./two-step-section";

function Profile() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isArabic = currentLanguage() === "ar";
  const rows: [string, string][] = [
    [t("fields.username"), me.username],
    [t("fields.role"), t(`enums.role.${me.role}`)],
    [t("fields.agencyId"), isArabic ? me.agencyNameAr : me.agencyNameEn],
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={500}>
            <bdi>{value}</bdi>
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const mustSetUp = me.mustChangePassword || me.mustEnrollTotp;
  const wasSettingUp = useRef(mustSetUp);

  // Once the last required step is done, go on to the app.
  useEffect(() => {
    if (wasSettingUp.current && !mustSetUp) void navigate(homePathFor(me.modules), { replace: true });
    wasSettingUp.current = mustSetUp;
  }, [mustSetUp, me.modules, navigate]);

  const sections = [
    <ChangePasswordSection key="password" />,
    <TwoStepSection key="totp" />,
    <PreferencesSection key="prefs" />,
  ];
  // The step the server asks for comes first.
  if (me.mustEnrollTotp && !me.mustChangePassword) sections.unshift(...sections.splice(1, 1));

  return (
    <Stack gap="md" maw={900}>
      <PageHeader title={t("account.title")} />
      {me.mustChangePassword ? (
        <Alert color="orange" data-testid="must-change-password">
          {t("account.mustChangePassword")}
        </Alert>
      ) : null}
      {me.mustEnrollTotp ? (
        <Alert color="orange" data-testid="must-enroll-totp">
          {t("account.mustEnrollTotp")}
        </Alert>
      ) : null}
      <Paper withBorder p="md">
        <Profile />
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="lg">
          {sections.flatMap((section, i) => (i === 0 ? [section] : [<Divider key={`d${i}`} />, section]))}
        </Stack>
      </Paper>
    </Stack>
  );
}
