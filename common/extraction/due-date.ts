// The due date a commitment's own words give: a deadline date («بحلول 31 مارس 2024», «قبل 2024-03-31»),
// a period from the meeting («خلال أسبوعين», «خلال 30 يوماً», «خلال ثلاثة أشهر») or an end («قبل نهاية
// العام», «نهاية شهر مارس»). A proposal only: the reviewer keeps, changes or clears it.

import { MONTHS } from "./lexicon";
import { bare, tokenize, type Token } from "./tokens";

const DEADLINE = new Set(["بحلول", "قبل", "حتي", "اقصاه", "موعد", "غايه", "لغايه", "مهله"]);
const WITHIN = new Set(["خلال", "غضون", "مده"]);
const END = new Set(["نهايه", "اخر"]);
/** Number words up to twelve, folded (ة → ه), as periods are written. */
const NUMBER_WORDS: Record<string, number> = {
  واحد: 1,
  اثنين: 2,
  ثلاث: 3,
  ثلاثه: 3,
  اربع: 4,
  اربعه: 4,
  خمس: 5,
  خمسه: 5,
  سته: 6,
  ست: 6,
  سبع: 7,
  سبعه: 7,
  ثماني: 8,
  ثمانيه: 8,
  تسع: 9,
  تسعه: 9,
  عشر: 10,
  عشره: 10,
};
/** Period words (single, dual, plural) → [days, months]. */
const UNITS: Record<string, { days?: number; months?: number; count?: number }> = {
  يوم: { days: 1 },
  يوما: { days: 1 },
  ايام: { days: 1 },
  يومين: { days: 1, count: 2 },
  اسبوع: { days: 7 },
  اسابيع: { days: 7 },
  اسبوعين: { days: 7, count: 2 },
  شهر: { months: 1 },
  اشهر: { months: 1 },
  شهور: { months: 1 },
  شهرين: { months: 1, count: 2 },
  عام: { months: 12 },
  سنه: { months: 12 },
};

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};
const parts = (day: string) => day.split("-").map(Number) as [number, number, number];
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function later(meetingDay: string, unit: { days?: number; months?: number }, count: number): string {
  const [y, m, d] = parts(meetingDay);
  if (unit.days) return ymd(y, m, d + unit.days * count);
  const months = (unit.months ?? 0) * count;
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const ty = target.getUTCFullYear();
  const tm = target.getUTCMonth() + 1;
  return ymd(ty, tm, Math.min(d, lastDay(ty, tm)));
}

/** A month named at tokens[i] (one or two words), with how many tokens it took. */
function monthAt(tokens: Token[], i: number): [number, number] | null {
  const one = tokens[i] ? (MONTHS[tokens[i]!.fold] ?? MONTHS[bare(tokens[i]!.fold)]) : undefined;
  if (one) return [one, 1];
  const two = tokens[i + 1] ? MONTHS[`${tokens[i]!.fold} ${tokens[i + 1]!.fold}`] : undefined;
  return two ? [two, 2] : null;
}

/** «31 مارس 2024», «31 مارس» (the next one after the meeting), 2024-03-31 or 31/03/2024 at tokens[i]. */
function dateAt(src: string, tokens: Token[], i: number, meetingDay: string | null): string | null {
  const t = tokens[i];
  if (!t) return null;
  const numeric = /^(\d{4})-(\d{2})-(\d{2})|^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(src.slice(t.start));
  if (numeric)
    return numeric[1]
      ? ymd(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]))
      : ymd(Number(numeric[6]), Number(numeric[5]), Number(numeric[4]));
  if (!/^\d{1,2}$/.test(t.fold)) return null;
  const month = monthAt(tokens, i + 1);
  if (!month) return null;
  const yearToken = tokens[i + 1 + month[1]];
  if (yearToken && /^\d{4}$/.test(yearToken.fold))
    return ymd(Number(yearToken.fold), month[0], Number(t.fold));
  if (!meetingDay) return null;
  const [y] = parts(meetingDay);
  const same = ymd(y, month[0], Number(t.fold));
  return same >= meetingDay ? same : ymd(y + 1, month[0], Number(t.fold));
}

/** The due date a commitment's text names, or null. `meetingDay` (YYYY-MM-DD) anchors periods and ends. */
export function dueDateIn(text: string, meetingDay: string | null): string | null {
  const tokens = tokenize(text);
  const word = (i: number) => (tokens[i] ? bare(tokens[i]!.fold.replace(/^[وف](?=.{3})/, "")) : "");
  for (let i = 0; i < tokens.length; i++) {
    const w = word(i);
    if (DEADLINE.has(w))
      for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) {
        const date = dateAt(text, tokens, k, meetingDay);
        if (date) return date;
        if (END.has(word(k))) break;
      }
    if (END.has(w) && meetingDay) {
      const [y, m] = parts(meetingDay);
      const next = word(i + 1);
      if (next === "شهر" || next === "الشهر") {
        const named = monthAt(tokens, i + 2);
        if (named) {
          const year = named[0] >= m ? y : y + 1;
          return ymd(year, named[0], lastDay(year, named[0]));
        }
        return ymd(y, m, lastDay(y, m));
      }
      if (["العام", "السنه", "عام", "سنه"].includes(next)) return ymd(y, 12, 31);
      const named = monthAt(tokens, i + 1);
      if (named) {
        const year = named[0] >= m ? y : y + 1;
        return ymd(year, named[0], lastDay(year, named[0]));
      }
    }
    if (WITHIN.has(w) && meetingDay) {
      let k = i + 1;
      let count = 1;
      const n = tokens[k]?.fold ?? "";
      if (/^\d{1,3}$/.test(n)) {
        count = Number(n);
        k++;
      } else if (NUMBER_WORDS[bare(n)]) {
        count = NUMBER_WORDS[bare(n)]!;
        k++;
      }
      const unit = UNITS[word(k)] ?? UNITS[bare(tokens[k]?.fold ?? "")];
      if (unit) return later(meetingDay, unit, unit.count ?? count);
    }
  }
  return null;
}
