import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { IncidentStatus } from "../../../../common/enums";
import type { IncidentType } from "../../../../common/schemas/incidents";
import { currentLanguage } from "../../app/i18n";
import { useIncidentTypes } from "./incidents-queries";

const STATUS_COLOURS: Record<IncidentStatus, string> = {
  open: "blue",
  under_investigation: "orange",
  referred_to_prosecution: "grape",
  closed: "gray",
};

export function IncidentStatusBadge({ status, testId }: { status: IncidentStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOURS[status]} miw="max-content" data-testid={testId}>
      {t(`incidents.status.${status}`)}
    </Badge>
  );
}

export const typeName = (type: Pick<IncidentType, "nameAr" | "nameEn">) =>
  currentLanguage() === "en" ? type.nameEn : type.nameAr;

/** An incident type's name in the interface language, by id (empty until the list has loaded). */
export function useTypeNamer() {
  useTranslation();
  const { data } = useIncidentTypes();
  const byId = new Map((data ?? []).map((type) => [type.id, type]));
  return (id: string) => {
    const type = byId.get(id);
    return type ? typeName(type) : "";
  };
}

export { districtName } from "../../app/district-name";

/** A country's name in the interface language, from its ISO code. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([currentLanguage()], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
