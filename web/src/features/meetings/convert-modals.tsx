import { NativeSelect, SimpleGrid, Text, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  NEED_CATEGORIES,
  NEED_PRIORITIES,
  TASK_PRIORITIES,
  type CommitmentTopic,
  type NeedCategory,
} from "../../../../common/enums";
import { LIMITS } from "../../../../common/limits";
import {
  CommitmentToNeedBody,
  CommitmentToTaskBody,
  type Commitment,
} from "../../../../common/schemas/meetings";
import { FormModal } from "../../app/form-modal";
import { serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { AgencySelect } from "../agencies";
import { useConvertToNeed, useConvertToTask } from "./meetings-queries";
import { DateField } from "../../app/date-field";

type Props = { commitment: Commitment; onClose: () => void; onDone: (id: string) => void };

/** A title proposed from the commitment's text (the first line, cut to a title's length). */
function titleFrom(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= LIMITS.name ? line : `${line.slice(0, LIMITS.name - 1)}…`;
}

/** The need category a topic suggests (the server does the same when none is given). */
const CATEGORY_OF: Partial<Record<CommitmentTopic, NeedCategory>> = {
  legislation: "legislation",
  training: "training",
};

const TASK_FIELDS = ["titleAr", "titleEn", "description", "priority", "dueOn"] as const;

/** Converts a commitment to a task led by its owner agency; the new task opens. */
export function ConvertToTaskModal({ commitment: c, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const convert = useConvertToTask();
  const form = useFormState({
    titleAr: titleFrom(c.text),
    titleEn: "",
    // The whole text goes in the description only when the title had to be cut.
    description: titleFrom(c.text) === c.text.trim() ? "" : c.text,
    priority: "normal",
    dueOn: c.dueOn ?? "",
  });
  const submit = () => {
    const checked = validate(CommitmentToTaskBody, { ...form.values, dueOn: form.values.dueOn || null });
    if (!checked.ok) return form.setErrors(checked.errors);
    convert.mutate(
      { id: c.id, body: checked.data },
      {
        onSuccess: ({ task }) => onDone(task.id),
        onError: (error) => form.setErrors(serverFieldErrors(error)),
      },
    );
  };
  return (
    <FormModal
      opened
      title={t("meetingPages.convertToTask")}
      onClose={onClose}
      onSubmit={submit}
      isPending={convert.isPending}
      error={convert.error}
      fields={TASK_FIELDS}
      submitLabel={t("meetingPages.convertToTask")}
    >
      <Text size="sm" c="dimmed">
        {t("meetingPages.convertTaskHint")}
      </Text>
      <TextInput
        label={t("fields.titleAr")}
        {...form.text("titleAr")}
        maxLength={LIMITS.name}
        data-testid="convert-task-title"
      />
      <TextInput label={t("fields.titleEn")} {...form.text("titleEn")} maxLength={LIMITS.name} dir="ltr" />
      <Textarea label={t("fields.description")} {...form.text("description")} autosize minRows={2} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("fields.priority")}
          value={form.values.priority}
          onChange={(e) => form.set("priority", e.currentTarget.value)}
          data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`enums.priority.${p}`) }))}
        />
        <DateField label={t("meetingPages.fields.dueOn")} {...form.choice("dueOn")} />
      </SimpleGrid>
    </FormModal>
  );
}

const NEED_FIELDS = [
  "category",
  "title",
  "quantity",
  "unit",
  "unitCost",
  "priority",
  "justification",
  "responsibleAgencyId",
] as const;

/** Converts a commitment to a need filed by the meeting's agency and asked of the owner agency; the need opens. */
export function ConvertToNeedModal({ commitment: c, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const convert = useConvertToNeed();
  const form = useFormState({
    category: (c.topic && CATEGORY_OF[c.topic]) ?? "other",
    title: titleFrom(c.text),
    quantity: "1",
    unit: "",
    unitCost: "0",
    priority: "medium",
    justification: c.text,
    responsibleAgencyId: c.ownerAgencyId ?? "",
  });
  const v = form.values;
  const submit = () => {
    const checked = validate(CommitmentToNeedBody, {
      ...v,
      quantity: v.quantity === "" ? undefined : Number(v.quantity),
      unitCost: v.unitCost === "" ? undefined : Number(v.unitCost),
      responsibleAgencyId: v.responsibleAgencyId || undefined,
    });
    if (!checked.ok) return form.setErrors(checked.errors);
    convert.mutate(
      { id: c.id, body: checked.data },
      {
        onSuccess: ({ need }) => onDone(need.id),
        onError: (error) => form.setErrors(serverFieldErrors(error)),
      },
    );
  };
  return (
    <FormModal
      opened
      title={t("meetingPages.convertToNeed")}
      onClose={onClose}
      onSubmit={submit}
      isPending={convert.isPending}
      error={convert.error}
      fields={NEED_FIELDS}
      submitLabel={t("meetingPages.convertToNeed")}
    >
      <TextInput
        label={t("needs.columns.title")}
        {...form.text("title")}
        maxLength={LIMITS.name}
        data-testid="convert-need-title"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("needs.columns.category")}
          value={v.category}
          onChange={(e) => form.set("category", e.currentTarget.value)}
          data={NEED_CATEGORIES.map((x) => ({ value: x, label: t(`needs.category.${x}`) }))}
        />
        <NativeSelect
          label={t("needs.columns.priority")}
          value={v.priority}
          onChange={(e) => form.set("priority", e.currentTarget.value)}
          data={NEED_PRIORITIES.map((x) => ({ value: x, label: t(`needs.priority.${x}`) }))}
        />
        <TextInput
          label={t("needs.columns.quantity")}
          {...form.text("quantity")}
          inputMode="decimal"
          dir="ltr"
          required
        />
        <TextInput
          label={t("needs.columns.unit")}
          {...form.text("unit")}
          required
          data-testid="convert-need-unit"
        />
        <TextInput
          label={t("needs.columns.unitCost")}
          {...form.text("unitCost")}
          inputMode="decimal"
          dir="ltr"
        />
      </SimpleGrid>
      <AgencySelect
        label={t("needs.fields.responsibleAgencyId")}
        value={v.responsibleAgencyId || null}
        onChange={(id) => form.set("responsibleAgencyId", id ?? "")}
        error={form.errors.responsibleAgencyId}
        clearable
      />
      <Textarea
        label={t("needs.fields.justification")}
        {...form.text("justification")}
        autosize
        minRows={2}
      />
    </FormModal>
  );
}
