import { describe, expect, it } from "vitest";
import { searchWords } from "./arabic";
import { districtsNamed } from "./district-names";

const named = (q: string) => searchWords(q).flatMap(districtsNamed);

describe("districtsNamed", () => {
  it("reads a district's whole name, in Arabic (with or without the article, any hamza or ة) or English", () => {
    expect(named("طبرق")).toEqual(["LY0104"]);
    expect(named("Tobruk")).toEqual(["LY0104"]);
    expect(named("الكفرة")).toEqual(["LY0107"]);
    expect(named("كفره")).toEqual(["LY0107"]);
    expect(named("مصراتة")).toEqual(["LY0214"]);
    expect(named("وقود طبرق")).toEqual(["LY0104"]);
  });

  it("does not take the ordinary words of a name of several words for the district", () => {
    for (const q of ["الشاطئ", "شاطئ", "جبل", "الجبل", "وادي", "الأخضر", "الغربي", "jabal", "wadi", "al"])
      expect(named(q), q).toEqual([]);
  });
});
