import { PasswordInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../common/limits";

type Props = {
  name: string;
  label: string;
  value: string;
  confirm: string;
  error?: string;
  confirmError?: string;
  onChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
};

/** A new password typed twice. */
export function PasswordFields({
  name,
  label,
  value,
  confirm,
  error,
  confirmError,
  onChange,
  onConfirmChange,
}: Props) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={label}
        name={name}
        description={t("common.passwordHint", { min: LIMITS.passwordMin })}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        autoComplete="new-password"
        maxLength={LIMITS.passwordMax}
        required
      />
      <PasswordInput
        label={t("common.confirmPassword")}
        value={confirm}
        onChange={(e) => onConfirmChange(e.currentTarget.value)}
        error={confirmError}
        autoComplete="new-password"
        maxLength={LIMITS.passwordMax}
        required
      />
    </>
  );
}
