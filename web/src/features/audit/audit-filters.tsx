import { Button, Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ActorSelect } from "./actor-select";
import { AUDIT_ENTITIES, actionLabel, auditActions, entityLabel } from "./audit-labels";
import { DateField } from "../../app/date-field";

export type AuditFilterValues = { entity: string; action: string; actorId: string; from: string; to: string };
export const NO_AUDIT_FILTERS: AuditFilterValues = { entity: "", action: "", actorId: "", from: "", to: "" };

type Props = {
  values: AuditFilterValues;
  onChange: (name: keyof AuditFilterValues, value: string) => void;
  onClear: () => void;
  canListUsers: boolean;
};

export function AuditFilters({ values, onChange, onClear, canListUsers }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <Select
        label={t("audit.entity")}
        value={values.entity || null}
        onChange={(v) => onChange("entity", v ?? "")}
        data={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
        placeholder={t("audit.allEntities")}
        clearable
      />
      <Select
        label={t("audit.action")}
        value={values.action || null}
        onChange={(v) => onChange("action", v ?? "")}
        data={auditActions().map((a) => ({ value: a, label: actionLabel(a) }))}
        placeholder={t("audit.allActions")}
        searchable
        clearable
      />
      <ActorSelect value={values.actorId} onChange={(v) => onChange("actorId", v)} enabled={canListUsers} />
      <DateField label={t("fields.from")} value={values.from} onChange={(v) => onChange("from", v ?? "")} />
      <DateField label={t("fields.to")} value={values.to} onChange={(v) => onChange("to", v ?? "")} />
      <Button variant="subtle" onClick={onClear}>
        {t("common.clearFilters")}
      </Button>
    </Group>
  );
}
