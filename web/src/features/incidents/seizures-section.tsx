import { actorName } from "../../app/actor-name";
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CASH_CURRENCIES,
  CUSTODY_STATUSES,
  DRUG_KINDS,
  SEIZURE_ITEMS,
  SEIZURE_ITEM_UNITS,
  type SeizureItem,
} from "../../../../common/enums";
import {
  CustodyBody,
  SeizureCreateBody,
  type IncidentDetail,
  type Seizure,
} from "../../../../common/schemas/incidents";
import { FormModal } from "../../app/form-modal";
import { HistoryList } from "../../app/history-list";
import { serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { useFormat } from "../../app/use-format";
import { useAddSeizure, useCustody } from "./incidents-queries";

/** What was seized on the incident, with each item's custody log; adding and custody from the abilities. */
export function SeizuresSection({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [adding, setAdding] = useState(false);
  const [custodyOf, setCustodyOf] = useState<Seizure | null>(null);
  const kindLabel = (s: Seizure) =>
    s.kind ? (s.item === "drugs" ? t(`incidents.drug.${s.kind}` as "incidents.drug.other") : s.kind) : "";
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("incidents.seizures")}</Title>
        {incident.abilities.addSeizure ? (
          <Button size="xs" onClick={() => setAdding(true)} data-testid="seizure-new">
            {t("incidents.addSeizure")}
          </Button>
        ) : null}
      </Group>
      {incident.seizures.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("incidents.noSeizures")}
        </Text>
      ) : (
        <Stack gap="sm" data-testid="seizures">
          {incident.seizures.map((s) => (
            <Paper key={s.id} withBorder p="sm" data-testid="seizure-row">
              <Group justify="space-between" gap="xs">
                <Text fw={500}>
                  {t(`incidents.item.${s.item}`)} {kindLabel(s)}{" "}
                  <bdi>
                    {format.number(s.quantity)} {t(`incidents.unit.${s.unit}`)}
                  </bdi>
                  {s.estimatedValueLyd !== null ? (
                    <Text span c="dimmed" size="sm">
                      {" "}
                      — <bdi>{format.number(s.estimatedValueLyd)}</bdi> {t("incidents.lyd")}
                    </Text>
                  ) : null}
                </Text>
                {s.abilities.custody && s.custodyStatus !== "destroyed" ? (
                  <Button size="compact-xs" variant="light" onClick={() => setCustodyOf(s)}>
                    {t("incidents.changeCustody")}
                  </Button>
                ) : null}
              </Group>
              {s.description ? <Text size="sm">{s.description}</Text> : null}
              <CustodyLog seizure={s} />
            </Paper>
          ))}
        </Stack>
      )}
      {adding ? <SeizureModal incidentId={incident.id} onClose={() => setAdding(false)} /> : null}
      {custodyOf ? <CustodyModal seizure={custodyOf} onClose={() => setCustodyOf(null)} /> : null}
    </Paper>
  );
}

/**
 * Where the seizure is now — its custody status, to whom, since when and who recorded it (the log's last entry) —
 * and the earlier entries of its log under it: each status written once.
 */
function CustodyLog({ seizure }: { seizure: Seizure }) {
  const { t } = useTranslation();
  const format = useFormat();
  const last = seizure.custody.at(-1);
  const current = last?.toStatus === seizure.custodyStatus ? last : undefined;
  const earlier = current ? seizure.custody.slice(0, -1) : seizure.custody;
  const toWhom = (whom: string | null) =>
    whom ? (
      <Text span size="sm">
        {t("incidents.fields.toWhom")}: <bdi>{whom}</bdi>
      </Text>
    ) : null;
  return (
    <Stack gap={4} mt={6}>
      <Group gap="xs" wrap="wrap" data-testid="custody-current">
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t("incidents.fields.custodyStatus")}:
          </Text>{" "}
          <Text span fw={600} size="sm">
            {t(`incidents.custody.${seizure.custodyStatus}`)}
          </Text>
        </Text>
        {current ? (
          <>
            {toWhom(current.toWhom)}
            <Text size="sm" c="dimmed">
              <bdi>{format.dateTime(current.at)}</bdi>
            </Text>
            <Text size="sm" c="dimmed">
              <bdi>{actorName(current)}</bdi>
            </Text>
          </>
        ) : null}
      </Group>
      {current?.note ? <Text size="sm">{current.note}</Text> : null}
      {earlier.length > 0 ? (
        <>
          <Text size="xs" c="dimmed" mt={4}>
            {t("incidents.custodyEarlier")}
          </Text>
          <HistoryList
            entries={earlier.map((c) => ({
              id: c.id,
              at: format.dateTime(c.at),
              what: (
                <>
                  <Text size="sm">{t(`incidents.custody.${c.toStatus}`)}</Text>
                  {toWhom(c.toWhom)}
                </>
              ),
              who: actorName(c),
              note: c.note,
            }))}
          />
        </>
      ) : null}
    </Stack>
  );
}

const SEIZURE_FIELDS = ["item", "kind", "description", "quantity", "unit", "estimatedValueLyd"] as const;

function SeizureModal({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddSeizure();
  const form = useFormState({
    item: "fuel",
    kind: "",
    description: "",
    quantity: "",
    unit: "litre",
    estimatedValueLyd: "",
  });
  const item = form.values.item as SeizureItem;
  const kinds = item === "drugs" ? DRUG_KINDS : item === "cash" ? CASH_CURRENCIES : null;
  const setItem = (next: SeizureItem) => {
    form.set("item", next);
    form.set("unit", SEIZURE_ITEM_UNITS[next][0] ?? "piece");
    form.set("kind", next === "drugs" ? DRUG_KINDS[0] : next === "cash" ? CASH_CURRENCIES[0] : "");
  };
  const onSubmit = () => {
    const v = form.values;
    const checked = validate(SeizureCreateBody, {
      item: v.item,
      kind: v.kind || null,
      description: v.description,
      quantity: v.quantity === "" ? undefined : Number(v.quantity),
      unit: v.unit,
      estimatedValueLyd: v.estimatedValueLyd === "" ? null : Number(v.estimatedValueLyd),
    });
    if (!checked.ok) return form.setErrors(checked.errors);
    add.mutate(
      { id: incidentId, body: checked.data },
      { onSuccess: onClose, onError: (error) => form.setErrors(serverFieldErrors(error)) },
    );
  };
  return (
    <FormModal
      opened
      title={t("incidents.addSeizure")}
      onClose={onClose}
      onSubmit={onSubmit}
      isPending={add.isPending}
      error={add.error}
      fields={SEIZURE_FIELDS}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("incidents.fields.item")}
          value={item}
          onChange={(e) => setItem(e.currentTarget.value as SeizureItem)}
          data={SEIZURE_ITEMS.map((i) => ({ value: i, label: t(`incidents.item.${i}`) }))}
          data-testid="seizure-item"
        />
        {kinds ? (
          <NativeSelect
            label={item === "drugs" ? t("incidents.fields.drugKind") : t("incidents.fields.currency")}
            value={form.values.kind}
            onChange={(e) => form.set("kind", e.currentTarget.value)}
            error={form.errors.kind}
            data={kinds.map((k) => ({
              value: k,
              label: item === "drugs" ? t(`incidents.drug.${k}` as "incidents.drug.other") : k,
            }))}
            data-testid="seizure-kind"
          />
        ) : null}
        <TextInput
          label={t("incidents.fields.quantity")}
          {...form.text("quantity")}
          inputMode="decimal"
          dir="ltr"
          required
          data-testid="seizure-quantity"
        />
        <NativeSelect
          label={t("incidents.fields.unit")}
          value={form.values.unit}
          onChange={(e) => form.set("unit", e.currentTarget.value)}
          error={form.errors.unit}
          data={SEIZURE_ITEM_UNITS[item].map((u) => ({ value: u, label: t(`incidents.unit.${u}`) }))}
          data-testid="seizure-unit"
        />
        <TextInput
          label={t("incidents.fields.estimatedValueLyd")}
          {...form.text("estimatedValueLyd")}
          inputMode="decimal"
          dir="ltr"
          data-testid="seizure-value"
        />
        <TextInput label={t("incidents.fields.description")} {...form.text("description")} />
      </SimpleGrid>
    </FormModal>
  );
}

function CustodyModal({ seizure, onClose }: { seizure: Seizure; onClose: () => void }) {
  const { t } = useTranslation();
  const custody = useCustody();
  const form = useFormState({ status: "handed_over", toWhom: "", note: "" });
  const onSubmit = () => {
    const checked = validate(CustodyBody, { ...form.values, at: null });
    if (!checked.ok) return form.setErrors(checked.errors);
    custody.mutate(
      { id: seizure.id, body: checked.data },
      { onSuccess: onClose, onError: (error) => form.setErrors(serverFieldErrors(error)) },
    );
  };
  return (
    <FormModal
      opened
      title={t("incidents.changeCustody")}
      onClose={onClose}
      onSubmit={onSubmit}
      isPending={custody.isPending}
      error={custody.error}
      fields={["status", "toWhom", "note"]}
    >
      <NativeSelect
        label={t("incidents.fields.custodyStatus")}
        value={form.values.status}
        onChange={(e) => form.set("status", e.currentTarget.value)}
        data={CUSTODY_STATUSES.filter((s) => s !== seizure.custodyStatus).map((s) => ({
          value: s,
          label: t(`incidents.custody.${s}`),
        }))}
      />
      <TextInput label={t("incidents.fields.toWhom")} {...form.text("toWhom")} />
      <TextInput label={t("incidents.fields.note")} {...form.text("note")} />
    </FormModal>
  );
}
