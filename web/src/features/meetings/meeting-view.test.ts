import { describe, expect, it } from "vitest";
import { groupBySpeaker, placeLine } from "./meeting-view";

describe("groupBySpeaker", () => {
  it("keeps the order in which speakers first spoke, each with their statements in order; unknown last", () => {
    const s = (id: string, speakerId: string | null, position: number) => ({ id, speakerId, position });
    const groups = groupBySpeaker([
      s("4", "mayor", 4),
      s("1", null, 1),
      s("2", "mp", 2),
      s("3", "mayor", 3),
      s("5", "mp", 5),
    ]);
    expect(groups.map((g) => [g.speakerId, g.statements.map((x) => x.id)])).toEqual([
      ["mp", ["2", "5"]],
      ["mayor", ["3", "4"]],
      [null, ["1"]],
    ]);
    expect(groupBySpeaker([])).toEqual([]);
  });
});

describe("placeLine", () => {
  it("says a place once", () => {
    expect(placeLine("طبرق", "طبرق")).toBe("طبرق");
    expect(placeLine("طبرق", "مقر مديرية أمن طبرق")).toBe("مقر مديرية أمن طبرق");
    expect(placeLine("طبرق", "قاعة البلدية")).toBe("قاعة البلدية — طبرق");
    expect(placeLine(null, "قاعة البلدية")).toBe("قاعة البلدية");
    expect(placeLine("طبرق", null)).toBe("طبرق");
    expect(placeLine(null, null)).toBe("");
  });
});
