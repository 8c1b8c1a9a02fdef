// A month of the user's calendar (Gregorian or Hijri Umm al-Qura) as Gregorian days, for a date picker: ICU
// names each day's year, month and day in that calendar, and a month is the run of days it gives one month.

import { toWesternDigits } from "./arabic";
import { addDays } from "./dates";
import type { Calendar } from "./enums";

const ICU: Record<Calendar, string> = { gregorian: "gregory", hijri: "islamic-umalqura" };
const parts = new Map<Calendar, Intl.DateTimeFormat>();

/** A day (ISO, Gregorian) as its year, month and day in `calendar`. */
export function calendarParts(day: string, calendar: Calendar): { year: number; month: number; day: number } {
  let format = parts.get(calendar);
  if (!format) {
    format = new Intl.DateTimeFormat("en-u-nu-latn", {
      calendar: ICU[calendar],
      timeZone: "UTC",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    parts.set(calendar, format);
  }
  const out = { year: 0, month: 0, day: 0 };
  for (const p of format.formatToParts(new Date(`${day}T00:00:00Z`)))
    if (p.type === "year" || p.type === "month" || p.type === "day")
      out[p.type] = Number.parseInt(p.value, 10);
  return out;
}

export type CalendarMonth = {
  /** The month's days, first to last, as ISO Gregorian days with their number in the calendar. */
  days: { day: string; number: number }[];
  first: string;
  last: string;
};

/** The month of `calendar` that holds `day`. */
export function monthOf(day: string, calendar: Calendar): CalendarMonth {
  const first = addDays(day, 1 - calendarParts(day, calendar).day);
  const { month } = calendarParts(first, calendar);
  const days: CalendarMonth["days"] = [];
  for (let d = first; calendarParts(d, calendar).month === month && days.length < 32; d = addDays(d, 1))
    days.push({ day: d, number: calendarParts(d, calendar).day });
  return { days, first, last: days[days.length - 1]!.day };
}

/**
 * A day typed by hand, as ISO: "2026-11-20", "20/11/2026" or "20-11-2026" (Gregorian), in Western or Arabic-Indic
 * digits; null when it is not a real day.
 */
export function parseTypedDay(text: string): string | null {
  const t = toWesternDigits(text).trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}
