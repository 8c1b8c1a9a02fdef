import { describe, expect, it } from "vitest";
import { nameSimilarity, proposeMatches } from "./match";

const personnel = [
  { id: "1", name: "عصام أبو زريبة" },
  { id: "2", name: "أسامه الدرسى" },
  { id: "3", name: "موسى البدين" },
  { id: "4", name: "مصطفى الدرسي" },
];

describe("matching extracted names to personnel (propose, never merge)", () => {
  it("folds hamza, ta marbuta, alef maqsura and the split أبو", () => {
    expect(proposeMatches("عصام أبوزريبة", personnel)[0]).toMatchObject({ id: "1", exact: true, score: 1 });
    expect(proposeMatches("أسامة الدرسي", personnel)[0]).toMatchObject({ id: "2", exact: true });
  });

  it("proposes a near spelling with a score below 1 and not as exact", () => {
    const [best] = proposeMatches("موسي البدينى", personnel);
    expect(best).toMatchObject({ id: "3", exact: false });
    expect(best!.score).toBeLessThan(1);
    expect(best!.score).toBeGreaterThan(0.75);
  });

  it("does not propose a different person sharing a family name", () => {
    expect(proposeMatches("أسامة الدرسي", personnel).map((m) => m.id)).not.toContain("4");
    expect(nameSimilarity("", "موسى")).toBe(0);
  });
});
