import { describe, expect, it } from "vitest";
import { parseIncidentRecords, TEMPLATE_COLUMNS, TEMPLATE_EXAMPLE } from "./parse-incidents";
import { csvRecords } from "./read-csv";

const options = { language: "en", today: "2026-12-04", typeCodes: new Set(["smuggling_fuel"]) } as const;
// The template's example row up to its arrests column.
const ROW = TEMPLATE_EXAMPLE.slice(0, 12);

describe("Tansiq's template columns", () => {
  it("are read by their Arabic or English headers, in any order, the headers resolved once per file", () => {
    const columns = TEMPLATE_COLUMNS.slice(0, ROW.length);
    const arabic = csvRecords([columns.map(([ar]) => ar), ROW].map((r) => r.join(",")).join("\n")).records;
    const mixed = csvRecords(
      [columns.map(([ar, en], i) => (i % 2 ? en.toUpperCase() : ar)).reverse(), [...ROW].reverse()]
        .map((r) => r.join(","))
        .join("\n"),
    ).records;
    const a = parseIncidentRecords("tansiq", arabic, options);
    expect(a.refusals).toEqual([]);
    expect(a.candidates).toEqual([
      expect.objectContaining({
        sourceId: "TBQ-1",
        typeCode: "smuggling_fuel",
        occurredOn: "2026-01-15",
        arrests: 2,
      }),
    ]);
    expect(parseIncidentRecords("tansiq", mixed, options)).toEqual(a);
  });

  it("names a refused row's column in the reader's language", () => {
    const records = csvRecords(
      [TEMPLATE_COLUMNS.slice(0, 3).map(([ar]) => ar), ["TBQ-1", "smuggling_fuel", "2026-02-30"]]
        .map((r) => r.join(","))
        .join("\n"),
    ).records;
    expect(parseIncidentRecords("tansiq", records, { ...options, language: "ar" }).refusals).toEqual([
      { row: 2, column: "التاريخ", reason: "invalid_date", message: "تاريخ غير صالح" },
      { row: 2, column: "المكان", reason: "required", message: "قيمة مطلوبة مفقودة" },
    ]);
  });
});
