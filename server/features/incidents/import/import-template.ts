import ExcelJS from "exceljs";
import { csvCell } from "./read-csv";
import { TEMPLATE_COLUMNS } from "./parse-incidents";

const EXAMPLE = [
  "TBQ-1",
  "smuggling_fuel",
  "2026-01-15",
  "LY0104",
  "منفذ امساعد",
  "31.58",
  "25.05",
  "",
  "0",
  "0",
  "0",
  "2",
  "0",
];

/** Tansiq's import template as CSV: Arabic headers, one example row, a BOM so Excel reads it as UTF-8. */
export const templateCsv = () =>
  "\uFEFF" +
  [TEMPLATE_COLUMNS.map((c) => c[0]), EXAMPLE].map((r) => r.map(csvCell).join(",")).join("\r\n") +
  "\r\n";

/** The same template as a workbook, right to left. */
export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("incidents", { views: [{ rightToLeft: true }] });
  sheet.addRow(TEMPLATE_COLUMNS.map((c) => c[0]));
  sheet.addRow(EXAMPLE);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
