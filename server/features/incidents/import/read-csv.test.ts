import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvRecords, readCsv } from "./read-csv";

/** The parser as it was before it read in slices (character by character): what readCsv must still return. */
function readCsvByCharacter(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ""));
}

describe("readCsv", () => {
  it("reads any text as the character-by-character parser did (quotes anywhere, CR, LF, CRLF, a BOM)", () => {
    const piece = fc.constantFrom("a", "ب", " ", ",", '"', '""', "\r", "\n", "\r\n", "\uFEFF", "طبرق، ليبيا");
    const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(readCsv(t)).toEqual(readCsvByCharacter(t));
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads back what csvCell writes", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "ب", " ", ",", '"', "\n", "\r\n", "x") });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { maxLength: 5 }), (rows) => {
        const text = rows.map((r) => r.map(csvCell).join(",")).join("\r\n");
        expect(readCsv(text)).toEqual(readCsvByCharacter(text));
        const kept = rows.filter((r) => r.some((v) => v.trim() !== ""));
        expect(readCsv(text)).toEqual(kept);
      }),
    );
  });

  it("keys records by their trimmed, lower-cased headers; the last of two equal headers wins", () => {
    expect(csvRecords(" Web ID ,x,X\r\n 7 ,a,b\r\n8").records).toEqual([
      { "web id": "7", x: "b" },
      { "web id": "8", x: "" },
    ]);
  });
});
