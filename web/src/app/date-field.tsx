import { ActionIcon, Group, Popover, SimpleGrid, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useState, type CSSProperties, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { monthOf, parseTypedDay } from "../../../common/calendar-month";
import { addDays, formatMonth, formatNumber, formatWeekday, zonedDay } from "../../../common/dates";
import { useFormat } from "./use-format";

type Props = {
  label?: ReactNode;
  description?: ReactNode;
  /** An ISO day ("2026-11-20"), or empty / null for none. */
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  w?: number | string;
  "data-testid"?: string;
};

/** Libya's week starts on Saturday. */
const SATURDAY = 6;

/**
 * A day, typed or chosen, shown in the user's calendar (Gregorian or Hijri), language and digits — where the browser's
 * own date input shows "mm/dd/yyyy" in its own language and Gregorian only. The field reads a day typed as
 * 2026-11-20 or 20/11/2026 in either digits; its calendar pages through the months of the user's calendar.
 */
export function DateField({
  label,
  description,
  value,
  onChange,
  error,
  required,
  disabled,
  w,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const day = value || null;
  const shown = day ? format.date(day) : "";
  const [typing, setTyping] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState<string>(day ?? zonedDay(new Date()));
  const month = monthOf(page, format.prefs.calendar);
  const lead = (new Date(`${month.first}T00:00:00Z`).getUTCDay() - SATURDAY + 7) % 7;
  const today = zonedDay(new Date());
  const weekdays = Array.from({ length: 7 }, (_, i) => formatWeekday(addDays("2026-11-21", i), format.prefs));
  const choose = (chosen: string) => {
    onChange(chosen);
    setTyping(null);
    setOpen(false);
  };
  const cell: CSSProperties = { textAlign: "center", borderRadius: 6, padding: "6px 0" };
  return (
    <Popover
      opened={open}
      onChange={setOpen}
      position="bottom-end"
      shadow="md"
      withinPortal
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <TextInput
          label={label}
          description={description}
          error={error}
          required={required}
          disabled={disabled}
          w={w}
          value={typing ?? shown}
          placeholder={t("dateField.placeholder")}
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
              const typed = parseTypedDay(text);
              if (typed) {
                onChange(typed);
                setPage(typed);
              }
            }
          }}
          rightSection={
            <ActionIcon
              variant="subtle"
              aria-label={t("dateField.open")}
              disabled={disabled}
              onClick={() => {
                setPage(day ?? today);
                setOpen((o) => !o);
              }}
              data-testid={rest["data-testid"] ? `${rest["data-testid"]}-calendar` : undefined}
            >
              <CalendarGlyph />
            </ActionIcon>
          }
          data-testid={rest["data-testid"]}
        />
      </Popover.Target>
      <Popover.Dropdown p="xs" miw={260} data-testid="date-field-calendar">
        <Group justify="space-between" mb={6} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            aria-label={t("dateField.previous")}
            onClick={() => setPage(addDays(month.first, -1))}
          >
            <span aria-hidden>›</span>
          </ActionIcon>
          <Text fw={600} size="sm">
            {formatMonth(month.first, format.prefs)}
          </Text>
          <ActionIcon
            variant="subtle"
            aria-label={t("dateField.next")}
            onClick={() => setPage(addDays(month.last, 1))}
          >
            <span aria-hidden>‹</span>
          </ActionIcon>
        </Group>
        <SimpleGrid cols={7} spacing={2} verticalSpacing={2}>
          {weekdays.map((name) => (
            <Text key={name} size="xs" c="dimmed" ta="center">
              {name}
            </Text>
          ))}
          {Array.from({ length: lead }, (_, i) => (
            <span key={`lead-${i}`} />
          ))}
          {month.days.map((d) => (
            <UnstyledButton
              key={d.day}
              onClick={() => choose(d.day)}
              aria-label={format.date(d.day)}
              aria-pressed={d.day === day}
              style={{
                ...cell,
                background: d.day === day ? "var(--mantine-color-tansiq-7)" : undefined,
                color: d.day === day ? "white" : undefined,
                outline: d.day === today ? "1px solid var(--mantine-color-tansiq-5)" : undefined,
              }}
            >
              <Text size="sm" span>
                {formatNumber(d.number, format.prefs)}
              </Text>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </Popover.Dropdown>
    </Popover>
  );
}

function CalendarGlyph() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}
