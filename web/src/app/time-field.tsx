import { TextInput } from "@mantine/core";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { toWesternDigits } from "../../../common/arabic";
import { useFormat } from "./use-format";

type Props = {
  label?: ReactNode;
  /** "HH:MM" on the 24-hour clock (Africa/Tripoli), or empty / null for none. */
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  "data-testid"?: string;
};

/** "22:15", "٢٢:١٥" or "2215" as "22:15"; null when it is no time of day. */
export function parseTypedTime(text: string): string | null {
  const match = /^(\d{1,2}):?(\d{2})$/.exec(toWesternDigits(text).trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/**
 * A time of day on the 24-hour clock, in the user's digits — where the browser's own time input shows "10:00 AM" in
 * its own language.
 */
export function TimeField({ label, value, onChange, error, required, disabled, ...rest }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const time = value || null;
  const shown = time
    ? time
        .split(":")
        .map((part) => format.number(Number(part)).padStart(2, format.number(0)))
        .join(":")
    : "";
  const [typing, setTyping] = useState<string | null>(null);
  return (
    <TextInput
      label={label}
      error={error}
      required={required}
      disabled={disabled}
      value={typing ?? shown}
      placeholder={t("dateField.timePlaceholder")}
      inputMode="numeric"
      dir="ltr"
      onFocus={(e) => {
        setTyping(shown);
        e.currentTarget.select();
      }}
      onBlur={() => setTyping(null)}
      onChange={(e) => {
        const text = e.currentTarget.value;
        setTyping(text);
        if (text.trim() === "") onChange(null);
        else {
          const typed = parseTypedTime(text);
          if (typed) onChange(typed);
        }
      }}
      data-testid={rest["data-testid"]}
    />
  );
}
