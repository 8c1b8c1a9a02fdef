import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";

export type StatusFilterValue = "active" | "inactive" | "all";
const VALUES: readonly StatusFilterValue[] = ["active", "inactive", "all"];

export function StatusFilter({
  value,
  onChange,
}: {
  value: StatusFilterValue;
  onChange: (v: StatusFilterValue) => void;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="sm"
      value={value}
      onChange={(v) => onChange(VALUES.find((s) => s === v) ?? "active")}
      data={VALUES.map((s) => ({ value: s, label: t(`enums.status.${s}`) }))}
      aria-label={t("fields.status")}
    />
  );
}
