// Matching extracted names to existing personnel and agencies: Arabic folding (the same as search),
// then a similarity score. It proposes candidates with a score; it never merges — the reviewer chooses.

import { foldArabic } from "../arabic";

export type MatchCandidate = { id: string; name: string };
export type MatchProposal = { id: string; name: string; score: number; exact: boolean };

/** Folds a name further for comparison: no article, "عبد ال…" joined, "أبو" joined, no spaces. */
export function nameKey(name: string): string {
  return foldArabic(name)
    .replace(/\b(لواء|عميد|عقيد|مقدم|رائد|نقيب|ملازم|الدكتور|د\.)\s+/g, "")
    .replace(/(^|\s)ال/g, "$1")
    .replace(/عبد\s+/g, "عبد")
    .replace(/(^|\s)(ابو|بو)\s+/g, "$1ابو")
    .replace(/\s+/g, "");
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Similarity in [0, 1] of two names after folding. */
export function nameSimilarity(a: string, b: string): number {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka.length === 0 || kb.length === 0) return 0;
  if (ka === kb) return 1;
  return 1 - levenshtein(ka, kb) / Math.max(ka.length, kb.length);
}

/** Candidates scoring at least `threshold`, best first (at most `limit`). */
export function proposeMatches(
  name: string,
  candidates: ReadonlyArray<MatchCandidate>,
  threshold = 0.75,
  limit = 3,
): MatchProposal[] {
  const key = nameKey(name);
  if (key.length > 200) return [];
  return candidates
    .map((c) => {
      const score = nameSimilarity(name, c.name);
      return { id: c.id, name: c.name, score: Math.round(score * 100) / 100, exact: nameKey(c.name) === key };
    })
    .filter((m) => m.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

// Words that say nothing about which meeting a title names.
const TITLE_STOP = new Set(["في", "من", "مع", "علي", "الي", "عن", "حول", "بشان", "و"]);

/** A title's words, folded, without the article, a leading و ب ل, or words that name nothing. */
function titleWords(title: string): Set<string> {
  const words = foldArabic(title)
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => w.replace(/^(و|ب|ل|وب)(?=ال)/, "").replace(/^ال(?=..)/, ""))
    .filter((w) => w.length > 0 && !TITLE_STOP.has(w));
  return new Set(words);
}

/**
 * Similarity in [0, 1] of two meeting titles, Arabic-aware: the share of words they have in common (Dice),
 * after folding (diacritics, hamza, ta marbuta, alef maqsura, digits) and without articles, so
 * «اجتماع وزير الداخلية في طبرق» and «اجتماعُ وزيرِ الداخليّة بطبرق» score 1.
 */
export function titleSimilarity(a: string, b: string): number {
  const wa = titleWords(a);
  const wb = titleWords(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w) || [...wb].some((v) => nameSimilarity(v, w) >= 0.8)) shared++;
  return (2 * shared) / (wa.size + wb.size);
}

/**
 * Agencies a body named in a report may be: by name similarity, or because the agency's name contains every
 * word of it («مجلس النواب» → «مجلس النواب - دائرة طبرق»), which scores 0.9 (a proposal, never exact).
 */
export function proposeBodyMatches(
  body: string,
  candidates: ReadonlyArray<MatchCandidate>,
  threshold = 0.6,
  limit = 3,
): MatchProposal[] {
  const words = titleWords(body);
  if (words.size === 0 || body.length > 200) return [];
  const key = nameKey(body);
  return candidates
    .map((c) => {
      const named = titleWords(c.name);
      const contains = [...words].every((w) => named.has(w));
      const score = Math.max(nameSimilarity(body, c.name), contains ? 0.9 : 0);
      return { id: c.id, name: c.name, score: Math.round(score * 100) / 100, exact: nameKey(c.name) === key };
    })
    .filter((m) => m.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
