import { describe, expect, it } from "vitest";
import { QR_FIXTURES } from "./qr-code.fixture";
import { qrMatrix } from "./qr-code";

describe("qrMatrix", () => {
  it("draws, module for module, what an independent encoder draws (versions 3, 4 and 8, Arabic in UTF-8)", () => {
    expect(Object.keys(QR_FIXTURES)).toHaveLength(3);
    for (const [text, rows] of Object.entries(QR_FIXTURES)) {
      const drawn = qrMatrix(text).map((row) => row.map((dark) => (dark ? "1" : "0")).join(""));
      expect(drawn, text).toEqual(rows);
    }
  });

  it("grows with the text and refuses what a version-10 code cannot hold", () => {
    expect(qrMatrix("A")).toHaveLength(21);
    expect(qrMatrix("x".repeat(150))).toHaveLength(49);
    expect(() => qrMatrix("x".repeat(300))).toThrow(/too long/);
  });
});
