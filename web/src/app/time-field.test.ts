import { describe, expect, it } from "vitest";
import { parseTypedTime } from "./time-field";

describe("a time typed by hand (issue 8, item 9)", () => {
  it("reads the 24-hour clock in either digits, with or without the colon", () => {
    expect(parseTypedTime("22:15")).toBe("22:15");
    expect(parseTypedTime("٢٢:١٥")).toBe("22:15");
    expect(parseTypedTime("9:05")).toBe("09:05");
    expect(parseTypedTime("0930")).toBe("09:30");
  });
  it("refuses what is no time of day", () => {
    for (const text of ["24:00", "12:60", "10 AM", "", "1:5"]) expect(parseTypedTime(text), text).toBeNull();
  });
});
