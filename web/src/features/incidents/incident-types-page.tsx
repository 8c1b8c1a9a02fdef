import { Button, NativeSelect, Stack, Table, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { INCIDENT_TYPE_GROUPS } from "../../../../common/enums";
import {
  IncidentTypeCreateBody,
  IncidentTypeUpdateBody,
  type IncidentType,
} from "../../../../common/schemas/incidents";
import { ErrorAlert } from "../../app/error-alert";
import { FormModal } from "../../app/form-modal";
import { serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { StatusBadge } from "../../app/status-badge";
import { useIncidentTypes, useSaveIncidentType } from "./incidents-queries";

/** The administrator's list of incident types: add, rename, regroup, retire and restore. */
export function IncidentTypesPage() {
  const { t } = useTranslation();
  const { data, isPending, error, refetch } = useIncidentTypes();
  const [editing, setEditing] = useState<IncidentType | "new" | null>(null);
  return (
    <Stack gap="md">
      <PageHeader
        title={t("incidents.types.title")}
        actions={
          <Button onClick={() => setEditing("new")} data-testid="incident-type-new">
            {t("incidents.types.new")}
          </Button>
        }
      />
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data ? (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="incident-types-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("incidents.columns.group")}</Table.Th>
                <Table.Th>{t("incidents.types.nameAr")}</Table.Th>
                <Table.Th>{t("incidents.types.nameEn")}</Table.Th>
                <Table.Th>{t("incidents.columns.status")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((type) => (
                <Table.Tr key={type.id}>
                  <Table.Td>{t(`incidents.group.${type.group}`)}</Table.Td>
                  <Table.Td>{type.nameAr}</Table.Td>
                  <Table.Td>
                    <bdi lang="en">{type.nameEn}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge isActive={type.isActive} />
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="subtle" onClick={() => setEditing(type)}>
                      {t("common.edit")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {editing ? (
        <TypeModal type={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Stack>
  );
}

function TypeModal({ type, onClose }: { type: IncidentType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveIncidentType();
  const form = useFormState({
    code: type?.code ?? "",
    group: type?.group ?? "other",
    nameAr: type?.nameAr ?? "",
    nameEn: type?.nameEn ?? "",
    isActive: type?.isActive === false ? "false" : "true",
  });
  const onError = (error: unknown) => form.setErrors(serverFieldErrors(error));
  const onSubmit = () => {
    const v = form.values;
    if (type) {
      const checked = validate(IncidentTypeUpdateBody, {
        group: v.group,
        nameAr: v.nameAr,
        nameEn: v.nameEn,
        isActive: v.isActive === "true",
      });
      if (!checked.ok) return form.setErrors(checked.errors);
      save.mutate({ id: type.id, body: checked.data }, { onSuccess: onClose, onError });
    } else {
      const checked = validate(IncidentTypeCreateBody, {
        code: v.code,
        group: v.group,
        nameAr: v.nameAr,
        nameEn: v.nameEn,
      });
      if (!checked.ok) return form.setErrors(checked.errors);
      save.mutate({ id: null, body: checked.data }, { onSuccess: onClose, onError });
    }
  };
  return (
    <FormModal
      opened
      title={type ? t("incidents.types.edit") : t("incidents.types.new")}
      onClose={onClose}
      onSubmit={onSubmit}
      isPending={save.isPending}
      error={save.error}
      fields={["code", "group", "nameAr", "nameEn", "isActive"]}
    >
      {type ? null : (
        <TextInput
          label={t("incidents.types.code")}
          {...form.text("code")}
          dir="ltr"
          required
          data-testid="type-code"
        />
      )}
      <NativeSelect
        label={t("incidents.columns.group")}
        value={form.values.group}
        onChange={(e) => form.set("group", e.currentTarget.value)}
        data={INCIDENT_TYPE_GROUPS.map((g) => ({ value: g, label: t(`incidents.group.${g}`) }))}
      />
      <TextInput label={t("incidents.types.nameAr")} {...form.text("nameAr")} required />
      <TextInput label={t("incidents.types.nameEn")} {...form.text("nameEn")} dir="ltr" required />
      {type ? (
        <NativeSelect
          label={t("incidents.columns.status")}
          value={form.values.isActive}
          onChange={(e) => form.set("isActive", e.currentTarget.value)}
          data={[
            { value: "true", label: t("common.active") },
            { value: "false", label: t("common.inactive") },
          ]}
        />
      ) : null}
    </FormModal>
  );
}
