import { describe, expect, it } from "vitest";
import { calendarParts, monthOf, parseTypedDay } from "./calendar-month";

describe("a month of the user's calendar, for the date field (issue 8, item 9)", () => {
  it("gives a Gregorian month its days", () => {
    const month = monthOf("2026-11-20", "gregorian");
    expect(month.first).toBe("2026-11-01");
    expect(month.last).toBe("2026-11-30");
    expect(month.days).toHaveLength(30);
    expect(monthOf("2028-02-10", "gregorian").days).toHaveLength(29);
  });

  it("gives a Hijri (Umm al-Qura) month its days, 29 or 30, numbered from 1", () => {
    const day = "2026-11-20";
    const hijri = calendarParts(day, "hijri");
    expect(hijri.year).toBe(1448);
    const month = monthOf(day, "hijri");
    expect([29, 30]).toContain(month.days.length);
    expect(month.days[0]!.number).toBe(1);
    expect(month.days.map((d) => d.number)).toEqual(month.days.map((_, i) => i + 1));
    expect(month.days.some((d) => d.day === day)).toBe(true);
    expect(calendarParts(month.first, "hijri").month).toBe(hijri.month);
    // The next month starts the day after this one ends.
    const next = monthOf(
      new Date(Date.parse(`${month.last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
      "hijri",
    );
    expect(calendarParts(next.first, "hijri").day).toBe(1);
  });

  it("reads a day typed in either order and either digits, and refuses what is not a day", () => {
    expect(parseTypedDay("2026-11-20")).toBe("2026-11-20");
    expect(parseTypedDay("٢٠/١١/٢٠٢٦")).toBe("2026-11-20");
    expect(parseTypedDay("20-11-2026")).toBe("2026-11-20");
    expect(parseTypedDay("2026-02-30")).toBeNull();
    expect(parseTypedDay("20/11")).toBeNull();
    expect(parseTypedDay("")).toBeNull();
  });
});
