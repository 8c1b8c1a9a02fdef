import { foldArabic } from "./arabic";
import { DISTRICTS, type DistrictPcode } from "./districts";

const nameWords = (name: string) =>
  foldArabic(name)
    .split(" ")
    .map((word) => (word.length >= 4 && word.startsWith("ال") ? word.slice(2) : word));
const DISTRICT_WORDS = DISTRICTS.map((d) => ({
  pcode: d.pcode,
  words: new Set([...nameWords(d.nameAr), ...nameWords(d.nameEn)]),
}));

/**
 * The districts a word of a search (from `searchWords`: folded, without the article) names: a word of the
 * district's Arabic or English name («طبرق», «tobruk», «الكفرة» as «كفره»). A record placed in a district is found
 * by its name though its own text does not say it.
 */
export function districtsNamed(word: string): DistrictPcode[] {
  if (word.length < 3) return [];
  return DISTRICT_WORDS.filter((d) => d.words.has(word)).map((d) => d.pcode);
}
