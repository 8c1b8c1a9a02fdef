import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bubbleSize, gatherBubbles } from "./gather-bubbles";

const at = (item: string, x: number, y: number, count: number) => ({ item, x, y, count });

describe("gatherBubbles", () => {
  it("keeps apart bubbles that do not touch", () => {
    const bubbles = gatherBubbles([at("a", 0, 0, 10), at("b", 100, 0, 10)], false);
    expect(bubbles.map((b) => b.members)).toEqual([["a"], ["b"]]);
  });

  it("gathers bubbles that overlap into one: their counts summed, at their centre weighted by count", () => {
    const [bubble, ...rest] = gatherBubbles([at("a", 0, 0, 30), at("b", 20, 0, 10)], false);
    expect(rest).toEqual([]);
    expect(bubble).toMatchObject({ members: ["a", "b"], count: 40, x: 5, y: 0 });
    expect(bubble!.size).toBe(bubbleSize(40, 40, false));
  });

  it("gathers again when a gathered bubble reaches one that neither of its clusters touched", () => {
    // Each 48 px wide: c is 51 px from a and from b, 46 px from where they meet.
    const bubbles = gatherBubbles([at("a", 0, 0, 5), at("b", 45, 0, 5), at("c", 22.5, 46, 5)], false);
    expect(bubbles).toHaveLength(1);
    expect(bubbles[0]!.members.sort()).toEqual(["a", "b", "c"]);
  });

  it("leaves no two bubbles overlapping, every cluster in one bubble, every count kept", () => {
    const cluster = fc.record({
      x: fc.integer({ min: 0, max: 400 }),
      y: fc.integer({ min: 0, max: 400 }),
      count: fc.integer({ min: 0, max: 500 }),
    });
    fc.assert(
      fc.property(fc.array(cluster, { maxLength: 60 }), fc.boolean(), (clusters, small) => {
        const placed = clusters.map((c, i) => at(String(i), c.x, c.y, c.count));
        const bubbles = gatherBubbles(placed, small);
        for (const [i, a] of bubbles.entries())
          for (const b of bubbles.slice(i + 1))
            expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual((a.size + b.size) / 2);
        expect(bubbles.flatMap((b) => b.members).sort()).toEqual(placed.map((p) => p.item).sort());
        expect(bubbles.reduce((n, b) => n + b.count, 0)).toBe(placed.reduce((n, p) => n + p.count, 0));
      }),
    );
  });
});
