import { Alert, Button, PasswordInput, Stack, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../../common/limits";
import { ChangePasswordBody } from "../../../../common/schemas/auth";
import { ErrorAlert } from "../../app/error-alert";
import { serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { useCurrentUser } from "../auth";
import { useChangePassword } from "./account-queries";

const FIELDS = ["currentPassword", "newPassword"];

export function ChangePasswordSection() {
  const { t } = useTranslation();
  const form = useFormState({ currentPassword: "", newPassword: "", confirm: "" });
  const change = useChangePassword();
  const me = useCurrentUser();
  const [isDone, setDone] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const { confirm, ...body } = form.values;
    const checked = validate(ChangePasswordBody, body);
    if (!checked.ok) return form.setErrors(checked.errors);
    if (confirm !== body.newPassword) return form.setErrors({ confirm: t("common.passwordsDiffer") });
    change.mutate(checked.data, {
      onSuccess: () => {
        form.reset();
        setDone(true);
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm" maw={420}>
        <Title order={3}>{t("account.changePassword")}</Title>
        {isDone ? <Alert color="green">{t("account.passwordChanged")}</Alert> : null}
        {change.error ? <ErrorAlert error={change.error} shownFields={FIELDS} /> : null}
        {/* For password managers: which account this password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
        <PasswordInput
          label={t("fields.currentPassword")}
          {...form.text("currentPassword")}
          autoComplete="current-password"
          maxLength={LIMITS.passwordMax}
          required
          data-testid="password-current"
        />
        <PasswordInput
          label={t("fields.newPassword")}
          description={t("common.passwordHint", { min: LIMITS.passwordMin })}
          {...form.text("newPassword")}
          autoComplete="new-password"
          maxLength={LIMITS.passwordMax}
          required
          data-testid="password-new"
        />
        <PasswordInput
          label={t("common.confirmPassword")}
          {...form.text("confirm")}
          autoComplete="new-password"
          maxLength={LIMITS.passwordMax}
          required
          data-testid="password-confirm"
        />
        <div>
          <Button type="submit" loading={change.isPending} data-testid="password-submit">
            {t("account.changePassword")}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
