import { NativeSelect, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CURRENCIES, NEED_CATEGORIES, NEED_PRIORITIES, SENSITIVITIES } from "../../../../common/enums";
import { LIMITS } from "../../../../common/limits";
import { NeedCreateBody } from "../../../../common/schemas/needs";
import { FormModal } from "../../app/form-modal";
import { serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { useCurrentUser } from "../auth";
import { useAgencyOptions } from "../agencies";
import { useCreateNeed } from "./needs-queries";

const FIELDS = [
  "category",
  "title",
  "description",
  "quantity",
  "unit",
  "unitCost",
  "currency",
  "priority",
  "justification",
  "responsibleAgencyId",
  "sensitivity",
] as const;

/** Files a need for the user's agency, as a draft. */
export function NeedFormModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const agencies = useAgencyOptions();
  const create = useCreateNeed();
  const form = useFormState({
    category: "equipment",
    title: "",
    description: "",
    quantity: "",
    unit: "",
    unitCost: "0",
    currency: "LYD",
    priority: "medium",
    justification: "",
    responsibleAgencyId: "",
    sensitivity: "internal",
  });

  const onSubmit = () => {
    const v = form.values;
    const checked = validate(NeedCreateBody, {
      ...v,
      agencyId: me.agencyId,
      quantity: v.quantity === "" ? undefined : Number(v.quantity),
      unitCost: v.unitCost === "" ? undefined : Number(v.unitCost),
      responsibleAgencyId: v.responsibleAgencyId || undefined,
    });
    if (!checked.ok) return form.setErrors(checked.errors);
    create.mutate(checked.data, {
      onSuccess: (need) => onCreated(need.id),
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };
  const select = (name: (typeof FIELDS)[number], values: readonly string[], prefix: string) => (
    <NativeSelect
      label={t(`needs.columns.${name}` as "needs.columns.category")}
      value={form.values[name]}
      onChange={(e) => form.set(name, e.currentTarget.value)}
      data={values.map((value) => ({
        value,
        label: prefix ? t(`${prefix}.${value}` as "needs.title") : value,
      }))}
      data-testid={`need-${name}`}
    />
  );

  return (
    <FormModal
      opened
      title={t("needs.createTitle")}
      onClose={onClose}
      onSubmit={onSubmit}
      isPending={create.isPending}
      error={create.error}
      fields={FIELDS}
    >
      <TextInput
        label={t("needs.columns.title")}
        {...form.text("title")}
        maxLength={LIMITS.name}
        required
        data-testid="need-title"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {select("category", NEED_CATEGORIES, "needs.category")}
        {select("priority", NEED_PRIORITIES, "needs.priority")}
        <TextInput
          label={t("needs.columns.quantity")}
          {...form.text("quantity")}
          inputMode="decimal"
          dir="ltr"
          required
          data-testid="need-quantity"
        />
        <TextInput label={t("needs.columns.unit")} {...form.text("unit")} required data-testid="need-unit" />
        <TextInput
          label={t("needs.columns.unitCost")}
          {...form.text("unitCost")}
          inputMode="decimal"
          dir="ltr"
          data-testid="need-unitCost"
        />
        {select("currency", CURRENCIES, "enums.currency")}
      </SimpleGrid>
      <NativeSelect
        label={t("needs.fields.responsibleAgencyId")}
        value={form.values.responsibleAgencyId}
        onChange={(e) => form.set("responsibleAgencyId", e.currentTarget.value)}
        error={form.errors.responsibleAgencyId}
        data={[{ value: "", label: "—" }, ...agencies]}
        required
        data-testid="need-responsible"
      />
      <Textarea
        label={t("needs.fields.justification")}
        {...form.text("justification")}
        autosize
        minRows={2}
      />
      <Textarea label={t("needs.fields.description")} {...form.text("description")} autosize minRows={2} />
      <NativeSelect
        label={t("needs.fields.sensitivity")}
        value={form.values.sensitivity}
        onChange={(e) => form.set("sensitivity", e.currentTarget.value)}
        data={SENSITIVITIES.map((s) => ({ value: s, label: t(`enums.sensitivity.${s}`) }))}
      />
    </FormModal>
  );
}
