// The project's own rule-based extractor of meeting reports in Arabic (no model, no network). It reads
// the register of Libyan security media offices: "عقد <host> اجتماعًا … بحضور <attendees> …", speech
// verbs and turns, pledges, and honours. Linear in the length of the text.

import { dueDateIn } from "./due-date";
import { foldArabic } from "../arabic";
import {
  ATTENDEE_STOP,
  ATTENDEE_TRIGGERS,
  BODY_NOUNS,
  COMMITMENT_MARKERS,
  COUNTRIES,
  DEMONYMS,
  HONOUR_KINDS,
  HOST_STOP,
  HOST_VERBS,
  MONTHS,
  NARRATORS,
  NOT_NAMES,
  PARTS_OF_DAY,
  PLACE_MAX_WORDS,
  RANKS,
  SPEECH_PARTICIPLES,
  SPEECH_VERBS,
  TITLE_HEADS,
  TURNS,
  WEAK_HOST_VERBS,
  WEEKDAY_INDEX,
  WEEKDAYS,
  findPlace,
  type Place,
} from "./lexicon";
import { bare, isComma, isSentenceEnd, tokenize, type Token } from "./tokens";
import type {
  CommitmentTopic,
  ExtractOptions,
  ExtractionResult,
  ExtractionWarning,
  MeetingExtractor,
  MeetingProposal,
  ProposedCommitment,
  ProposedDate,
  ProposedHonour,
  ProposedPerson,
  ProposedPlace,
  ProposedSentence,
  ProposedStatement,
  Span,
} from "./types";

/** Longest text the extractor reads; a press release is a few thousand characters. */
export const EXTRACTION_MAX_CHARS = 50_000;

const CONJ = ["و", "ف"];

/** Folded word without a leading و/ف when the rest is at least two letters. */
function noConj(fold: string): string {
  for (const c of CONJ) if (fold.startsWith(c) && fold.length > 2) return fold.slice(1);
  return fold;
}

function matchSeq(tokens: Token[], i: number, seq: string[], allowConj = true): number {
  // Returns the number of tokens matched (seq.length) or 0.
  for (let k = 0; k < seq.length; k++) {
    const t = tokens[i + k];
    if (!t || t.punct) return 0;
    let f = t.fold;
    if (k === 0 && allowConj && f !== seq[0]) f = noConj(f);
    if (f !== seq[k] && bare(f) !== bare(seq[k]!)) return 0;
  }
  return seq.length;
}

function matchAny(tokens: Token[], i: number, list: string[][]): number {
  for (const seq of list) {
    const n = matchSeq(tokens, i, seq);
    if (n) return n;
  }
  return 0;
}

function matchRank(tokens: Token[], i: number): number {
  for (const seq of RANKS) {
    let ok = true;
    for (let k = 0; k < seq.length; k++) {
      const t = tokens[i + k];
      if (!t || t.punct) {
        ok = false;
        break;
      }
      let f = t.fold;
      if (k === 0) f = noConj(f);
      if (bare(f) !== seq[k]) {
        ok = false;
        break;
      }
    }
    if (ok) {
      // "عميد البلدية" / "عميد بلدية طبرق" is the mayor, not the rank
      const next = tokens[i + seq.length];
      if (seq[0] === "عميد" && next && bare(next.fold).startsWith("بلدي")) return 0;
      return seq.length;
    }
  }
  return 0;
}

/** A title head here that is not a rank (عميد البلدية is a title, عميد alone is a rank). */
function matchTitleHead(tokens: Token[], i: number): number {
  const n = matchAny(tokens, i, TITLE_HEADS);
  if (!n) return 0;
  return n;
}

const textOf = (src: string, a: Token, b: Token) => src.slice(a.start, b.end);

type ParsedPerson = {
  name: string | null;
  title: string | null;
  rank: string | null;
  body: string | null;
  span: Span;
};

const RELATIVES = new Set(["الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"]);

function isPlaceOrCountry(fold: string): boolean {
  return !!findPlace(fold) || COUNTRIES.has(fold);
}

/** Consumes the words that complete a title after its head: definite nouns, body nouns, places, "عن دائرة X". */
function consumeComplement(tokens: Token[], i: number, end: number): number {
  let j = i;
  while (j < end) {
    const t = tokens[j]!;
    if (t.punct) break;
    const f = t.fold;
    if (
      f === "عن" &&
      j + 1 < end &&
      ["دائرة", "منطقة", "مدينة", "بلدية"].map(foldArabic).includes(bare(tokens[j + 1]!.fold))
    ) {
      j += 2;
      continue;
    }
    if (matchRank(tokens, j)) break;
    if (RELATIVES.has(f)) break;
    if ((f === "لدي" || f === "في") && j + 1 < end && isPlaceOrCountry(tokens[j + 1]!.fold)) {
      j += 2;
      continue;
    }
    const pm = matchPlaceAt(tokens, j);
    if (pm && pm.prefix === 0) {
      j += pm.n;
      continue;
    }
    if (isPlaceOrCountry(f)) {
      j++;
      continue;
    }
    if (f === "غير" && j + 1 < end && tokens[j + 1]!.fold.startsWith("ال")) {
      j += 2;
      continue;
    }
    if (j > i && /^[بل]/.test(f) && (findPlace(f.slice(1)) || BODY_NOUNS.has(f.slice(1)))) {
      j++;
      continue;
    }
    if (f.startsWith("ال") && f.length > 3 && !ATTENDEE_STOP.has(f) && !HOST_STOP.has(f)) {
      j++;
      continue;
    }
    if (BODY_NOUNS.has(f) || findPlace(f)) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** Qualifier after a title: "بالحكومة الليبية", "بوزارة الداخلية". */
function consumeQualifier(tokens: Token[], i: number, end: number): number {
  const t = tokens[i];
  if (!t || t.punct) return i;
  if (!(t.fold.startsWith("بال") || t.fold.startsWith("بوزاره") || t.fold.startsWith("بجهاز"))) return i;
  let j = i + 1;
  while (j < end && !tokens[j]!.punct && tokens[j]!.fold.startsWith("ال")) j++;
  return j;
}

/**
 * Whether the tokens [a, b) can be a person's name by what they are made of: one to seven words, no
 * punctuation or digits, none of them a particle, a verbal or common noun of the register, a profession, a
 * title or body word, a speech or host verb, or a prepositional phrase («بالمديرية», «للأمن»). A title
 * before the words is no evidence either way.
 */
export function looksLikeName(tokens: Token[], a: number, b: number): boolean {
  const n = b - a;
  if (n < 1 || n > 7) return false;
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (t.punct || /\d/.test(t.fold)) return false;
    const f = t.fold;
    const nc = noConj(f);
    if (NOT_NAMES.has(f) || (k === a && NOT_NAMES.has(nc))) return false;
    if (BODY_NOUNS.has(f) || SPEECH_VERBS.has(f) || SPEECH_VERBS.has(nc) || SPEECH_PARTICIPLES.has(f))
      return false;
    if (HOST_VERBS.has(f) || HOST_VERBS.has(nc) || HOST_STOP.has(f)) return false;
    if (NOT_NAMES.has(nc) || WEEKDAYS[f] || WEEKDAYS[nc] || PARTS_OF_DAY[bare(nc)]) return false;
    if (/^(بال|لل|كال|وبال|ولل|فال)/.test(f) && f.length > 4) return false;
    // common nouns and adjectives of the register: «الداخلية», «المديرية», «المؤسسات»
    if (k === a && /^(و?ال).{2,}(يه|ات)$/.test(f)) return false;
    if (k === a && matchTitleHead(tokens, k)) return false;
    if (k === a && (DEMONYMS.has(f) || findPlace(f))) return false;
    if (k > a && matchTitleHead(tokens, k) && !/^(ابو|بو|بن|ابن|عبد)$/.test(f)) return false;
  }
  return true;
}

/**
 * Splits a run of tokens [from, to) into people: chunks separated by commas or by "و" before a title or
 * rank. A chunk with a title opens a person; a chunk with only a rank and a name, or only a name, completes
 * the last person who has no name yet.
 */
function parsePeople(src: string, tokens: Token[], from: number, to: number): ParsedPerson[] {
  const people: ParsedPerson[] = [];
  // Build chunk boundaries.
  const chunks: [number, number][] = [];
  let s = from;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (isComma(t)) {
      if (i > s) chunks.push([s, i]);
      s = i + 1;
    } else if (
      i > s &&
      (t.fold === "و" || (t.fold.startsWith("و") && (matchTitleHead(tokens, i) || matchRank(tokens, i))))
    ) {
      // "ورئيس …", "و رئيس …": a new person. (Not "ووضع" or a name starting with و.)
      const next = t.fold === "و" ? i + 1 : i;
      if (t.fold === "و" ? matchTitleHead(tokens, next) || matchRank(tokens, next) : true) {
        chunks.push([s, i]);
        s = t.fold === "و" ? i + 1 : i;
      }
    }
  }
  if (to > s) chunks.push([s, to]);

  for (const [a, b] of chunks) {
    let i = a;
    let title: string | null = null;
    let rank: string | null = null;
    let body: string | null = null;
    let nameStart = -1;
    const head = matchTitleHead(tokens, i);
    if (head) {
      const titleStart = tokens[i]!;
      const tEnd = consumeComplement(tokens, i + head, b);
      const conj =
        /^[وف]/.test(titleStart.text) && !TITLE_HEADS.some((h) => matchSeq(tokens, i, h, false)) ? 1 : 0;
      title = src.slice(titleStart.start + conj, tokens[tEnd - 1]!.end);
      i = tEnd;
      const q = consumeQualifier(tokens, i, b);
      if (q > i) {
        body = src.slice(tokens[i]!.start + 1, tokens[q - 1]!.end);
        i = q;
      }
    }
    // "مدير أمن بن قردان العقيد سامي …": an unknown place completes the title up to the rank
    if (title && i < b && !matchRank(tokens, i)) {
      for (let k = i + 1; k < Math.min(b, i + 4); k++) {
        if (!matchRank(tokens, k)) continue;
        const titleStart = src.lastIndexOf(title, tokens[i]!.start);
        title = src.slice(titleStart >= 0 ? titleStart : tokens[a]!.start, tokens[k - 1]!.end);
        i = k;
        break;
      }
    }
    const r = i < b ? matchRank(tokens, i) : 0;
    if (r) {
      const rt = tokens[i]!;
      const raw = textOf(src, rt, tokens[i + r - 1]!);
      rank = raw.replace(/^[وف]?(ال)?/, "");
      i += r;
    }
    if (i < b) nameStart = i;
    let nameEnd = b;
    // "اللواء سالم العتيبي مدير عام الجوازات": the name first, then the title
    if (!title && nameStart >= 0) {
      for (let k = nameStart + 1; k < b; k++) {
        const h = matchTitleHead(tokens, k);
        if (!h || /^(ابو|بو|بن|ابن|عبد)$/.test(tokens[k]!.fold)) continue;
        const tEnd = consumeComplement(tokens, k + h, b);
        title = src.slice(tokens[k]!.start, tokens[tEnd - 1]!.end);
        const q = consumeQualifier(tokens, tEnd, b);
        if (q > tEnd) body = src.slice(tokens[tEnd]!.start + 1, tokens[q - 1]!.end);
        nameEnd = k;
        break;
      }
    }
    const nameOk = nameStart >= 0 && looksLikeName(tokens, nameStart, nameEnd);
    const name = nameOk ? src.slice(tokens[nameStart]!.start, tokens[nameEnd - 1]!.end) : null;
    const span = { start: tokens[a]!.start, end: tokens[b - 1]!.end };
    if (title) {
      people.push({ name, title, rank, body, span });
    } else {
      const pending =
        people.length > 0 && people[people.length - 1]!.name === null ? people[people.length - 1]! : null;
      if (pending && name) {
        pending.name = name;
        pending.rank = pending.rank ?? rank;
        pending.span = { start: pending.span.start, end: span.end };
      } else if (name) {
        people.push({ name, title: null, rank, body: null, span });
      }
    }
  }
  // A bare "name" that is only a title-less stray word (one letter) is noise.
  return people.filter((p) => p.title || (p.name && foldArabic(p.name).length > 2));
}

// ——— titles and names: resolving a later mention to a person ———

function titleKey(title: string): string[] {
  return foldArabic(title)
    .split(" ")
    .map((w) => bare(w.replace(/^(بال|لل)/, "ال")))
    .filter((w) => w.length > 1 && w !== "عن");
}

function titleHeadOf(key: string[]): string {
  return key[0] ?? "";
}

function resolveTitle(mention: string, people: ProposedPerson[]): ProposedPerson | null {
  const mk = titleKey(mention);
  if (mk.length === 0) return null;
  let best: ProposedPerson | null = null;
  let bestScore = 0;
  for (const p of people) {
    if (!p.title) continue;
    const pk = titleKey(p.title);
    if (titleHeadOf(pk) !== titleHeadOf(mk)) continue;
    const ps = new Set(pk);
    const shared = mk.filter((w) => ps.has(w)).length;
    const subset = mk.every((w) => ps.has(w)) || pk.every((w) => mk.includes(w));
    if (!subset && shared < Math.min(2, mk.length, pk.length)) continue;
    const score = shared * 10 + (subset ? 5 : 0) - Math.abs(pk.length - mk.length);
    if (score > bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return best;
}

function resolveName(
  tokens: Token[],
  i: number,
  people: ProposedPerson[],
): { person: ProposedPerson; n: number } | null {
  for (const p of people) {
    if (!p.name) continue;
    const nw = foldArabic(p.name).split(" ");
    // full name, or the family name alone
    for (const cand of [nw, nw.slice(-1)]) {
      if (cand.length === 0) continue;
      let ok = true;
      for (let k = 0; k < cand.length; k++) {
        const t = tokens[i + k];
        if (!t || (k === 0 ? noConj(t.fold) : t.fold) !== cand[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { person: p, n: cand.length };
    }
  }
  return null;
}

/** Parses the subject after a speech verb or a giver/recipient phrase. */
function parseMention(
  src: string,
  tokens: Token[],
  i: number,
  end: number,
  people: ProposedPerson[],
): { person: ProposedPerson | null; text: string | null; next: number; narrator: boolean } {
  if (i >= end) return { person: null, text: null, next: i, narrator: false };
  if (matchAny(tokens, i, NARRATORS)) {
    let j = i;
    while (j < end && !tokens[j]!.punct) j++;
    return { person: null, text: src.slice(tokens[i]!.start, tokens[j - 1]!.end), next: j, narrator: true };
  }
  let j = i;
  const r = matchRank(tokens, j);
  if (r) j += r;
  const byName = resolveName(tokens, j, people);
  if (byName) {
    const last = j + byName.n - 1;
    return {
      person: byName.person,
      text: src.slice(tokens[i]!.start, tokens[last]!.end),
      next: last + 1,
      narrator: false,
    };
  }
  const head = matchTitleHead(tokens, j);
  if (head) {
    const tEnd = consumeComplement(tokens, j + head, end);
    const text = src.slice(tokens[j]!.start, tokens[tEnd - 1]!.end);
    const person = resolveTitle(text, people);
    // a name may follow the title: "رئيس جهاز الأمن الداخلي أسامة الدرسي"
    const after = resolveName(tokens, tEnd, people);
    if (after) return { person: after.person, text, next: tEnd + after.n, narrator: false };
    return { person, text, next: tEnd, narrator: false };
  }
  return { person: null, text: null, next: i, narrator: false };
}

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

function addDays(date: string, days: number): string {
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
function findDate(
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

/**
 * The place of the meeting: a city or venue named as such («في مدينة X», «بمقر … X»), else a place said
 * with «في»/«بـ» in the first sentence, else the dateline's, else the place named most often.
 */
function findPlaceIn(
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
        (m.prefix > 0 ? /ب$/.test(f.slice(0, m.prefix)) : prev?.fold === "في")
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

// ——— the extractor ———

/** Words that name a meeting, visit or session (folded, without و/ف). */
const MEETING_WORDS =
  /^(اجتماع|اجتمع|لقاء|اللقاء|لقاءا|جلسه|الجلسه|زياره|الزياره|مباحثات|المباحثات|محادثات|المحادثات|استقبل|التقي|التقت|ورشه|اللجنه|لجنه|مؤتمر|المؤتمر)/;

function topicOf(text: string): CommitmentTopic {
  const f = foldArabic(text);
  if (/تشريع|قوانين|قانون/.test(f)) return "legislation";
  if (/احتياجات|نواقص|تلبيه/.test(f)) return "needs";
  if (/تدريب|دورات/.test(f)) return "training";
  if (/خطه|خطط/.test(f)) return "plan";
  if (/دعم/.test(f)) return "support";
  return "other";
}

function sentenceRanges(tokens: Token[]): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > s && t.newline) {
      out.push([s, i]);
      s = i;
    }
    if (isSentenceEnd(t)) {
      if (i > s) out.push([s, i]);
      s = i + 1;
    }
  }
  if (s < tokens.length) out.push([s, tokens.length]);
  return out;
}

function isSpeechVerb(t: Token): boolean {
  const f = t.fold;
  return SPEECH_VERBS.has(f) || SPEECH_VERBS.has(noConj(f)) || SPEECH_PARTICIPLES.has(f);
}

export class RuleMeetingExtractor implements MeetingExtractor {
  readonly name = "rules-ar-1";

  extract(text: string, options: ExtractOptions = {}): ExtractionResult {
    if (typeof text !== "string" || text.trim().length === 0) return { ok: false, error: "extraction_empty" };
    if (text.length > EXTRACTION_MAX_CHARS) return { ok: false, error: "extraction_too_long" };
    const arabic = (text.match(/[\u0600-\u06FF]/g) ?? []).length;
    if (arabic < 20) return { ok: false, error: "extraction_not_arabic" };

    const src = text;
    const tokens = tokenize(src);
    const warnings: ExtractionWarning[] = [];
    const sentences = sentenceRanges(tokens);
    const people: ProposedPerson[] = [];
    let nextId = 1;
    const add = (p: ParsedPerson, role: ProposedPerson["role"]) => {
      const person: ProposedPerson = { id: `p${nextId++}`, ...p, role };
      people.push(person);
      return person;
    };

    const dateline = datelineOf(tokens);

    // Host: the subject of the first host verb in the first sentences.
    let host: ProposedPerson | null = null;
    let attendeesFrom = -1;
    for (const [a0, b] of sentences.slice(0, 3)) {
      const a = a0 < dateline.end ? Math.min(dateline.end, b) : a0;
      for (let i = a; i < Math.min(b, a + 6); i++) {
        const verbFold = noConj(tokens[i]!.fold);
        if (!HOST_VERBS.has(verbFold)) continue;
        // «وجرى بحث …», «زار المدينة»: a weak verb opens a meeting only when a title or rank follows
        if (WEAK_HOST_VERBS.has(verbFold) && !(matchTitleHead(tokens, i + 1) || matchRank(tokens, i + 1)))
          continue;
        let j = i + 1;
        while (j < b && !HOST_STOP.has(noConj(tokens[j]!.fold)) && !HOST_STOP.has(tokens[j]!.fold)) j++;
        const parsed = parsePeople(src, tokens, i + 1, j);
        if (parsed.length > 0) {
          host = add(parsed[0]!, "host");
          const verb = noConj(tokens[i]!.fold);
          // "استقبل/التقى <host> <guest>": the others in the subject phrase are guests.
          const receives = verb === foldArabic("استقبل") || verb === foldArabic("التقى");
          // the others in the subject phrase are guests or co-hosts («بحث X ونظيره Y»)
          for (const p of parsed.slice(1)) add(p, "attendee");
          // the guest after the time and venue: "استقبل X بمكتبه صباح أمس، Y، بحضور …"
          // or "عقد X اجتماعًا … مع Y لمتابعة …"
          let g = j;
          while (
            g < b &&
            !(receives ? isComma(tokens[g]!) : tokens[g]!.fold === "مع") &&
            !matchAny(tokens, g, ATTENDEE_TRIGGERS)
          )
            g++;
          if (g < b && !matchAny(tokens, g, ATTENDEE_TRIGGERS)) {
            let e = g + 1;
            while (
              e < b &&
              !matchAny(tokens, e, ATTENDEE_TRIGGERS) &&
              !ATTENDEE_STOP.has(tokens[e]!.fold) &&
              !/^ل(متابع|بحث|مناقش)/.test(tokens[e]!.fold)
            )
              e++;
            for (const p of parsePeople(src, tokens, g + 1, e)) add(p, "attendee");
            j = e;
          }
        }
        attendeesFrom = j;
        break;
      }
      if (host) break;
    }

    // Attendees: after a trigger ("بحضور", "بمشاركة", "وحضر الاجتماع كل من") until a stop word.
    const searchFrom = attendeesFrom >= 0 ? attendeesFrom : 0;
    for (let i = searchFrom; i < Math.min(tokens.length, searchFrom + 400); i++) {
      const n = matchAny(tokens, i, ATTENDEE_TRIGGERS);
      if (!n) continue;
      let start = i + n;
      if (matchSeq(tokens, start, ["كل", "من"])) start += 2;
      if (tokens[start] && tokens[start]!.punct) start++;
      let j = start;
      while (j < tokens.length && !isSentenceEnd(tokens[j]!) && !(j > start && tokens[j]!.newline)) {
        const f = tokens[j]!.fold;
        if (ATTENDEE_STOP.has(f) || ATTENDEE_STOP.has(noConj(f)) || matchSeq(tokens, j, ["الي", "جانب"]))
          break;
        j++;
      }
      for (const p of parsePeople(src, tokens, start, j)) add(p, "attendee");
      break;
    }
    // No host verb and no «بحضور»: a meeting, visit or session named otherwise («أبرز الوزير ونظيره … خلال
    // لقاء ثنائي», «اجتماع تونسي-ليبي») — the named officials of the first two sentences are its parties.
    if (!host && people.length === 0) {
      const to = sentences[Math.min(1, sentences.length - 1)]?.[1] ?? 0;
      const meetingWords = tokens.slice(0, to).some((t) => !t.punct && MEETING_WORDS.test(noConj(t.fold)));
      const found = meetingWords ? scanTitledPeople(src, tokens, dateline.end, to).filter((p) => p.name) : [];
      if (found.length >= 2) for (const p of found) add(p, "attendee");
    }

    // «نظيره التونسي»: the counterpart holds the host's office in another country
    const principal = host ?? people.find((p) => p.title && !/^نظير/.test(p.title)) ?? null;
    if (principal?.title)
      for (const p of people) {
        const m = p.title ? /^نظير(?:ه|ها|ته)(?:\s+(\S+))?$/.exec(p.title) : null;
        if (!m) continue;
        const base = principal.title
          .split(/\s+/)
          .filter((w) => !DEMONYMS.has(foldArabic(w)))
          .join(" ");
        p.title = m[1] ? `${base} ${m[1]}` : base;
      }
    if (!host) warnings.push("no_host");
    if (!people.some((p) => p.role === "attendee")) warnings.push("no_attendees");

    // Statements, agenda, commitments.
    const statements: ProposedStatement[] = [];
    const agenda: ProposedSentence[] = [];
    const commitments: ProposedCommitment[] = [];
    let current: { person: ProposedPerson | null; text: string | null } | null = null;
    let lastStatement: ProposedStatement | null = null;

    for (const [a, b] of sentences) {
      // clause starts: speech verbs (not participles), turns reset the speaker.
      const starts: number[] = [];
      let turn = false;
      for (let i = a; i < b; i++) {
        const t = tokens[i]!;
        if (matchAny(tokens, i, TURNS)) turn = true;
        if (!t.punct && isSpeechVerb(t)) starts.push(i);
      }
      const firstIsHonour = /تكريم|كرم/.test(foldArabic(src.slice(tokens[a]!.start, tokens[b - 1]!.end)));
      if (starts.length === 0 || firstIsHonour) {
        const sText = src.slice(tokens[a]!.start, tokens[b - 1]!.end);
        const fs = foldArabic(sText);
        if (
          (!firstIsHonour && /مناقشه|استعراض|بحث|تناول|تحديد|ناقش/.test(fs) && !host?.span) ||
          (!firstIsHonour && /مناقشه|استعراض|بحث|تناول|ناقش/.test(fs))
        ) {
          if (!(host && tokens[a]!.start <= host.span.start))
            agenda.push({ text: sText, span: { start: tokens[a]!.start, end: tokens[b - 1]!.end } });
        }
        this.decisions(src, tokens, a, b, null, commitments);
        continue;
      }
      if (turn) current = null;
      for (let k = 0; k < starts.length; k++) {
        const v = starts[k]!;
        const end = k + 1 < starts.length ? starts[k + 1]! : b;
        const mention = parseMention(src, tokens, v + 1, end, people);
        if (mention.narrator) {
          current = null;
          // narrative: the rest of the sentence is a summary of what was discussed
          const sText = src.slice(tokens[a]!.start, tokens[b - 1]!.end);
          agenda.push({ text: sText, span: { start: tokens[a]!.start, end: tokens[b - 1]!.end } });
          break;
        }
        if (mention.text) current = { person: mention.person, text: mention.text };
        if (!current) continue;
        // trim the clause of a trailing comma and the "و" joining it to the next clause
        let e = end - 1;
        while (e > v && tokens[e]!.punct) e--;
        const span = {
          start:
            tokens[v]!.start +
            (/^[وف]/.test(tokens[v]!.text) && tokens[v]!.fold.length > 3 && !SPEECH_VERBS.has(tokens[v]!.fold)
              ? 1
              : 0),
          end: tokens[e]!.end,
        };
        const sentence: ProposedSentence = { text: src.slice(span.start, span.end), span };
        const speakerId = current.person?.id ?? null;
        if (!speakerId) warnings.push("unresolved_speaker");
        if (
          lastStatement &&
          lastStatement.speakerId === speakerId &&
          (speakerId !== null || lastStatement.speakerText === current.text)
        ) {
          lastStatement.sentences.push(sentence);
          lastStatement.span.end = span.end;
        } else {
          lastStatement = { speakerId, speakerText: current.text, sentences: [sentence], span: { ...span } };
          statements.push(lastStatement);
        }
        this.pledges(src, tokens, v, e + 1, current.person, commitments);
      }
    }

    const honours = this.honours(src, tokens, sentences, people, warnings);
    const date = findDate(src, tokens, options.publicationDate ?? null, warnings);
    if (!date) warnings.push("no_date");
    const place = findPlaceIn(src, tokens, sentences[0]?.[1] ?? 0, dateline);
    if (!place) warnings.push("no_place");

    if (!host && people.length === 0 && honours.length === 0) {
      // statements alone (a press statement, an interview) are not a meeting
      return { ok: false, error: "extraction_no_meeting" };
    }
    const title = ["اجتماع", host?.title ?? host?.name ?? null, place ? `في ${place.text}` : null]
      .filter(Boolean)
      .join(" ");
    const proposal: MeetingProposal = {
      title,
      date,
      place,
      host,
      people,
      agenda,
      statements,
      commitments: commitments.map((c) => ({ ...c, dueOn: dueDateIn(c.text, date?.date ?? null) })),
      honours,
    };
    return { ok: true, proposal, warnings: [...new Set(warnings)] };
  }

  private pledges(
    src: string,
    tokens: Token[],
    a: number,
    b: number,
    owner: ProposedPerson | null,
    out: ProposedCommitment[],
  ) {
    for (let i = a; i < b; i++) {
      const f = noConj(tokens[i]!.fold);
      const marker = COMMITMENT_MARKERS.find((m) => f.startsWith(m));
      if (!marker) continue;
      let ownerBody: string | null = null;
      // "استعداد مجلس النواب لـ…" names a body; "استعداده" the speaker.
      if (f === "استعداد" && i + 1 < b && BODY_NOUNS.has(tokens[i + 1]!.fold)) {
        let j = i + 2;
        while (j < b && tokens[j]!.fold.startsWith("ال") && !tokens[j]!.fold.startsWith("لل")) j++;
        ownerBody = src.slice(tokens[i + 1]!.start, tokens[j - 1]!.end);
      }
      let e = b - 1;
      while (e > i && tokens[e]!.punct) e--;
      const span = { start: tokens[i]!.start, end: tokens[e]!.end };
      const text = src.slice(span.start, span.end);
      out.push({
        text,
        ownerPersonId: owner?.id ?? null,
        ownerBody,
        dueOn: null,
        topic: topicOf(text),
        marker: tokens[i]!.text,
        span,
      });
      return;
    }
  }

  private decisions(
    src: string,
    tokens: Token[],
    a: number,
    b: number,
    owner: ProposedPerson | null,
    out: ProposedCommitment[],
  ) {
    for (let i = a; i < b; i++) {
      const f = noConj(tokens[i]!.fold);
      if (!["تقرر", "سيتم", "اتفق", "ستشهد", "سيشهد"].some((m) => f.startsWith(m))) continue;
      let e = b - 1;
      while (e > i && tokens[e]!.punct) e--;
      const span = { start: tokens[i]!.start, end: tokens[e]!.end };
      const text = src.slice(span.start, span.end);
      out.push({
        text,
        ownerPersonId: owner?.id ?? null,
        ownerBody: null,
        dueOn: null,
        topic: topicOf(text),
        marker: tokens[i]!.text,
        span,
      });
      return;
    }
  }

  private honours(
    src: string,
    tokens: Token[],
    sentences: [number, number][],
    people: ProposedPerson[],
    warnings: ExtractionWarning[],
  ): ProposedHonour[] {
    const out: ProposedHonour[] = [];
    const kindAt = (i: number) => {
      const t = tokens[i];
      if (!t || t.punct) return null;
      let f = t.fold;
      let prefix = 0;
      if (/^(ب|وب)/.test(f) && !HONOUR_KINDS.some((k) => k.words[0] === f)) {
        prefix = f.startsWith("وب") ? 2 : 1;
        f = f.slice(prefix);
      }
      for (const k of HONOUR_KINDS) {
        if (bare(f) !== k.words[0] && f !== k.words[0]) continue;
        let ok = true;
        for (let m = 1; m < k.words.length; m++) if (tokens[i + m]?.fold !== k.words[m]) ok = false;
        if (ok) return { kind: k.kind, n: k.words.length, prefix };
      }
      return null;
    };
    for (const [a, b] of sentences) {
      let giver: { person: ProposedPerson | null; text: string | null } | null = null;
      let reason: string | null = null;
      // reason: "تقديرًا لـ …" to the end of the sentence
      for (let i = a; i < b; i++) {
        if (/^(تقديرا|تثمينا|عرفانا)/.test(tokens[i]!.fold)) {
          reason = src.slice(tokens[i]!.start, tokens[b - 1]!.end);
          break;
        }
      }
      const found: ProposedHonour[] = [];
      for (let i = a; i < b; i++) {
        const f = noConj(tokens[i]!.fold);
        // "قام <giver> بتكريم …"
        if (f === "قام" || f === "قامت") {
          const m = parseMention(src, tokens, i + 1, b, people);
          if (m.text) giver = { person: m.person, text: m.text };
          continue;
        }
        const isTakrim = f === "بتكريم" || f === "تكريم" || f === "كرم";
        const isGive = ["قدم", "منح", "سلم", "اهدي", "قلد"].includes(f);
        if (!isTakrim && !isGive) continue;
        if (f === "كرم" || (isGive && !giver)) {
          // "كرّم <giver> …" / "وقدم <giver> درعًا …" — a giver may follow
          const m = parseMention(src, tokens, i + 1, b, people);
          if (m.text && !kindAt(m.next)) {
            giver = { person: m.person, text: m.text };
            i = m.next - 1;
            if (f === "كرم") {
              // recipient follows the giver
              const r = parseMention(src, tokens, m.next, b, people);
              const k = kindAt(r.next);
              if (r.text && k) found.push(this.honourAt(src, tokens, r.next, b, k, r, giver, reason));
              i = r.next;
            }
            continue;
          }
        }
        if (isTakrim) {
          const r = parseMention(src, tokens, i + 1, b, people);
          if (!r.text) continue;
          let j = r.next;
          while (j < b && !kindAt(j) && !tokens[j]!.punct) j++;
          const k = kindAt(j);
          if (k) {
            found.push(this.honourAt(src, tokens, j, b, k, r, giver, reason));
            i = j;
          } else {
            found.push({
              kind: "other",
              title: "",
              recipientPersonId: r.person?.id ?? null,
              recipientText: r.text,
              giverPersonId: giver?.person?.id ?? null,
              giverText: giver?.text ?? null,
              reason,
              span: { start: tokens[i]!.start, end: tokens[r.next - 1]!.end },
            });
          }
        } else {
          // "قدم|منح <kind> (آخر) إلى|ل <recipient>"
          let j = i + 1;
          if (giver === null) {
            const m = parseMention(src, tokens, j, b, people);
            if (m.text) {
              j = m.next;
              giver = { person: m.person, text: m.text };
            }
          }
          const k = kindAt(j);
          if (!k) continue;
          let e = j + k.n;
          while (
            e < b &&
            !tokens[e]!.punct &&
            !["الي", "ل"].includes(tokens[e]!.fold) &&
            !/^ل/.test(tokens[e]!.fold)
          )
            e++;
          const kindText = src.slice(tokens[j]!.start, tokens[e - 1]!.end);
          let rStart = e;
          if (tokens[rStart]?.fold === "الي") rStart++;
          let r = parseMention(src, tokens, rStart, b, people);
          if (!r.text && tokens[rStart] && /^ل/.test(tokens[rStart]!.fold)) {
            // "لرئيس جهاز …": strip the preposition by looking at the person titles
            const stripped = tokens[rStart]!.fold.replace(/^لل?/, "");
            const cand = people.find((p) => p.title && titleKey(p.title)[0] === bare(stripped));
            if (cand) r = { person: cand, text: tokens[rStart]!.text, next: rStart + 1, narrator: false };
          }
          if (!r.text) continue;
          found.push({
            kind: k.kind,
            title: kindText,
            recipientPersonId: r.person?.id ?? null,
            recipientText: r.text,
            giverPersonId: giver?.person?.id ?? null,
            giverText: giver?.text ?? null,
            reason,
            span: { start: tokens[i]!.start, end: tokens[Math.max(r.next - 1, i)]!.end },
          });
          i = r.next - 1;
        }
      }
      for (const h of found) if (!h.recipientPersonId) warnings.push("unresolved_recipient");
      out.push(...found);
    }
    return out;
  }

  private honourAt(
    src: string,
    tokens: Token[],
    j: number,
    b: number,
    k: { kind: ProposedHonour["kind"]; n: number; prefix: number },
    r: { person: ProposedPerson | null; text: string | null; next: number },
    giver: { person: ProposedPerson | null; text: string | null } | null,
    reason: string | null,
  ): ProposedHonour {
    let e = j + k.n;
    while (
      e < b &&
      !tokens[e]!.punct &&
      !/^(تقديرا|تثمينا|عرفانا)$/.test(tokens[e]!.fold) &&
      !(tokens[e]!.fold.startsWith("و") && ["وقدم", "ومنح", "وسلم"].includes(tokens[e]!.fold))
    )
      e++;
    const title = src.slice(tokens[j]!.start + k.prefix, tokens[e - 1]!.end);
    return {
      kind: k.kind,
      title,
      recipientPersonId: r.person?.id ?? null,
      recipientText: r.text ?? "",
      giverPersonId: giver?.person?.id ?? null,
      giverText: giver?.text ?? null,
      reason,
      span: { start: tokens[j]!.start + k.prefix, end: tokens[e - 1]!.end },
    };
  }
}

export const ruleExtractor: MeetingExtractor = new RuleMeetingExtractor();

/** Every person introduced by a title in tokens [from, to), in order (the title's phrase up to a stop). */
function scanTitledPeople(src: string, tokens: Token[], from: number, to: number): ParsedPerson[] {
  const out: ParsedPerson[] = [];
  for (let i = from; i < to; i++) {
    if (tokens[i]!.punct || !matchTitleHead(tokens, i)) continue;
    let e = i + 1;
    while (e < to && !isSentenceEnd(tokens[e]!) && e < i + 16) {
      const f = tokens[e]!.fold;
      if (ATTENDEE_STOP.has(f) || ATTENDEE_STOP.has(noConj(f)) || isSpeechVerb(tokens[e]!)) break;
      if (e > i + 1 && /^و/.test(f) && matchTitleHead(tokens, e)) break;
      e++;
    }
    const parsed = parsePeople(src, tokens, i, e)[0];
    if (parsed) out.push(parsed);
    i = e - 1;
  }
  return out;
}

/** Why a text was refused as "no meeting". */
export type NoMeetingReason = "no_meeting_words" | "only_one_party";

/**
 * For a text refused as "no meeting": why (no word of a meeting, visit or session; or such a word with
 * fewer than two parties), and the people and places it names, so that a person can build the meeting by
 * hand. Reads at most EXTRACTION_MAX_CHARS characters.
 */
export function diagnoseNoMeeting(text: string): {
  reason: NoMeetingReason;
  people: ProposedPerson[];
  places: ProposedPlace[];
} {
  const src = typeof text === "string" ? text.slice(0, EXTRACTION_MAX_CHARS) : "";
  const tokens = tokenize(src);
  const meetingWords = tokens.some((t) => !t.punct && MEETING_WORDS.test(noConj(t.fold)));
  const people: ProposedPerson[] = scanTitledPeople(src, tokens, 0, tokens.length).map((p, k) => ({
    id: `p${k + 1}`,
    ...p,
    role: "attendee",
  }));
  const places: ProposedPlace[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const m = matchPlaceAt(tokens, i);
    if (!m) continue;
    const a = tokens[i]!;
    const z = tokens[i + m.n - 1]!;
    if (!seen.has(m.place.fold)) {
      seen.add(m.place.fold);
      const start = a.start + m.prefix;
      places.push({
        text: src.slice(start, z.end),
        districtPcode: m.place.pcode,
        nameEn: m.place.nameEn,
        venue: null,
        span: { start, end: z.end },
      });
    }
    i += m.n - 1;
  }
  return { reason: meetingWords ? "only_one_party" : "no_meeting_words", people, places };
}
