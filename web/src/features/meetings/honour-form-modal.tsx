import { NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { zonedDay } from "../../../../common/dates";
import { HONOUR_KINDS, SENSITIVITIES } from "../../../../common/enums";
import { LIMITS } from "../../../../common/limits";
import { HonourCreateBody } from "../../../../common/schemas/meetings";
import { FormModal } from "../../app/form-modal";
import { serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { AgencySelect } from "../agencies";
import { useCurrentUser } from "../auth";
import { PersonSelect } from "../personnel";
import { useCreateHonour } from "./meetings-queries";
import { DateField } from "../../app/date-field";

const FIELDS = [
  "kind",
  "title",
  "reason",
  "awardedOn",
  "recipientPersonId",
  "recipientAgencyId",
  "recipientName",
  "recipientTitle",
  "giverName",
  "agencyId",
  "sensitivity",
] as const;

type RecipientKind = "person" | "agency" | "guest";

/** An honour given outside a recorded meeting: to a person in the register, an agency, or a guest by name. */
export function HonourFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const create = useCreateHonour();
  const form = useFormState({
    kind: "certificate",
    title: "",
    reason: "",
    awardedOn: zonedDay(new Date()),
    recipient: "person",
    recipientPersonId: "",
    recipientAgencyId: "",
    recipientName: "",
    recipientTitle: "",
    giverName: "",
    agencyId: me.agencyId,
    sensitivity: "internal",
  });
  const v = form.values;
  const recipient = v.recipient as RecipientKind;
  const submit = () => {
    const checked = validate(HonourCreateBody, {
      kind: v.kind,
      title: v.title,
      reason: v.reason,
      awardedOn: v.awardedOn,
      recipientPersonId: recipient === "person" ? v.recipientPersonId || null : null,
      recipientAgencyId: recipient === "agency" ? v.recipientAgencyId || null : null,
      recipientName: recipient === "guest" ? v.recipientName : null,
      recipientTitle: v.recipientTitle,
      giverName: v.giverName,
      agencyId: v.agencyId,
      sensitivity: v.sensitivity,
    });
    if (!checked.ok) return form.setErrors(checked.errors);
    create.mutate(checked.data, {
      onSuccess: onClose,
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };
  return (
    <FormModal
      opened
      title={t("meetingPages.newHonour")}
      onClose={onClose}
      onSubmit={submit}
      isPending={create.isPending}
      error={create.error}
      fields={FIELDS}
    >
      <HonourBasicsFields form={form} />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t("meetingPages.fields.recipient")}
        </Text>
        <SegmentedControl
          value={recipient}
          onChange={(value) => form.set("recipient", value)}
          data={[
            { value: "person", label: t("meetingPages.recipientPerson") },
            { value: "agency", label: t("meetingPages.recipientAgency") },
            { value: "guest", label: t("meetingPages.guest") },
          ]}
        />
        {recipient === "person" ? (
          <PersonSelect
            value={v.recipientPersonId || null}
            onChange={(person) => form.set("recipientPersonId", person?.id ?? "")}
          />
        ) : null}
        {recipient === "agency" ? (
          <AgencySelect
            value={v.recipientAgencyId || null}
            onChange={(id) => form.set("recipientAgencyId", id ?? "")}
            error={form.errors.recipientAgencyId}
          />
        ) : null}
        {recipient === "guest" ? (
          <TextInput
            aria-label={t("meetingPages.fields.recipientName")}
            placeholder={t("meetingPages.fields.recipientName")}
            {...form.text("recipientName")}
            maxLength={LIMITS.name}
          />
        ) : null}
        {recipient !== "guest" && (form.errors.recipientName ?? form.errors.recipientPersonId) ? (
          <Text size="xs" c="red">
            {form.errors.recipientName ?? form.errors.recipientPersonId}
          </Text>
        ) : null}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("meetingPages.fields.recipientTitle")}
          {...form.text("recipientTitle")}
          maxLength={LIMITS.name}
        />
        <TextInput
          label={t("meetingPages.fields.giverName")}
          {...form.text("giverName")}
          maxLength={LIMITS.name}
        />
        <AgencySelect
          label={t("meetingPages.fields.agency")}
          value={v.agencyId}
          onChange={(id) => form.set("agencyId", id ?? "")}
          error={form.errors.agencyId}
        />
        <NativeSelect
          label={t("meetings.sensitivity")}
          value={v.sensitivity}
          onChange={(e) => form.set("sensitivity", e.currentTarget.value)}
          data={SENSITIVITIES.map((s) => ({ value: s, label: t(`enums.sensitivity.${s}`) }))}
        />
      </SimpleGrid>
      <Textarea label={t("meetingPages.fields.reason")} {...form.text("reason")} autosize minRows={2} />
    </FormModal>
  );
}

type HonourBasics = { kind: string; awardedOn: string; title: string };

/** What every honour form asks first: the kind, the day and the honour's title. */
export function HonourBasicsFields<V extends HonourBasics & Record<string, string>>({
  form,
}: {
  form: ReturnType<typeof useFormState<V>>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("meetingPages.fields.kind")}
          value={form.values.kind}
          onChange={(e) => form.set("kind", e.currentTarget.value)}
          data={HONOUR_KINDS.map((k) => ({ value: k, label: t(`enums.honourKind.${k}`) }))}
        />
        <DateField label={t("fields.awardedOn")} {...form.choice("awardedOn")} required />
      </SimpleGrid>
      <TextInput
        label={t("meetingPages.fields.honourTitle")}
        {...form.text("title")}
        maxLength={LIMITS.name}
        required
      />
    </>
  );
}
