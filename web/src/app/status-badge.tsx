import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function StatusBadge({ isActive }: { isActive: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={isActive ? "green" : "gray"} miw="max-content">
      {isActive ? t("common.active") : t("common.inactive")}
    </Badge>
  );
}
