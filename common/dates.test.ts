import { describe, expect, it } from "vitest";
import {
  endOfZonedDay,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  startOfZonedDay,
} from "./dates";

// 22:30 UTC on 29 November is already 00:30 on 30 November in Tripoli (UTC+2).
const LATE_EVENING_UTC = "2026-11-29T22:30:00Z";

describe("formatDateTime", () => {
  it("shows the Tripoli wall clock, Gregorian, Western digits, in Arabic", () => {
    const text = formatDateTime(LATE_EVENING_UTC, {
      language: "ar",
      calendar: "gregorian",
      numerals: "latn",
    });
    expect(text).toContain("30");
    expect(text).toContain("نوفمبر");
    expect(text).toContain("2026");
    expect(text).toContain("00:30");
    expect(text).not.toContain("29");
  });

  it("shows the Hijri day with Arabic-Indic digits", () => {
    const text = formatDateTime(LATE_EVENING_UTC, { language: "ar", calendar: "hijri", numerals: "arab" });
    // 30 November 2026 is 20 Jumada al-Akhirah 1448 (Umm al-Qura).
    expect(text).toContain("٢٠");
    expect(text).toContain("جمادى الآخرة");
    expect(text).toContain("١٤٤٨");
    expect(text).toContain("٠٠:٣٠");
    expect(text).not.toMatch(/[0-9]/);
  });

  it("writes English with Western digits", () => {
    const text = formatDateTime(LATE_EVENING_UTC, {
      language: "en",
      calendar: "gregorian",
      numerals: "latn",
    });
    expect(text).toContain("30 November 2026");
    expect(text).toContain("00:30");
  });

  it("writes Arabic-Indic digits in English too when asked", () => {
    const text = formatDate(LATE_EVENING_UTC, { language: "en", calendar: "gregorian", numerals: "arab" });
    expect(text).toContain("٣٠");
    expect(text).toContain("November");
  });

  it("gives back an unreadable value as it came", () => {
    expect(formatDateTime("not a date", { language: "ar", calendar: "gregorian", numerals: "latn" })).toBe(
      "not a date",
    );
  });
});

describe("formatNumber", () => {
  it("uses the chosen digits", () => {
    expect(formatNumber(1448, { language: "ar", numerals: "arab" })).toMatch(/^[١٤٨٬]+$/);
    expect(formatNumber(25, { language: "ar", numerals: "latn" })).toBe("25");
  });
});

describe("zoned day bounds", () => {
  it("starts a Tripoli day two hours before UTC midnight", () => {
    expect(startOfZonedDay("2026-11-30")?.toISOString()).toBe("2026-11-29T22:00:00.000Z");
  });

  it("ends it at the last millisecond before the next day", () => {
    expect(endOfZonedDay("2026-11-30")?.toISOString()).toBe("2026-11-30T21:59:59.999Z");
  });

  it("follows daylight saving where a zone has it", () => {
    expect(startOfZonedDay("2026-07-01", "Europe/London")?.toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(startOfZonedDay("2026-01-01", "Europe/London")?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("refuses text that is not a day", () => {
    expect(startOfZonedDay("30/11/2026")).toBeNull();
  });
});

describe("formatMoney", () => {
  it("writes amounts as officials do, never with a dot that reads as dinar decimals", () => {
    expect(formatMoney(45_000, "د.ل", { language: "ar", numerals: "arab" })).toBe("٤٥٬٠٠٠\u00a0د.ل");
    expect(formatMoney(45_000, "د.ل", { language: "ar", numerals: "latn" })).toBe("45,000\u00a0د.ل");
    expect(formatMoney(45_000, "LYD", { language: "en", numerals: "latn" })).toBe("LYD\u00a045,000");
    expect(formatMoney(90.5, "LYD", { language: "en", numerals: "latn" })).toBe("LYD\u00a090.5");
    expect(formatMoney(2_500_000.125, "د.ل", { language: "ar", numerals: "arab" })).toBe(
      "٢٬٥٠٠٬٠٠٠٫١٢٥\u00a0د.ل",
    );
    expect(formatNumber(2_500_000, { language: "ar", numerals: "latn" })).toBe("2,500,000");
  });
});
