// Calendar periods of days (YYYY-MM-DD), as PostgreSQL's date_trunc cuts them: weeks start on Monday (ISO),
// quarters in January, April, July and October. The server groups rollups by date_trunc and lays them on these.

export const PERIOD_UNITS = ["day", "week", "month", "quarter", "year"] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

const toUtc = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
}

/** The first day of the period that holds `day`. */
export function periodStart(day: string, unit: PeriodUnit): string {
  const d = toUtc(day);
  if (unit === "day") return day;
  if (unit === "week") return addDays(day, -((d.getUTCDay() + 6) % 7));
  const month =
    unit === "month" ? d.getUTCMonth() : unit === "quarter" ? d.getUTCMonth() - (d.getUTCMonth() % 3) : 0;
  return dayOf(new Date(Date.UTC(d.getUTCFullYear(), month, 1)));
}

/** The first day of the next period. */
export function nextPeriod(start: string, unit: PeriodUnit): string {
  if (unit === "day") return addDays(start, 1);
  if (unit === "week") return addDays(start, 7);
  const d = toUtc(start);
  const months = unit === "month" ? 1 : unit === "quarter" ? 3 : 12;
  return dayOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)));
}

/** The periods that meet [from, to], each clipped to it: { start (the period's own first day), from, to }. */
export function periodsBetween(from: string, to: string, unit: PeriodUnit) {
  const out: { start: string; from: string; to: string }[] = [];
  for (let start = periodStart(from, unit); start <= to; start = nextPeriod(start, unit)) {
    const last = addDays(nextPeriod(start, unit), -1);
    out.push({ start, from: start < from ? from : start, to: last > to ? to : last });
  }
  return out;
}

/** An ISO 8601 week, e.g. "2026-W48": Monday to Sunday, week 1 holding the year's first Thursday. */
export const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** The ISO week that holds `day`. */
export function isoWeekOf(day: string): string {
  const thursday = addDays(periodStart(day, "week"), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Monday and Sunday of an ISO week; null if there is no such week (e.g. "2025-W53"). */
export function isoWeekDays(week: string): { from: string; to: string } | null {
  const m = ISO_WEEK.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1) return null;
  // 4 January is always in week 1.
  const from = addDays(periodStart(`${m[1]}-01-04`, "week"), (n - 1) * 7);
  if (isoWeekOf(from) !== week || year < 1000) return null;
  return { from, to: addDays(from, 6) };
}

const dayNumber = (day: string) => Math.round(toUtc(day).getTime() / 86_400_000);
