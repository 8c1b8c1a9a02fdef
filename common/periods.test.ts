import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isoWeekDays, isoWeekOf } from "./periods";

describe("ISO weeks", () => {
  it("names the weeks as ISO 8601 does, long years and year ends included", () => {
    expect(isoWeekDays("2026-W48")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(isoWeekDays("2026-W53")).toEqual({ from: "2026-12-28", to: "2027-01-03" });
    expect(isoWeekDays("2025-W01")).toEqual({ from: "2024-12-30", to: "2025-01-05" });
    expect(isoWeekDays("2025-W53")).toBeNull();
    expect(isoWeekDays("2026-W00")).toBeNull();
    expect(isoWeekDays("2026-48")).toBeNull();
    expect(isoWeekOf("2027-01-01")).toBe("2026-W53");
    expect(isoWeekOf("2024-12-30")).toBe("2025-W01");
  });

  it("puts every day in the Monday-to-Sunday week it names", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), (n) => {
        const day = addDays("1970-01-01", n);
        const week = isoWeekDays(isoWeekOf(day));
        expect(week).not.toBeNull();
        expect(week!.from <= day && day <= week!.to).toBe(true);
        expect(new Date(`${week!.from}T00:00:00Z`).getUTCDay()).toBe(1);
      }),
    );
  });
});
