// What every document needs to know about its reader: language, digits, and the labels and dates in
// them. Labels come from common/i18n (the `documents` section), dates from common/dates.

import type { Language, Numerals } from "../../common/enums";
import { TIME_ZONE } from "../../common/enums";
import { formatDate, formatNumber, startOfZonedDay } from "../../common/dates";
import { translate } from "../http/i18n";

export type DocumentOptions = {
  /** Arabic by default. */
  language?: Language;
  /** Western digits by default (as in Libya); "arab" for Arabic-Indic. */
  numerals?: Numerals;
};

export type DocumentContext = {
  language: Language;
  numerals: Numerals;
  dir: "rtl" | "ltr";
  /** A label from the `documents` section of the catalogues. */
  t(key: string, params?: Record<string, string | number>): string;
  /** Gregorian calendar day in Africa/Tripoli, e.g. "14 يناير 2024". */
  date(value: string | Date): string;
  /** Hijri (Umm al-Qura) calendar day, e.g. "2 رجب 1445 هـ". */
  hijri(value: string | Date): string;
  /** Weekday in Africa/Tripoli, e.g. "الأحد". */
  weekday(value: string | Date): string;
  /** Wall-clock time in Africa/Tripoli, e.g. "10:30". */
  time(value: string | Date): string;
  number(value: number): string;
};

const LOCALES: Record<Language, string> = { ar: "ar-LY", en: "en-GB" };

/** A calendar day ("2024-01-14") is that day in Libya; anything else is an instant. */
function instant(value: string | Date): Date {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = startOfZonedDay(value);
    if (start) return new Date(start.getTime() + 12 * 3600_000);
  }
  return typeof value === "string" ? new Date(value) : value;
}

export function documentContext(options: DocumentOptions = {}): DocumentContext {
  const language = options.language ?? "ar";
  const numerals = options.numerals ?? "latn";
  const zoned = (parts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(LOCALES[language], { ...parts, timeZone: TIME_ZONE, numberingSystem: numerals });
  const weekdays = zoned({ weekday: "long" });
  const times = zoned({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const valid = (value: string | Date, show: (d: Date) => string) => {
    const d = instant(value);
    return Number.isNaN(d.getTime()) ? String(value) : show(d);
  };
  return {
    language,
    numerals,
    dir: language === "ar" ? "rtl" : "ltr",
    t: (key, params) => translate(language, `documents.${key}`, params),
    date: (value) => formatDate(instant(value), { language, calendar: "gregorian", numerals }),
    hijri: (value) => formatDate(instant(value), { language, calendar: "hijri", numerals }),
    weekday: (value) => valid(value, (d) => weekdays.format(d)),
    time: (value) => valid(value, (d) => times.format(d)),
    number: (value) => formatNumber(value, { language, numerals }),
  };
}
