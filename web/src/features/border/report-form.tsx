import { NativeSelect, NumberInput, SimpleGrid, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BORDER_FIGURES, BORDER_SHIFTS, type BorderFigure } from "../../../../common/enums";
import { zonedDay } from "../../../../common/dates";
import {
  BorderReportCreateBody,
  BorderReportUpdateBody,
  type BorderReport,
} from "../../../../common/schemas/border";
import { FormModal } from "../../app/form-modal";
import { serverFieldErrors, validate, type FieldErrors } from "../../app/form-state";
import { useSaveReport } from "./border-queries";
import { DateField } from "../../app/date-field";

type Props = {
  crossingId: string;
  /** The report to edit (a draft, or an approved one leadership corrects); null for a new one. */
  report: BorderReport | null;
  onClose: () => void;
  onSaved: (report: BorderReport) => void;
};

const FIELDS = ["day", "shift", ...BORDER_FIGURES, "notes", "reason"] as const;

/** A shift's figures, entered on a phone: two numbers a row, the day and shift first, a reason for a correction. */
export function ReportForm({ crossingId, report, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const save = useSaveReport();
  const correcting = report?.status === "approved";
  const [day, setDay] = useState(report?.day ?? zonedDay(new Date()));
  const [shift, setShift] = useState<string>(report?.shift ?? "morning");
  const [figures, setFigures] = useState<Record<BorderFigure, number | string>>(
    () =>
      Object.fromEntries(BORDER_FIGURES.map((f) => [f, report ? report[f] : ""])) as Record<
        BorderFigure,
        string
      >,
  );
  const [notes, setNotes] = useState(report?.notes ?? "");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const shown = { ...serverFieldErrors(save.error), ...errors };

  const submit = () => {
    const numbers = Object.fromEntries(
      BORDER_FIGURES.map((f) => [f, figures[f] === "" ? 0 : Number(figures[f])]),
    ) as Record<BorderFigure, number>;
    const checked = report
      ? validate(BorderReportUpdateBody, { ...numbers, notes, ...(correcting ? { reason } : {}) })
      : validate(BorderReportCreateBody, { crossingId, day, shift, ...numbers, notes });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    save.mutate(
      report
        ? { id: report.id, body: checked.data as BorderReportUpdateBody }
        : { id: null, body: checked.data as BorderReportCreateBody },
      { onSuccess: onSaved },
    );
  };

  return (
    <FormModal
      opened
      title={t(report ? (correcting ? "border.correctTitle" : "border.editTitle") : "border.newTitle")}
      onClose={onClose}
      onSubmit={submit}
      isPending={save.isPending}
      error={save.error}
      fields={FIELDS}
    >
      <SimpleGrid cols={2} spacing="sm">
        <DateField
          label={t("fields.day")}
          value={day}
          disabled={report !== null}
          onChange={(v) => setDay(v ?? "")}
          error={shown.day}
          data-testid="border-day"
        />
        <NativeSelect
          label={t("fields.shift")}
          value={shift}
          disabled={report !== null}
          onChange={(e) => setShift(e.currentTarget.value)}
          data={BORDER_SHIFTS.map((s) => ({ value: s, label: t(`enums.borderShift.${s}`) }))}
          error={shown.shift}
          data-testid="border-shift"
        />
        {BORDER_FIGURES.map((f) => (
          <NumberInput
            key={f}
            label={t(`fields.${f}`)}
            value={figures[f]}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            inputMode="numeric"
            onChange={(value) => setFigures((v) => ({ ...v, [f]: value }))}
            error={shown[f]}
            data-testid={`border-${f}`}
          />
        ))}
      </SimpleGrid>
      <Textarea
        label={t("fields.notes")}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={shown.notes}
        autosize
        minRows={2}
      />
      {correcting ? (
        <TextInput
          label={t("fields.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={shown.reason}
          required
          data-testid="border-reason"
        />
      ) : null}
    </FormModal>
  );
}
