import { Alert, Button, Container, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { formatDate } from "../../../../common/dates";
import type { PublicVerification } from "../../../../common/schemas/training";
import { api, ApiError } from "../../app/api-client";
import { currentLanguage } from "../../app/i18n";
import { LanguageSwitch } from "../../app/language-switch";

/**
 * The public page a certificate's QR code opens (no sign-in): the code typed or scanned, and the five fields the
 * server answers with: name, course, dates, result and whether it is still valid.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const { code = "" } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  const language = currentLanguage();
  const result = useQuery({
    queryKey: ["verify", code, language],
    queryFn: () =>
      api
        .get<{ data: PublicVerification }>(`/api/public/verify/${encodeURIComponent(code)}`)
        .then((r) => r.data),
    enabled: code !== "",
    retry: false,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim()) void navigate(`/verify/${encodeURIComponent(typed.trim())}`);
  };
  const day = (value: string) => formatDate(value, { language, calendar: "gregorian", numerals: "latn" });
  const notFound = result.error instanceof ApiError && result.error.status === 404;
  return (
    <Container size="sm" py="xl">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2}>{t("verify.title")}</Title>
          <LanguageSwitch />
        </Group>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t("verify.code")}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              dir="ltr"
              style={{ flexGrow: 1 }}
              data-testid="verify-code"
            />
            <Button type="submit" data-testid="verify-submit">
              {t("verify.check")}
            </Button>
          </Group>
        </form>
        {result.data ? (
          <Paper withBorder p="md" data-testid="verify-result">
            <Alert color={result.data.valid ? "green" : "red"} mb="sm" data-testid="verify-validity">
              {result.data.valid ? t("verify.valid") : t("verify.notValid")}
            </Alert>
            <Stack gap={4}>
              <Text>
                <b>{t("verify.name")}: </b>
                <bdi data-testid="verify-name">{result.data.name}</bdi>
              </Text>
              <Text>
                <b>{t("verify.course")}: </b>
                <bdi data-testid="verify-course">{result.data.course}</bdi>
              </Text>
              <Text>
                <b>{t("verify.dates")}: </b>
                <bdi>
                  {t("verify.range", { from: day(result.data.dates.from), to: day(result.data.dates.to) })}
                </bdi>
              </Text>
              <Text>
                <b>{t("verify.result")}: </b>
                {t(`enums.trainingOutcome.${result.data.result}`)}
              </Text>
            </Stack>
          </Paper>
        ) : null}
        {notFound ? (
          <Alert color="red" data-testid="verify-not-found">
            {t("verify.notFound")}
          </Alert>
        ) : null}
        {result.error && !notFound ? (
          <Alert color="orange">
            {result.error instanceof ApiError ? result.error.message : t("errors.internal")}
          </Alert>
        ) : null}
      </Stack>
    </Container>
  );
}
