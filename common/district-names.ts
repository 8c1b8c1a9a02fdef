import { foldArabic } from "./arabic";
import { DISTRICTS, type DistrictPcode } from "./districts";

/** A name as a search word is taken (`searchWords`): folded, without the article on a word of four letters or more. */
const asSearchWord = (name: string) => {
  const folded = foldArabic(name);
  return folded.length >= 4 && folded.startsWith("ال") ? folded.slice(2) : folded;
};
/**
 * The districts by their whole names, in Arabic and English, as one search word each. Names of several words
 * (الجبل الاخضر, وادي الشاطئ) are left out: a search's words are read one by one, and their parts are ordinary
 * words (جبل, وادي, الشاطئ) that would bring a whole district's incidents to a search for a beach.
 */
const DISTRICT_BY_NAME = new Map<string, DistrictPcode>(
  DISTRICTS.flatMap((d) =>
    [d.nameAr, d.nameEn]
      .filter((name) => !/\s/.test(name.trim()))
      .map((name) => [asSearchWord(name), d.pcode] as const),
  ),
);

/**
 * The district a word of a search (from `searchWords`: folded, without the article) names by its whole name
 * («طبرق», «tobruk», «الكفرة» as «كفره»): a record placed in a district is found by its name though its own text does
 * not say it.
 */
export function districtsNamed(word: string): DistrictPcode[] {
  const pcode = word.length >= 3 ? DISTRICT_BY_NAME.get(word) : undefined;
  return pcode ? [pcode] : [];
}
