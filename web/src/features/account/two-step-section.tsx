import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { toWesternDigits } from "../../../../common/arabic";
import { ROLES_REQUIRING_TOTP } from "../../../../common/enums";
import { LIMITS } from "../../../../common/limits";
import { ErrorAlert } from "../../app/error-alert";
import { serverFieldErrors } from "../../app/form-state";
import { useCurrentUser } from "../auth";
import { useDisableTotp, useEnableTotp, useStartTotpSetup, type TotpSetup } from "./account-queries";

function Copyable({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={700}>
          {label}
        </Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="subtle" onClick={copy}>
              {copied ? t("common.copied") : t("common.copy")}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block className="ltr-block" dir="ltr" data-testid={testId}>
        {value}
      </Code>
    </Stack>
  );
}

/** Step two of enrolment: the secret and link to add to an authenticator app, then a code from it. */
function ConfirmCode({ setup }: { setup: TotpSetup }) {
  const { t } = useTranslation();
  const enable = useEnableTotp();
  const [code, setCode] = useState("");
  const fieldError = serverFieldErrors(enable.error).code;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    enable.mutate({ code });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t("account.setupStep1")}</Text>
        <Copyable label={t("account.secret")} value={setup.secret} testId="totp-secret" />
        <Copyable label={t("account.uri")} value={setup.uri} testId="totp-uri" />
        <Text size="sm">{t("account.setupStep2")}</Text>
        {enable.error && !fieldError ? <ErrorAlert error={enable.error} shownFields={["code"]} /> : null}
        <Group align="flex-start">
          <TextInput
            aria-label={t("fields.totp")}
            value={code}
            onChange={(e) =>
              setCode(toWesternDigits(e.currentTarget.value).replace(/\D/g, "").slice(0, LIMITS.totpCode))
            }
            error={fieldError}
            inputMode="numeric"
            autoComplete="one-time-code"
            dir="ltr"
            w={140}
            data-testid="totp-code"
          />
          <Button
            type="submit"
            loading={enable.isPending}
            disabled={code.length !== LIMITS.totpCode}
            data-testid="totp-enable"
          >
            {t("account.enable")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DisableForm() {
  const { t } = useTranslation();
  const disable = useDisableTotp();
  const [password, setPassword] = useState("");
  const fieldError = serverFieldErrors(disable.error).password;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate({ password }, { onSuccess: () => setPassword("") });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm" maw={420}>
        {disable.error && !fieldError ? (
          <ErrorAlert error={disable.error} shownFields={["password"]} />
        ) : null}
        <PasswordInput
          label={t("fields.password")}
          description={t("account.disableHint")}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError}
          autoComplete="current-password"
          maxLength={LIMITS.passwordMax}
          required
        />
        <div>
          <Button type="submit" color="red" variant="light" loading={disable.isPending} disabled={!password}>
            {t("account.disable")}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

export function TwoStepSection() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const start = useStartTotpSetup();
  const isRequired = ROLES_REQUIRING_TOTP.includes(me.role);

  return (
    <Stack gap="sm">
      <Title order={3}>{t("account.twoStep")}</Title>
      {me.hasTotp ? (
        <>
          <Alert color="green" data-testid="totp-status">
            {t("account.twoStepOn")}
          </Alert>
          {isRequired ? <Text size="sm">{t("account.twoStepRequiredByRole")}</Text> : <DisableForm />}
        </>
      ) : (
        <>
          <Text size="sm" data-testid="totp-status">
            {t("account.twoStepOff")}
          </Text>
          {start.error ? <ErrorAlert error={start.error} /> : null}
          {start.data ? (
            <ConfirmCode setup={start.data} />
          ) : (
            <div>
              <Button onClick={() => start.mutate()} loading={start.isPending} data-testid="totp-start">
                {t("account.startSetup")}
              </Button>
            </div>
          )}
        </>
      )}
    </Stack>
  );
}
