// Arabic text normalisation shared by search (server) and matching (web, extractors).

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
const ARABIC_INDIC = /[\u0660-\u0669]/g;
const EXTENDED_INDIC = /[\u06F0-\u06F9]/g;

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits to Western digits. */
export function toWesternDigits(text: string): string {
  return text
    .replace(ARABIC_INDIC, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(EXTENDED_INDIC, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/**
 * Folds text for matching: no diacritics or tatweel, one alef, ة→ه, ى→ي, Western digits, lower case,
 * single spaces. Use it for trigram/substring matching, never before a stemmer.
 */
export function foldArabic(text: string): string {
  return toWesternDigits(text.normalize("NFKC"))
    .replace(DIACRITICS, "")
    .replace(TATWEEL, "")
    .replace(/[إأآٱ]/g, "ا")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The search key stored beside a record: every searchable part folded and joined. */
export function searchKey(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .map(foldArabic)
    .join(" | ");
}

/**
 * The words of a search as the index holds them: folded, and without the article ال on a word of four letters or
 * more («المنفذ» → «منفذ»), so that a search finds a record written with or without it (a word of the record that
 * carries the article still contains the bare word).
 */
export function searchWords(query: string): string[] {
  return foldArabic(query)
    .split(/[\s|,.;:!?()«»"'،؛؟]+/)
    .map((word) => (word.length >= 4 && word.startsWith("ال") ? word.slice(2) : word))
    .filter((word) => word.length > 0);
}

/** Text with the parts a search matched marked: segments in order, `mark` on the matched ones. */
export type Snippet = { text: string; mark: boolean }[];

/** Each character's fold, computed once: a search's snippets fold a few thousand characters a request. */
const foldedChars = new Map<string, string>();
function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    folded = foldArabic(char);
    if (foldedChars.size < 10_000) foldedChars.set(char, folded);
  }
  return folded;
}

/**
 * Where `words` (from `searchWords`) occur in `text`, found on the folded text and marked on the original (its
 * harakat, hamza and digits as written), cut to about `width` characters around the first match.
 */
export function highlight(text: string, words: readonly string[], width = 160): Snippet {
  // Fold character by character, remembering where each folded character came from.
  let folded = "";
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const piece = /\s/.test(char) ? " " : foldChar(char);
    for (const c of piece) {
      if (c === " " && (folded.length === 0 || folded.endsWith(" "))) continue;
      folded += c;
      from.push(i);
    }
  }
  const marked = new Array<boolean>(text.length).fill(false);
  let first = -1;
  for (const word of words) {
    if (!word) continue;
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) {
      const start = from[at]!;
      const end = from[at + word.length - 1]! + 1;
      for (let i = start; i < end; i++) marked[i] = true;
      if (first < 0 || start < first) first = start;
    }
  }
  let start = 0;
  let end = text.length;
  if (text.length > width) {
    start = Math.max(0, (first < 0 ? 0 : first) - Math.floor(width / 3));
    end = Math.min(text.length, start + width);
    start = Math.max(0, end - width);
  }
  const segments: Snippet = [];
  for (let i = start; i < end; i++) {
    const last = segments[segments.length - 1];
    if (last && last.mark === marked[i]) last.text += text[i];
    else segments.push({ text: text[i]!, mark: marked[i]! });
  }
  if (start > 0) segments.unshift({ text: "… ", mark: false });
  if (end < text.length) segments.push({ text: " …", mark: false });
  return segments;
}
