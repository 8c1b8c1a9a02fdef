import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DISTRICTS } from "../../../../common/districts";
import { INCIDENT_TYPE_GROUPS, SENSITIVITIES } from "../../../../common/enums";
import { LIMITS } from "../../../../common/limits";
import type { Incident } from "../../../../common/schemas/incidents";
import { IncidentCreateBody, IncidentUpdateBody } from "../../../../common/schemas/incidents";
import { FormModal } from "../../app/form-modal";
import { currentLanguage } from "../../app/i18n";
import { serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { useCurrentUser } from "../auth";
import { countryName, typeName } from "./incident-labels";
import { useCreateIncident, useIncidentTypes, useUpdateIncident } from "./incidents-queries";
import { DateField } from "../../app/date-field";
import { TimeField } from "../../app/time-field";

const FIELDS = [
  "typeId",
  "occurredOn",
  "occurredTime",
  "districtPcode",
  "placeName",
  "latitude",
  "longitude",
  "narrative",
  "sensitivity",
  "arrests",
  "rescued",
  "intercepted",
  "nationalities",
  "dead",
  "missing",
] as const;
const COUNTS = ["arrests", "rescued", "intercepted", "dead", "missing"] as const;
/** Nationalities most often met at Libya's borders and coast, offered first in the breakdown. */
const NATIONALITIES = [
  "EG",
  "SD",
  "NE",
  "TD",
  "NG",
  "ML",
  "ER",
  "ET",
  "SO",
  "BD",
  "PK",
  "SY",
  "GH",
  "CM",
  "GN",
  "CI",
  "SN",
  "MA",
  "TN",
  "DZ",
] as const;

const numberOrUndefined = (v: string) => (v.trim() === "" ? undefined : Number(v));
const numberOrNull = (v: string) => (v.trim() === "" ? null : Number(v));

/** Records an incident for the user's agency, or edits one (`incident` given). */
export function IncidentFormModal({
  incident,
  onClose,
  onSaved,
}: {
  incident?: Incident;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const types = (useIncidentTypes().data ?? []).filter(
    (type) => type.isActive || type.id === incident?.typeId,
  );
  const create = useCreateIncident();
  const update = useUpdateIncident();
  const mutation = incident ? update : create;
  const form = useFormState({
    typeId: incident?.typeId ?? "",
    occurredOn: incident?.occurredOn ?? "",
    occurredTime: incident?.occurredTime ?? "",
    districtPcode: incident?.districtPcode ?? "",
    placeName: incident?.placeName ?? "",
    latitude: incident?.latitude?.toString() ?? "",
    longitude: incident?.longitude?.toString() ?? "",
    narrative: incident?.narrative ?? "",
    sensitivity: incident?.sensitivity ?? "internal",
    arrests: String(incident?.arrests ?? 0),
    rescued: String(incident?.rescued ?? 0),
    intercepted: String(incident?.intercepted ?? 0),
    dead: String(incident?.dead ?? 0),
    missing: String(incident?.missing ?? 0),
  });
  const [nationalities, setNationalities] = useState(
    (incident?.nationalities ?? []).map((n) => ({ country: n.country, count: String(n.count) })),
  );

  const onSubmit = () => {
    const v = form.values;
    const body = {
      typeId: v.typeId || undefined,
      occurredOn: v.occurredOn || undefined,
      occurredTime: v.occurredTime || null,
      districtPcode: v.districtPcode || null,
      placeName: v.placeName,
      latitude: numberOrNull(v.latitude),
      longitude: numberOrNull(v.longitude),
      narrative: v.narrative,
      sensitivity: v.sensitivity,
      ...Object.fromEntries(COUNTS.map((c) => [c, numberOrUndefined(v[c])])),
      nationalities: nationalities.map((n) => ({ country: n.country, count: Number(n.count) })),
    };
    const onError = (error: unknown) => form.setErrors(serverFieldErrors(error));
    if (incident) {
      const checked = validate(IncidentUpdateBody, body);
      if (!checked.ok) return form.setErrors(checked.errors);
      update.mutate({ id: incident.id, body: checked.data }, { onSuccess: (r) => onSaved(r.id), onError });
    } else {
      const checked = validate(IncidentCreateBody, { ...body, agencyId: me.agencyId });
      if (!checked.ok) return form.setErrors(checked.errors);
      create.mutate(checked.data, { onSuccess: (r) => onSaved(r.id), onError });
    }
  };

  return (
    <FormModal
      opened
      title={incident ? t("incidents.editTitle") : t("incidents.createTitle")}
      onClose={onClose}
      onSubmit={onSubmit}
      isPending={mutation.isPending}
      error={mutation.error}
      fields={FIELDS}
    >
      <NativeSelect
        label={t("incidents.columns.type")}
        value={form.values.typeId}
        onChange={(e) => form.set("typeId", e.currentTarget.value)}
        error={form.errors.typeId}
        required
        data-testid="incident-type"
        data={[
          { value: "", label: "—" },
          ...INCIDENT_TYPE_GROUPS.map((group) => ({
            group: t(`incidents.group.${group}`),
            items: types
              .filter((type) => type.group === group)
              .map((type) => ({ value: type.id, label: typeName(type) })),
          })).filter((g) => g.items.length > 0),
        ]}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t("incidents.columns.occurredOn")}
          {...form.choice("occurredOn")}
          required
          data-testid="incident-occurredOn"
        />
        <TimeField
          label={t("incidents.fields.occurredTime")}
          {...form.choice("occurredTime")}
          data-testid="incident-occurredTime"
        />
        <NativeSelect
          label={t("incidents.columns.district")}
          value={form.values.districtPcode}
          onChange={(e) => form.set("districtPcode", e.currentTarget.value)}
          error={form.errors.districtPcode}
          data-testid="incident-district"
          data={[
            { value: "", label: "—" },
            ...DISTRICTS.map((d) => ({
              value: d.pcode,
              label: currentLanguage() === "en" ? d.nameEn : d.nameAr,
            })),
          ]}
        />
        <TextInput
          label={t("incidents.columns.place")}
          {...form.text("placeName")}
          maxLength={LIMITS.name}
          required
          data-testid="incident-place"
        />
        <TextInput
          label={t("incidents.fields.latitude")}
          {...form.text("latitude")}
          inputMode="decimal"
          dir="ltr"
          data-testid="incident-latitude"
        />
        <TextInput
          label={t("incidents.fields.longitude")}
          {...form.text("longitude")}
          inputMode="decimal"
          dir="ltr"
          data-testid="incident-longitude"
        />
      </SimpleGrid>
      <Textarea
        label={t("incidents.fields.narrative")}
        {...form.text("narrative")}
        autosize
        minRows={3}
        maxLength={LIMITS.narrative}
        data-testid="incident-narrative"
      />
      <Text fw={500} size="sm">
        {t("incidents.outcomes")}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {COUNTS.map((c) => (
          <TextInput
            key={c}
            label={t(`incidents.fields.${c}`)}
            {...form.text(c)}
            inputMode="numeric"
            dir="ltr"
            data-testid={`incident-${c}`}
          />
        ))}
      </SimpleGrid>
      <Stack gap="xs">
        <Text size="sm">{t("incidents.fields.nationalities")}</Text>
        {nationalities.map((n, index) => (
          <Group key={index} gap="xs" wrap="nowrap">
            <NativeSelect
              aria-label={t("incidents.nationality")}
              value={n.country}
              onChange={(e) => {
                const country = e.currentTarget.value;
                setNationalities((all) => all.map((x, i) => (i === index ? { ...x, country } : x)));
              }}
              data={NATIONALITIES.map((code) => ({ value: code, label: countryName(code) }))}
            />
            <TextInput
              aria-label={t("incidents.nationalityCount")}
              value={n.count}
              onChange={(e) => {
                const count = e.currentTarget.value;
                setNationalities((all) => all.map((x, i) => (i === index ? { ...x, count } : x)));
              }}
              inputMode="numeric"
              dir="ltr"
              w={90}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("incidents.removeNationality")}
              onClick={() => setNationalities((all) => all.filter((_, i) => i !== index))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {form.errors.nationalities ? (
          <Text size="xs" c="red">
            {form.errors.nationalities}
          </Text>
        ) : null}
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setNationalities((all) => [...all, { country: "EG", count: "1" }])}
        >
          {t("incidents.addNationality")}
        </Button>
      </Stack>
      <NativeSelect
        label={t("incidents.fields.sensitivity")}
        value={form.values.sensitivity}
        onChange={(e) => form.set("sensitivity", e.currentTarget.value)}
        data={SENSITIVITIES.map((s) => ({ value: s, label: t(`enums.sensitivity.${s}`) }))}
        data-testid="incident-sensitivity"
      />
    </FormModal>
  );
}
