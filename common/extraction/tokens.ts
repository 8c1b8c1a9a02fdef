// Tokenisation with source offsets. Each token keeps its span in the original text and its folded form
// (common/arabic.ts foldArabic, the same normalisation search uses).

import { foldArabic } from "../arabic";

export type Token = {
  text: string;
  start: number;
  end: number;
  /** foldArabic(text) */
  fold: string;
  /** true for punctuation (، , . : ; ؛ ! ? ( ) " …) */
  punct: boolean;
  /** true when a line break separates this token from the previous one */
  newline: boolean;
};

const TOKEN = /[\p{L}\p{M}\p{N}\u0640]+|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const folds = new Map<string, string>();
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const gap = text.slice(last, start);
    const word = m[0];
    tokens.push({
      text: word,
      start,
      end: start + word.length,
      fold: folds.get(word) ?? folds.set(word, foldArabic(word)).get(word)!,
      punct: !/[\p{L}\p{N}]/u.test(word),
      newline: /[\n\r\u2029]/.test(gap),
    });
    last = start + word.length;
  }
  return tokens;
}

/** Folded word without a leading conjunction/preposition و ف ب ل ك when what remains is in `known`. */
export function stripClitic(fold: string, known: (s: string) => boolean): string | null {
  if (known(fold)) return fold;
  for (const p of ["و", "ف", "ب", "ل", "ك", "وب", "ول", "فب"]) {
    if (fold.startsWith(p) && fold.length > p.length + 1) {
      const rest = fold.slice(p.length);
      if (known(rest)) return rest;
      if (p === "ل" || p === "ول" || p === "ب" || p === "وب") {
        if (known("ال" + rest)) return "ال" + rest;
      }
    }
  }
  return null;
}

/** Folded word without the definite article. */
export function bare(fold: string): string {
  if (fold.startsWith("وال") && fold.length > 4) return fold.slice(3);
  if (fold.startsWith("ال") && fold.length > 3) return fold.slice(2);
  return fold;
}

export function isSentenceEnd(t: Token): boolean {
  return t.punct && (t.text === "." || t.text === "!" || t.text === "?" || t.text === "؟" || t.text === "؛");
}

export function isComma(t: Token): boolean {
  return t.punct && (t.text === "،" || t.text === ",");
}
