// Stage 1 — segmentation: sentences, and the matching of lexicon entries on folded tokens (a leading
// و/ف conjunction allowed).

import { RANKS, SPEECH_PARTICIPLES, SPEECH_VERBS, TITLE_HEADS } from "../lexicon";
import { bare, isSentenceEnd, type Token } from "../tokens";

const CONJ = ["و", "ف"];

/** Folded word without a leading و/ف when the rest is at least two letters. */
export function noConj(fold: string): string {
  for (const c of CONJ) if (fold.startsWith(c) && fold.length > 2) return fold.slice(1);
  return fold;
}

export function matchSeq(tokens: Token[], i: number, seq: string[], allowConj = true): number {
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

export function matchAny(tokens: Token[], i: number, list: string[][]): number {
  for (const seq of list) {
    const n = matchSeq(tokens, i, seq);
    if (n) return n;
  }
  return 0;
}

export function matchRank(tokens: Token[], i: number): number {
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
export function matchTitleHead(tokens: Token[], i: number): number {
  const n = matchAny(tokens, i, TITLE_HEADS);
  if (!n) return 0;
  return n;
}

export const textOf = (src: string, a: Token, b: Token) => src.slice(a.start, b.end);

export function sentenceRanges(tokens: Token[]): [number, number][] {
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

export function isSpeechVerb(t: Token): boolean {
  const f = t.fold;
  return SPEECH_VERBS.has(f) || SPEECH_VERBS.has(noConj(f)) || SPEECH_PARTICIPLES.has(f);
}
