import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ResetPasswordBody, type User } from "../../../../common/schemas/users";
import { FormModal } from "../../app/form-modal";
import { serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { PasswordFields } from "../../app/password-fields";
import { useResetPassword } from "./users-queries";

type Props = { user: User; name: string; onClose: () => void; onDone: () => void };

export function ResetPasswordModal({ user, name, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const form = useFormState({ password: "", confirm: "" });
  const reset = useResetPassword();

  const onSubmit = () => {
    const checked = validate(ResetPasswordBody, { password: form.values.password });
    if (!checked.ok) return form.setErrors(checked.errors);
    if (form.values.password !== form.values.confirm)
      return form.setErrors({ confirm: t("common.passwordsDiffer") });
    reset.mutate(
      { id: user.id, password: checked.data.password },
      { onSuccess: onDone, onError: (error) => form.setErrors(serverFieldErrors(error)) },
    );
  };

  return (
    <FormModal
      opened
      title={t("users.resetTitle", { name })}
      onClose={onClose}
      onSubmit={onSubmit}
      isPending={reset.isPending}
      error={reset.error}
      fields={["password"]}
      submitLabel={t("users.resetPassword")}
    >
      <Text size="sm" c="dimmed">
        <bdi>{user.username}</bdi>
      </Text>
      <PasswordFields
        name="password"
        label={t("fields.newPassword")}
        value={form.values.password}
        confirm={form.values.confirm}
        error={form.errors.password}
        confirmError={form.errors.confirm}
        onChange={(v) => form.set("password", v)}
        onConfirmChange={(v) => form.set("confirm", v)}
      />
    </FormModal>
  );
}
