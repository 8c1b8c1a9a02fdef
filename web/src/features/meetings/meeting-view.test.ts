import { describe, expect, it } from "vitest";
import { groupBySpeaker, placeParts } from "./meeting-view";

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

describe("placeParts", () => {
  it("says a place once", () => {
    expect(placeParts("طبرق", "طبرق")).toEqual(["طبرق"]);
    expect(placeParts("طبرق", "مقر مديرية أمن طبرق")).toEqual(["مقر مديرية أمن طبرق"]);
    expect(placeParts("طبرق", "قاعة البلدية")).toEqual(["قاعة البلدية", "طبرق"]);
    expect(placeParts("Tobruk", "طبرق")).toEqual(["طبرق", "Tobruk"]);
    expect(placeParts(null, "قاعة البلدية")).toEqual(["قاعة البلدية"]);
    expect(placeParts("طبرق", null)).toEqual(["طبرق"]);
    expect(placeParts(null, null)).toEqual([]);
  });
});
