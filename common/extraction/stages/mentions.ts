// Stage 2 — mentions: people introduced by a title, a rank or their name; titles with their complement
// (body, place, nationality); names judged by what they are made of.

import { foldArabic } from "../../arabic";
import {
  ATTENDEE_STOP,
  BODY_NOUNS,
  COUNTRIES,
  DEMONYMS,
  HOST_STOP,
  HOST_VERBS,
  NOT_NAMES,
  PARTS_OF_DAY,
  SPEECH_PARTICIPLES,
  SPEECH_VERBS,
  TITLE_HEADS,
  WEEKDAYS,
  findPlace,
} from "../lexicon";
import { bare, isComma, isSentenceEnd, type Token } from "../tokens";
import type { Span } from "../types";
import { isSpeechVerb, matchRank, matchSeq, matchTitleHead, noConj, textOf } from "./segment";
import { matchPlaceAt } from "./when-where";

export type ParsedPerson = {
  name: string | null;
  title: string | null;
  rank: string | null;
  body: string | null;
  span: Span;
};

const RELATIVES = new Set(["الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"]);

export function isPlaceOrCountry(fold: string): boolean {
  return !!findPlace(fold) || COUNTRIES.has(fold);
}

/** Consumes the words that complete a title after its head: definite nouns, body nouns, places, "عن دائرة X". */
export function consumeComplement(tokens: Token[], i: number, end: number): number {
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
    // «المسؤول في المجلس المحلي»: «في» before a body completes the title
    if (f === "في" && j + 1 < end && BODY_NOUNS.has(bare(tokens[j + 1]!.fold))) {
      j += 2;
      continue;
    }
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
export function consumeQualifier(tokens: Token[], i: number, end: number): number {
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
export function parsePeople(src: string, tokens: Token[], from: number, to: number): ParsedPerson[] {
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
      // a leading و/ف is a conjunction unless the word itself is a title head («والي», «وزير», «وكيل»);
      // «والمسؤول» is «و» + «المسؤول»
      const conj =
        /^[وف]/.test(titleStart.text) &&
        !TITLE_HEADS.some((h) => h[0] === titleStart.fold && matchSeq(tokens, i, h, false) === h.length)
          ? 1
          : 0;
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

/** Every person introduced by a title in tokens [from, to), in order (the title's phrase up to a stop). */
export function scanTitledPeople(src: string, tokens: Token[], from: number, to: number): ParsedPerson[] {
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
