import { Badge, Button, NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DISTRICTS } from "../../../../common/districts";
import { INCIDENT_STATUSES, INCIDENT_TYPE_GROUPS, SENSITIVITIES } from "../../../../common/enums";
import { NO_DISTRICT } from "../../../../common/schemas/incidents";
import { DateField } from "../../app/date-field";
import { currentLanguage } from "../../app/i18n";
import { useFormat } from "../../app/use-format";
import { useAgencyOptions } from "../agencies";
import { typeName } from "./incident-labels";
import { useIncidentTypes } from "./incidents-queries";

export const INCIDENT_FILTER_FIELDS = [
  "group",
  "typeId",
  "district",
  "status",
  "agencyId",
  "sensitivity",
  "hasSeizures",
  "from",
  "to",
] as const;
export type IncidentFilterField = (typeof INCIDENT_FILTER_FIELDS)[number];

/**
 * The incidents' filters as the list and the map offer them: a select for each (the types of the chosen group
 * only; a district, or none: at sea or outside the districts) and the period's two days. Each select's test id is
 * `${testIdPrefix}-${name}`.
 */
export function IncidentFilterFields({
  filters,
  onChange,
  testIdPrefix,
}: {
  filters: Record<IncidentFilterField, string>;
  onChange: (name: IncidentFilterField, value: string) => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const agencies = useAgencyOptions();
  const types = useIncidentTypes().data ?? [];
  const shownTypes = types.filter((type) => !filters.group || type.group === filters.group);
  const select = (name: IncidentFilterField, label: string, options: { value: string; label: string }[]) => (
    <NativeSelect
      aria-label={label}
      value={filters[name]}
      onChange={(e) => onChange(name, e.currentTarget.value)}
      data={[{ value: "", label }, ...options]}
      data-testid={`${testIdPrefix}-${name}`}
    />
  );
  return (
    <>
      {select(
        "group",
        t("incidents.columns.group"),
        INCIDENT_TYPE_GROUPS.map((g) => ({ value: g, label: t(`incidents.group.${g}`) })),
      )}
      {select(
        "typeId",
        t("incidents.columns.type"),
        shownTypes.map((type) => ({ value: type.id, label: typeName(type) })),
      )}
      {select("district", t("incidents.columns.district"), [
        ...DISTRICTS.map((d) => ({
          value: d.pcode,
          label: currentLanguage() === "en" ? d.nameEn : d.nameAr,
        })),
        { value: NO_DISTRICT, label: t("incidents.noDistrict") },
      ])}
      {select(
        "status",
        t("incidents.columns.status"),
        INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`incidents.status.${s}`) })),
      )}
      {select("agencyId", t("incidents.columns.agency"), agencies)}
      {select(
        "sensitivity",
        t("incidents.fields.sensitivity"),
        SENSITIVITIES.map((s) => ({ value: s, label: t(`enums.sensitivity.${s}`) })),
      )}
      {select("hasSeizures", t("incidents.hasSeizures"), [
        { value: "true", label: t("incidents.withSeizures") },
        { value: "false", label: t("incidents.withoutSeizures") },
      ])}
      <DateField
        label={t("incidents.from")}
        value={filters.from}
        onChange={(v) => onChange("from", v ?? "")}
      />
      <DateField label={t("incidents.to")} value={filters.to} onChange={(v) => onChange("to", v ?? "")} />
    </>
  );
}

/**
 * The button the incidents' filters fold under (the map; the list on a phone), with how many are chosen. Test ids:
 * `${testId}-toggle` (the button), `${testId}-count`.
 */
export function FiltersToggle({
  shown,
  onToggle,
  chosen,
  controls,
  testId,
}: {
  shown: boolean;
  onToggle: () => void;
  chosen: number;
  /** The id of the folded filters. */
  controls: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Button
      variant={shown ? "light" : "default"}
      onClick={onToggle}
      aria-expanded={shown}
      aria-controls={controls}
      rightSection={
        chosen > 0 ? (
          <Badge size="sm" circle data-testid={`${testId}-count`}>
            {format.number(chosen)}
          </Badge>
        ) : null
      }
      flex="none"
      data-testid={`${testId}-toggle`}
    >
      {t("incidentMap.filters")}
    </Button>
  );
}
