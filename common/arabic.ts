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
