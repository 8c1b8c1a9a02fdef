// Dates are stored in UTC and shown in Libya's time zone, in the user's calendar and digits.
// One module for the web and for anything the server renders (PDF, e-mail).

import type { Calendar, Language, Numerals } from "./enums";
import { TIME_ZONE } from "./enums";

export type DisplayPrefs = { language: Language; calendar: Calendar; numerals: Numerals };

const LOCALES: Record<Language, string> = { ar: "ar-LY", en: "en-GB" };
const ICU_CALENDARS: Record<Calendar, string> = { gregorian: "gregory", hijri: "islamic-umalqura" };

const DATE_PARTS: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric" };
const TIME_PARTS: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(prefs: DisplayPrefs, withTime: boolean, timeZone: string): Intl.DateTimeFormat {
  const key = `${prefs.language}|${prefs.calendar}|${prefs.numerals}|${withTime}|${timeZone}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALES[prefs.language], {
      ...DATE_PARTS,
      ...(withTime ? TIME_PARTS : {}),
      timeZone,
      calendar: ICU_CALENDARS[prefs.calendar],
      numberingSystem: prefs.numerals,
    });
    cache.set(key, found);
  }
  return found;
}

function toDate(value: string | Date): Date | null {
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Date and time, e.g. "30 نوفمبر 2026 في 00:30"; an unreadable value is returned as given. */
export function formatDateTime(
  value: string | Date,
  prefs: DisplayPrefs,
  timeZone: string = TIME_ZONE,
): string {
  const date = toDate(value);
  return date ? formatter(prefs, true, timeZone).format(date) : String(value);
}

/** The calendar day only. */
export function formatDate(value: string | Date, prefs: DisplayPrefs, timeZone: string = TIME_ZONE): string {
  const date = toDate(value);
  return date ? formatter(prefs, false, timeZone).format(date) : String(value);
}

// Numbers use "ar", not "ar-LY": with Western digits ar-LY groups thousands with a dot ("45.000"), which a reader
// takes for forty-five with three decimals (the dinar has three). "ar" writes 45,000 and ٤٥٬٠٠٠.
const NUMBER_LOCALES: Record<Language, string> = { ar: "ar", en: "en-GB" };

export function formatNumber(
  value: number,
  prefs: Pick<DisplayPrefs, "language" | "numerals">,
  maximumFractionDigits = 3,
): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[prefs.language], {
    numberingSystem: prefs.numerals,
    maximumFractionDigits,
  }).format(value);
}

/**
 * An amount as officials write it: «45٬000 د.ل» in Arabic, "LYD 45,000" in English; fractions only when there
 * are any (a dinar has up to three decimals). `symbol` is the currency's name in the reader's language.
 */
export function formatMoney(
  value: number,
  symbol: string,
  prefs: Pick<DisplayPrefs, "language" | "numerals">,
): string {
  const amount = formatNumber(value, prefs, 3);
  return prefs.language === "ar" ? `${amount}\u00a0${symbol}` : `${symbol}\u00a0${amount}`;
}

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = zoneFormatter("wall", timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day ("2026-11-30") starts in the zone; null when the text is not such a day. */
export function startOfZonedDay(day: string, timeZone: string = TIME_ZONE): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const midnightUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(midnightUtc)) return null;
  const guess = midnightUtc - zoneOffset(midnightUtc, timeZone);
  // A second pass settles days on which the offset changes (daylight saving).
  return new Date(midnightUtc - zoneOffset(guess, timeZone));
}

/** The last millisecond of a calendar day in the zone, for inclusive "to" filters. */
export function endOfZonedDay(day: string, timeZone: string = TIME_ZONE): Date | null {
  const start = startOfZonedDay(day, timeZone);
  if (!start) return null;
  const [year, month, date] = day.split("-").map(Number);
  const nextDay = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (date ?? 1) + 1)).toISOString().slice(0, 10);
  const next = startOfZonedDay(nextDay, timeZone);
  return next ? new Date(next.getTime() - 1) : null;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone (Africa/Tripoli by default). */
export function zonedDay(at: Date, timeZone: string = TIME_ZONE): string {
  return zoneFormatter("day", timeZone).format(at);
}

// Making an Intl.DateTimeFormat costs about a hundred times more than using one: one per use and zone.
const ZONE_FORMATS = {
  day: ["en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }],
  wall: [
    "en-US",
    {
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    },
  ],
} satisfies Record<string, [string, Intl.DateTimeFormatOptions]>;
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(use: keyof typeof ZONE_FORMATS, timeZone: string): Intl.DateTimeFormat {
  const key = `${use} ${timeZone}`;
  let found = zoneFormatters.get(key);
  if (!found) {
    const [locale, options] = ZONE_FORMATS[use];
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    zoneFormatters.set(key, found);
  }
  return found;
}

/** A YYYY-MM-DD day moved by whole days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The month and year that hold `day`, in the user's calendar, language and digits: «جمادى الأولى ١٤٤٨ هـ». */
export function formatMonth(day: string, prefs: DisplayPrefs): string {
  return new Intl.DateTimeFormat(LOCALES[prefs.language], {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
    calendar: ICU_CALENDARS[prefs.calendar],
    numberingSystem: prefs.numerals,
  }).format(new Date(`${day}T00:00:00Z`));
}

/** The short name of the weekday of `day` in the user's language: «السبت» / "Sat". */
export function formatWeekday(day: string, prefs: Pick<DisplayPrefs, "language">): string {
  return new Intl.DateTimeFormat(LOCALES[prefs.language], { weekday: "short", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
