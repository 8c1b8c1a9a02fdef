import {
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { toWesternDigits } from "../../../../common/arabic";
import type { Language } from "../../../../common/enums";
import { LIMITS } from "../../../../common/limits";
import { ApiError } from "../../app/api-client";
import { ErrorAlert } from "../../app/error-alert";
import { LanguageSwitch } from "../../app/language-switch";
import { PageLoader } from "../../app/page-loader";
import { useLogin, useMe, useSavePreferences } from "./session-queries";

const TOTP_CODES = new Set(["totp_required", "totp_invalid"]);

/** Digits as typed on an Arabic keyboard count too. */
function cleanCode(text: string): string {
  return toWesternDigits(text).replace(/\D/g, "").slice(0, LIMITS.totpCode);
}

function fromPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("/login") ? from : "/";
}

export function LoginPage() {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const login = useLogin();
  const savePreferences = useSavePreferences();
  // A language picked here, before signing in, becomes the account's language.
  const [pickedLanguage, setPickedLanguage] = useState<Language | null>(null);
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const [needsTotp, setNeedsTotp] = useState(false);
  const [sentTotp, setSentTotp] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t("login.title")} · ${t("app.name")}`;
  }, [t]);
  useEffect(() => {
    if (needsTotp) totpRef.current?.focus();
  }, [needsTotp]);

  if (isPending) return <PageLoader />;
  if (me) return <Navigate to={fromPath(location.state)} replace />;

  const error = login.error instanceof ApiError ? login.error : null;
  const isTotpError = error !== null && TOTP_CODES.has(error.code);
  const totpFieldError =
    error && (error.code === "totp_invalid" || (error.code === "totp_required" && sentTotp))
      ? error.message
      : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const code = cleanCode(totp);
    const input = {
      username: username.trim().toLowerCase(),
      password,
      ...(needsTotp && code ? { totp: code } : {}),
    };
    setSentTotp(needsTotp);
    login.mutate(input, {
      onSuccess: (signedIn) => {
        if (pickedLanguage && pickedLanguage !== signedIn.language)
          savePreferences.mutate({ language: pickedLanguage });
        void navigate(fromPath(location.state), { replace: true });
      },
      onError: (e) => {
        if (e instanceof ApiError && TOTP_CODES.has(e.code)) setNeedsTotp(true);
      },
    });
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Box w="100%" maw={420}>
        <Group justify="space-between" mb="md">
          <Text fw={700} size="xl" c="tansiq.8">
            {t("app.name")}
          </Text>
          <LanguageSwitch onSwitch={setPickedLanguage} />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <form onSubmit={onSubmit} noValidate>
            <Stack>
              <div>
                <Title order={2} data-testid="page-title">
                  {t("login.title")}
                </Title>
                <Text size="sm" c="dimmed">
                  {t("login.intro")}
                </Text>
              </div>
              {error && !isTotpError ? (
                <ErrorAlert error={error} shownFields={["username", "password", "totp"]} />
              ) : null}
              <TextInput
                label={t("fields.username")}
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                dir="ltr"
                required
                maxLength={LIMITS.username}
                data-testid="login-username"
              />
              <PasswordInput
                label={t("fields.password")}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                autoComplete="current-password"
                required
                maxLength={LIMITS.passwordMax}
                data-testid="login-password"
              />
              {needsTotp ? (
                <TextInput
                  ref={totpRef}
                  label={t("fields.totp")}
                  description={t("login.totpHint")}
                  value={totp}
                  onChange={(e) => setTotp(cleanCode(e.currentTarget.value))}
                  error={totpFieldError}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  dir="ltr"
                  maxLength={LIMITS.totpCode}
                  required
                  data-testid="login-totp"
                />
              ) : null}
              <Button type="submit" loading={login.isPending} data-testid="login-submit">
                {needsTotp ? t("login.verify") : t("login.submit")}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Box>
    </Center>
  );
}
