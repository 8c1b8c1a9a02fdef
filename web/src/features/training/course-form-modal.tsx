import { NativeSelect, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { addDays, zonedDay } from "../../../../common/dates";
import { TRAINING_KINDS, TRAINING_PROVIDERS, TRAINING_TOPICS } from "../../../../common/enums";
import type { Need } from "../../../../common/schemas/needs";
import { CourseCreateBody } from "../../../../common/schemas/training";
import { api, type Paged } from "../../app/api-client";
import { FormModal } from "../../app/form-modal";
import { orNull, serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { useCreateCourse } from "./training-queries";
import { DateField } from "../../app/date-field";
import { TimeField } from "../../app/time-field";

const FIELDS = [
  "kind",
  "topic",
  "titleAr",
  "titleEn",
  "providerKind",
  "providerName",
  "place",
  "startsOn",
  "endsOn",
  "capacity",
  "certificateValidMonths",
  "needId",
  "sessions",
] as const;

/** One session a day from the first day to the last, at the same hours (Libya's time, UTC+2). */
function dailySessions(startsOn: string, endsOn: string, from: string, to: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn) || !/^\d{4}-\d{2}-\d{2}$/.test(endsOn) || startsOn > endsOn)
    return [];
  const days: string[] = [];
  for (let day = startsOn; day <= endsOn && days.length < 60; day = addDays(day, 1)) days.push(day);
  return days.map((day) => ({
    startsAt: `${day}T${from}:00+02:00`,
    endsAt: `${day}T${to}:00+02:00`,
    titleAr: null,
  }));
}

/** A new course or workshop in the catalogue, with a session each day. */
export function CourseFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCourse();
  const today = zonedDay(new Date());
  const form = useFormState({
    kind: "course",
    topic: "anti_smuggling",
    titleAr: "",
    titleEn: "",
    providerKind: "ministry",
    providerName: "",
    place: "",
    startsOn: addDays(today, 7),
    endsOn: addDays(today, 9),
    from: "09:00",
    to: "13:00",
    capacity: "20",
    certificateValidMonths: "",
    needId: "",
  });
  const v = form.values;
  /** Props for a NativeSelect bound to a form value. */
  const select = (name: keyof typeof v) => ({
    value: v[name],
    error: form.errors[name],
    onChange: (event: ChangeEvent<HTMLSelectElement>) => form.set(name, event.currentTarget.value),
  });
  const trainingNeeds = useQuery({
    queryKey: ["needs", "list", { category: "training", pageSize: 100 }],
    queryFn: () =>
      api.get<Paged<Need>>("/api/v1/needs", { category: "training", pageSize: 100 }).then((r) => r.data),
    enabled: opened,
  });
  const submit = () => {
    const checked = validate(CourseCreateBody, {
      kind: v.kind,
      topic: v.topic,
      titleAr: v.titleAr,
      titleEn: orNull(v.titleEn),
      providerKind: v.providerKind,
      providerName: orNull(v.providerName),
      place: v.place,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      capacity: Number(v.capacity),
      certificateValidMonths: v.certificateValidMonths ? Number(v.certificateValidMonths) : null,
      needId: v.needId || null,
      sessions: dailySessions(v.startsOn, v.endsOn, v.from, v.to),
    });
    if (!checked.ok) return form.setErrors(checked.errors);
    create.mutate(checked.data, {
      onSuccess: () => {
        form.reset();
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };
  const options = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as "enums.trainingKind.course") }));
  return (
    <FormModal
      opened={opened}
      title={t("trainingPages.newCourse")}
      onClose={onClose}
      onSubmit={submit}
      isPending={create.isPending}
      error={create.error}
      fields={FIELDS}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("fields.kind")}
          data={options(TRAINING_KINDS, "enums.trainingKind")}
          {...select("kind")}
        />
        <NativeSelect
          label={t("fields.topic")}
          data={options(TRAINING_TOPICS, "enums.trainingTopic")}
          {...select("topic")}
          data-testid="course-topic"
        />
      </SimpleGrid>
      <TextInput label={t("fields.titleAr")} required {...form.text("titleAr")} data-testid="course-title" />
      <TextInput label={t("fields.titleEn")} {...form.text("titleEn")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("fields.providerKind")}
          data={options(TRAINING_PROVIDERS, "enums.trainingProvider")}
          {...select("providerKind")}
        />
        <TextInput label={t("fields.providerName")} {...form.text("providerName")} />
      </SimpleGrid>
      <TextInput label={t("fields.place")} required {...form.text("place")} data-testid="course-place" />
      <SimpleGrid cols={{ base: 2 }}>
        <DateField label={t("fields.startsOn")} {...form.choice("startsOn")} data-testid="course-starts" />
        <DateField label={t("fields.endsOn")} {...form.choice("endsOn")} data-testid="course-ends" />
        <TimeField label={t("trainingPages.sessionFrom")} {...form.choice("from")} />
        <TimeField label={t("trainingPages.sessionTo")} {...form.choice("to")} />
        <TextInput
          type="number"
          label={t("fields.capacity")}
          min={1}
          {...form.text("capacity")}
          data-testid="course-capacity"
        />
        <TextInput
          type="number"
          label={t("fields.certificateValidMonths")}
          min={1}
          {...form.text("certificateValidMonths")}
        />
      </SimpleGrid>
      <NativeSelect
        label={t("fields.needId")}
        data={[
          { value: "", label: t("trainingPages.noNeed") },
          ...(trainingNeeds.data ?? []).map((n) => ({ value: n.id, label: n.title })),
        ]}
        {...select("needId")}
      />
      {form.errors.sessions ? (
        <Text size="sm" c="red">
          {form.errors.sessions}
        </Text>
      ) : null}
    </FormModal>
  );
}
