import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { SENSITIVITIES, type Sensitivity } from "../../../../common/enums";
import { LIMITS } from "../../../../common/limits";
import type { FieldErrors } from "../../app/form-state";
import { AgencySelect } from "../agencies";
import { asDistrict, newKey, type MeetingDraft, type Span } from "./meeting-draft";
import { districtOptions } from "./meeting-labels";
import { DateField } from "../../app/date-field";
import { TimeField } from "../../app/time-field";

export type DraftChange = (update: (draft: MeetingDraft) => MeetingDraft) => void;

type Props = {
  draft: MeetingDraft;
  onChange: DraftChange;
  errors: FieldErrors;
  /** The agency of a saved meeting does not change. */
  canChooseAgency: boolean;
};

/** The meeting's own fields: titles, agency, day and times (Africa/Tripoli), place, host agency, summary. */
export function MeetingFields({ draft, onChange, errors, canChooseAgency }: Props) {
  const { t, i18n } = useTranslation();
  const set = <K extends keyof MeetingDraft>(name: K, value: MeetingDraft[K]) =>
    onChange((d) => ({ ...d, [name]: value }));
  const text = (name: "titleAr" | "titleEn" | "day" | "time" | "endTime" | "placeText") => ({
    value: draft[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(name, e.currentTarget.value),
  });
  /** Props for the day and time fields (their value, or null for none). */
  const when = (name: "day" | "time" | "endTime") => ({
    value: draft[name],
    onChange: (value: string | null) => set(name, value ?? ""),
  });
  return (
    <Stack gap="sm">
      <TextInput
        label={t("meetingPages.fields.titleAr")}
        {...text("titleAr")}
        error={errors.titleAr}
        maxLength={LIMITS.name}
        required
        dir="rtl"
        data-testid="meeting-titleAr"
      />
      <TextInput
        label={t("meetingPages.fields.titleEn")}
        {...text("titleEn")}
        error={errors.titleEn}
        maxLength={LIMITS.name}
        dir="ltr"
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField
          label={t("meetingPages.fields.day")}
          {...when("day")}
          error={errors.startsAt}
          required
          data-testid="meeting-day"
        />
        <TimeField label={t("meetingPages.fields.time")} {...when("time")} data-testid="meeting-time" />
        <TimeField label={t("meetingPages.fields.endTime")} {...when("endTime")} error={errors.endsAt} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {canChooseAgency ? (
          <AgencySelect
            label={t("meetingPages.fields.agency")}
            value={draft.agencyId}
            onChange={(v) => set("agencyId", v ?? "")}
            error={errors.agencyId}
            required
            data-testid="meeting-agency"
          />
        ) : null}
        <AgencySelect
          label={t("meetingPages.fields.hostAgency")}
          value={draft.hostAgencyId}
          onChange={(v) => set("hostAgencyId", v)}
          error={errors.hostAgencyId}
          clearable
        />
        <NativeSelect
          label={t("meetingPages.fields.district")}
          value={draft.districtPcode ?? ""}
          onChange={(e) => set("districtPcode", asDistrict(e.currentTarget.value || null))}
          data={[{ value: "", label: "—" }, ...districtOptions(i18n.language === "en" ? "en" : "ar")]}
          error={errors.districtPcode}
          data-testid="meeting-district"
        />
        <TextInput
          label={t("meetingPages.fields.place")}
          {...text("placeText")}
          error={errors.placeText}
          maxLength={LIMITS.name}
        />
        <NativeSelect
          label={t("meetings.sensitivity")}
          value={draft.sensitivity}
          onChange={(e) => set("sensitivity", e.currentTarget.value as Sensitivity)}
          data={SENSITIVITIES.map((s) => ({ value: s, label: t(`enums.sensitivity.${s}`) }))}
        />
      </SimpleGrid>
      <Textarea
        label={t("meetings.summary")}
        value={draft.summary}
        onChange={(e) => set("summary", e.currentTarget.value)}
        error={errors.summary}
        autosize
        minRows={2}
        maxLength={LIMITS.text}
      />
    </Stack>
  );
}

/** The agenda: items in order, each editable and removable. */
export function AgendaEditor({
  draft,
  onChange,
  errors,
  onFocusSpan,
}: {
  draft: MeetingDraft;
  onChange: DraftChange;
  errors: FieldErrors;
  onFocusSpan?: (span: Span | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="agenda-editor">
      {draft.agenda.map((item, i) => (
        <Group key={item.key} gap="xs" wrap="nowrap" align="flex-start">
          <Textarea
            aria-label={t("meetingPages.agendaItem", { n: i + 1 })}
            value={item.text}
            onChange={(e) => {
              const value = e.currentTarget.value;
              onChange((d) => ({
                ...d,
                agenda: d.agenda.map((a) => (a.key === item.key ? { ...a, text: value } : a)),
              }));
            }}
            onFocus={() => onFocusSpan?.(item.span)}
            error={errors[`agenda.${i}`]}
            autosize
            minRows={1}
            style={{ flex: 1 }}
            maxLength={LIMITS.text}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={6}
            aria-label={t("meetingPages.remove")}
            onClick={() => onChange((d) => ({ ...d, agenda: d.agenda.filter((a) => a.key !== item.key) }))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() =>
            onChange((d) => ({ ...d, agenda: [...d.agenda, { key: newKey("a"), text: "", span: null }] }))
          }
        >
          {t("meetingPages.addAgendaItem")}
        </Button>
      </Group>
    </Stack>
  );
}
