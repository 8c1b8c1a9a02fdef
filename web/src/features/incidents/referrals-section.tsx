import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { REFERRAL_STATUSES } from "../../../../common/enums";
import { ReferralCreateBody, type IncidentDetail, type Referral } from "../../../../common/schemas/incidents";
import { FormModal } from "../../app/form-modal";
import { serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { useFormat } from "../../app/use-format";
import { useAddReferral, useUpdateReferral } from "./incidents-queries";
import { DateField } from "../../app/date-field";

const COUNTS = ["women", "men", "girls", "boys"] as const;

/**
 * Victim protection referrals: shown to the recording agency and leadership only (the server sends none to
 * anyone else), counted by sex and age group, never named.
 */
export function ReferralsSection({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [adding, setAdding] = useState(false);
  const update = useUpdateReferral();
  if (incident.referrals.length === 0 && !incident.abilities.addReferral) return null;
  const setStatus = (r: Referral, status: string) =>
    update.mutate({ id: r.id, body: { status: status as Referral["status"] } });
  return (
    <Paper withBorder p="md" data-testid="referrals">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t("incidents.referrals")}</Title>
        {incident.abilities.addReferral ? (
          <Button size="xs" onClick={() => setAdding(true)} data-testid="referral-new">
            {t("incidents.addReferral")}
          </Button>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t("incidents.referralRestricted")}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("incidents.fields.referredOn")}</Table.Th>
              <Table.Th>{t("incidents.fields.referredTo")}</Table.Th>
              {COUNTS.map((c) => (
                <Table.Th key={c}>{t(`incidents.fields.${c}`)}</Table.Th>
              ))}
              <Table.Th>{t("incidents.fields.referralStatus")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {incident.referrals.map((r) => (
              <Table.Tr key={r.id} data-testid="referral-row">
                <Table.Td>
                  <bdi>{format.date(r.referredOn)}</bdi>
                </Table.Td>
                <Table.Td>
                  <bdi>{r.referredTo}</bdi>
                </Table.Td>
                {COUNTS.map((c) => (
                  <Table.Td key={c}>
                    <bdi>{format.number(r[c])}</bdi>
                  </Table.Td>
                ))}
                <Table.Td>
                  {r.abilities.update ? (
                    <NativeSelect
                      aria-label={t("incidents.fields.referralStatus")}
                      size="xs"
                      value={r.status}
                      onChange={(e) => setStatus(r, e.currentTarget.value)}
                      data={REFERRAL_STATUSES.map((s) => ({
                        value: s,
                        label: t(`incidents.referralStatus.${s}`),
                      }))}
                    />
                  ) : (
                    t(`incidents.referralStatus.${r.status}`)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {adding ? <ReferralModal incidentId={incident.id} onClose={() => setAdding(false)} /> : null}
    </Paper>
  );
}

const FIELDS = ["women", "men", "girls", "boys", "referredTo", "referredOn", "status", "notes"] as const;

function ReferralModal({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddReferral();
  const form = useFormState({
    women: "0",
    men: "0",
    girls: "0",
    boys: "0",
    referredTo: "",
    referredOn: "",
    status: "in_progress",
    notes: "",
  });
  const onSubmit = () => {
    const v = form.values;
    const checked = validate(ReferralCreateBody, {
      ...v,
      ...Object.fromEntries(COUNTS.map((c) => [c, v[c].trim() === "" ? 0 : Number(v[c])])),
      referredOn: v.referredOn || undefined,
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
      title={t("incidents.addReferral")}
      onClose={onClose}
      onSubmit={onSubmit}
      isPending={add.isPending}
      error={add.error}
      fields={FIELDS}
    >
      <Alert color="yellow" data-testid="referral-privacy">
        {t("incidents.referralPrivacy")}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {COUNTS.map((c) => (
          <TextInput
            key={c}
            label={t(`incidents.fields.${c}`)}
            {...form.text(c)}
            inputMode="numeric"
            dir="ltr"
          />
        ))}
      </SimpleGrid>
      <TextInput label={t("incidents.fields.referredTo")} {...form.text("referredTo")} required />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t("incidents.fields.referredOn")} {...form.choice("referredOn")} required />
        <NativeSelect
          label={t("incidents.fields.referralStatus")}
          value={form.values.status}
          onChange={(e) => form.set("status", e.currentTarget.value)}
          data={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`incidents.referralStatus.${s}`) }))}
        />
      </SimpleGrid>
      <Textarea label={t("incidents.fields.notes")} {...form.text("notes")} autosize minRows={2} />
    </FormModal>
  );
}
