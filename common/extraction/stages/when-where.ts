// Stage 4a — when and where: datelines, the day of the meeting, its place.

import {
  HOST_VERBS,
  MONTHS,
  PARTS_OF_DAY,
  PLACE_MAX_WORDS,
  WEEKDAY_INDEX,
  WEEKDAYS,
  findPlace,
  type Place,
} from "../lexicon";
import { bare, type Token } from "../tokens";
import type { ExtractionWarning, ProposedDate, ProposedPlace } from "../types";
import { isSpeechVerb, noConj } from "./segment";

// ——— date and place ———

/** A place of one or more words at token i, the first word possibly with a clitic (ب، و، ل، وب، فب). */
export function matchPlaceAt(tokens: Token[], i: number): { place: Place; n: number; prefix: number } | null {
  const first = tokens[i];
  if (!first || first.punct) return null;
  const variants: [string, number][] = [[first.fold, 0]];
  const m = /^(وب|ول|فب|وفي|[وبل])/.exec(first.fold);
  if (m && first.fold.length > m[0].length + 2) variants.push([first.fold.slice(m[0].length), m[0].length]);
  for (let n = Math.min(PLACE_MAX_WORDS, tokens.length - i); n >= 1; n--) {
    let rest = "";
    let ok = true;
    for (let k = 1; k < n; k++) {
      const t = tokens[i + k]!;
      if (t.punct) {
        ok = false;
        break;
      }
      rest += ` ${t.fold}`;
    }
    if (!ok) continue;
    for (const [f, prefix] of variants) {
      const place = findPlace(f + rest);
      if (place) return { place, n, prefix };
    }
  }
  return null;
}

const DATELINE_DASHES = new Set(["-", "–", "—", ":", "ـ"]);

/**
 * A news-agency dateline in front of the report («طرابلس 07 مارس 2024 (وال) -», «تونس – », «Tripoli (LANA)
 * —»): the index of the first token after it (0 when there is none) and the token of its place.
 */
export function datelineOf(tokens: Token[]): { end: number; place: number | null } {
  const none = { end: 0, place: null };
  const first = tokens[0];
  if (!first) return none;
  const placeAtStart = matchPlaceAt(tokens, 0);
  if (!placeAtStart && first.text !== "(" && !/^[A-Za-z]/.test(first.text)) return none;
  let end = 0;
  for (let i = 0; i < Math.min(tokens.length, 14); i++) {
    const t = tokens[i]!;
    if (i > 0 && t.newline) break;
    if (!t.punct && (HOST_VERBS.has(noConj(t.fold)) || isSpeechVerb(t))) break;
    if (t.punct && DATELINE_DASHES.has(t.text)) end = i + 1;
  }
  if (end === 0) return none;
  return { end, place: placeAtStart && placeAtStart.prefix === 0 ? 0 : null };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** Words that make the date after them a deadline («بحلول 31 مارس»), not the day of the meeting. */
const DEADLINE_WORDS = new Set(["بحلول", "قبل", "حتي", "اقصاه", "موعد", "نهايه", "غايه", "لغايه", "مهله"]);

function isDeadline(tokens: Token[], i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++)
    if (DEADLINE_WORDS.has(bare(noConj(tokens[k]!.fold)))) return true;
  return false;
}

/**
 * The day of the meeting: the first explicit date («15 يناير 2024», 2024-01-15, 15/01/2024) or relative one
 * («صباح اليوم الأحد», resolved against the publication date), whichever comes first in the text; a date
 * introduced as a deadline («بحلول …», «قبل …») is a commitment's due date, not the meeting's.
 */
export function findDate(
  src: string,
  tokens: Token[],
  publicationDate: string | null,
  warnings: ExtractionWarning[],
): ProposedDate | null {
  const explicit = findExplicitDate(src, tokens);
  const relativeWarnings: ExtractionWarning[] = [];
  const relative = findRelativeDate(tokens, publicationDate, relativeWarnings);
  const chosen =
    explicit && relative
      ? explicit.span.start <= relative.span.start
        ? explicit
        : relative
      : (explicit ?? relative);
  if (chosen && chosen === relative) warnings.push(...relativeWarnings);
  return chosen;
}

function findExplicitDate(src: string, tokens: Token[]): ProposedDate | null {
  const limit = Math.min(tokens.length, 400);
  for (let i = 0; i < limit; i++) {
    const t = tokens[i]!;
    if (/^\d{1,2}$/.test(t.fold) && i + 2 < tokens.length) {
      const m1 = bare(tokens[i + 1]!.fold);
      const month =
        MONTHS[tokens[i + 1]!.fold] ?? MONTHS[m1] ?? MONTHS[`${tokens[i + 1]!.fold} ${tokens[i + 2]!.fold}`];
      const yTok = MONTHS[tokens[i + 1]!.fold] || MONTHS[m1] ? tokens[i + 2]! : tokens[i + 3];
      if (month && yTok && /^\d{4}$/.test(yTok.fold) && !isDeadline(tokens, i)) {
        const date = `${yTok.fold}-${String(month).padStart(2, "0")}-${t.fold.padStart(2, "0")}`;
        const around = relativeAround(tokens, i);
        return {
          weekday: around.weekday,
          partOfDay: around.partOfDay,
          date,
          span: { start: around.start ?? t.start, end: yTok.end },
        };
      }
    }
  }
  const pattern = /(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\/(\d{1,2})\/(\d{4})/g;
  for (const m of src.slice(0, 4000).matchAll(pattern)) {
    const at = tokens.findIndex((t) => t.start >= m.index);
    if (at >= 0 && isDeadline(tokens, at)) continue;
    const date = m[1]
      ? `${m[1]}-${m[2]}-${m[3]}`
      : `${m[6]}-${m[5]!.padStart(2, "0")}-${m[4]!.padStart(2, "0")}`;
    return { weekday: null, partOfDay: null, date, span: { start: m.index, end: m.index + m[0].length } };
  }
  return null;
}

function findRelativeDate(
  tokens: Token[],
  publicationDate: string | null,
  warnings: ExtractionWarning[],
): ProposedDate | null {
  const limit = Math.min(tokens.length, 400);
  for (let i = 0; i < limit; i++) {
    const f = bare(noConj(tokens[i]!.fold));
    const wd = WEEKDAYS[tokens[i]!.fold] ?? WEEKDAYS["ال" + f];
    const rel = f === "يوم" || f === "امس" || f === "غد" || PARTS_OF_DAY[f] !== undefined;
    if (!wd && !(rel && (f === "امس" || tokens[i]!.fold === "اليوم"))) continue;
    const around = relativeAround(tokens, i);
    if (!around.weekday && !around.relative) continue;
    let date: string | null = null;
    if (publicationDate) {
      if (around.relative === "today") date = publicationDate;
      else if (around.relative === "yesterday") date = addDays(publicationDate, -1);
      else if (around.weekday) {
        const diff = (weekdayOf(publicationDate) - WEEKDAY_INDEX[around.weekday] + 7) % 7;
        date = addDays(publicationDate, -diff);
      }
      if (date && around.weekday && weekdayOf(date) !== WEEKDAY_INDEX[around.weekday])
        warnings.push("weekday_mismatch");
    }
    return {
      weekday: around.weekday,
      partOfDay: around.partOfDay,
      date,
      span: { start: around.start ?? tokens[i]!.start, end: around.end ?? tokens[i]!.end },
    };
  }
  return null;
}

function relativeAround(tokens: Token[], i: number) {
  let weekday: ProposedDate["weekday"] = null;
  let partOfDay: ProposedDate["partOfDay"] = null;
  let relative: "today" | "yesterday" | null = null;
  let start: number | null = null;
  let end: number | null = null;
  for (let k = Math.max(0, i - 3); k < Math.min(tokens.length, i + 4); k++) {
    const t = tokens[k]!;
    if (t.punct) {
      if (k < i) {
        weekday = null;
        partOfDay = null;
        relative = null;
        start = null;
        continue;
      }
      break;
    }
    const f = noConj(t.fold);
    const b = bare(f);
    let hit = false;
    if (WEEKDAYS[f] || WEEKDAYS["ال" + b]) {
      weekday = WEEKDAYS[f] ?? WEEKDAYS["ال" + b] ?? null;
      hit = true;
    } else if (PARTS_OF_DAY[b] || PARTS_OF_DAY[f]) {
      partOfDay = PARTS_OF_DAY[b] ?? PARTS_OF_DAY[f] ?? null;
      hit = true;
    } else if (f === "اليوم") {
      relative = "today";
      hit = true;
    } else if (b === "امس") {
      relative = "yesterday";
      hit = true;
    } else if (b === "يوم") {
      hit = true;
    }
    if (hit) {
      if (start === null) start = t.start;
      end = t.end;
    } else if (k > i) break;
  }
  return { weekday, partOfDay, relative, start, end };
}

const VENUES = new Set(["منفذ", "معبر", "ميناء", "مطار", "مدينه", "منطقه", "بوابه", "مقر"]);

/** «إلى منفذ X», «بمعبر X», «في ميناء X»: a venue noun, itself said with a preposition, before a place. */
function isVenueAfterToward(tokens: Token[], v: number): boolean {
  const t = tokens[v];
  if (!t || t.punct) return false;
  if (/^ب/.test(t.fold) && VENUES.has(t.fold.slice(1))) return true;
  const before = tokens[v - 1]?.fold;
  return VENUES.has(t.fold) && (before === "في" || before === "الي");
}

/**
 * The place of the meeting: a city or venue named as such («في مدينة X», «بمقر … X»), else a place said
 * with «في»/«بـ» in the first sentence, else the dateline's, else the place named most often.
 */
export function findPlaceIn(
  src: string,
  tokens: Token[],
  firstSentenceEnd: number,
  dateline: { end: number; place: number | null },
): ProposedPlace | null {
  type Hit = { at: number; n: number; prefix: number; place: Place };
  const counts = new Map<string, { n: number; first: Hit }>();
  let explicit: { hit: Hit; venue: string | null } | null = null;
  let locative: Hit | null = null;
  const from = dateline.end;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.punct) continue;
    const f = t.fold;
    const m = matchPlaceAt(tokens, i);
    if (m) {
      const hit = { at: i, ...m };
      const c = counts.get(m.place.fold);
      if (c) c.n++;
      else counts.set(m.place.fold, { n: 1, first: hit });
      const prev = tokens[i - 1];
      if (!explicit && prev && !prev.punct && /^[بو]?مدينه$/.test(prev.fold)) explicit = { hit, venue: null };
      if (
        !locative &&
        i < firstSentenceEnd &&
        (m.prefix > 0
          ? /ب$/.test(f.slice(0, m.prefix))
          : prev?.fold === "في" || prev?.fold === "الي" || isVenueAfterToward(tokens, i - 1))
      )
        locative = hit;
    }
    if (!explicit && /^(بمقر|مقر|بديوان|ديوان)$/.test(f)) {
      for (let j = i + 1; j < tokens.length && j < i + 8 && !tokens[j]!.punct; j++) {
        const pm = matchPlaceAt(tokens, j);
        if (!pm) continue;
        const last = tokens[j + pm.n - 1]!;
        explicit = {
          hit: { at: j, ...pm },
          venue: src.slice(t.start + (f.startsWith("ب") ? 1 : 0), last.end),
        };
        break;
      }
    }
    if (m) i += m.n - 1;
  }
  let pick: Hit | null = explicit?.hit ?? locative ?? null;
  if (!pick && dateline.place !== null) {
    const m = matchPlaceAt(tokens, dateline.place);
    if (m) pick = { at: dateline.place, ...m };
  }
  pick ??= [...counts.values()].sort((a, b) => b.n - a.n)[0]?.first ?? null;
  if (!pick) return null;
  const a = tokens[pick.at]!;
  const z = tokens[pick.at + pick.n - 1]!;
  const start = a.start + pick.prefix;
  return {
    text: src.slice(start, z.end),
    districtPcode: pick.place.pcode,
    nameEn: pick.place.nameEn,
    venue: explicit && explicit.hit === pick ? explicit.venue : null,
    span: { start, end: z.end },
  };
}
