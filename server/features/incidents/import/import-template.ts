import ExcelJS from "exceljs";
import { csvCell } from "./read-csv";
import { TEMPLATE_COLUMNS, TEMPLATE_EXAMPLE } from "./parse-incidents";

/** Tansiq's import template as CSV: Arabic headers, one example row, a BOM so Excel reads it as UTF-8. */
export const templateCsv = () =>
  "\uFEFF" +
  [TEMPLATE_COLUMNS.map((c) => c[0]), TEMPLATE_EXAMPLE].map((r) => r.map(csvCell).join(",")).join("\r\n") +
  "\r\n";

/** The same template as a workbook, right to left. */
export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("incidents", { views: [{ rightToLeft: true }] });
  sheet.addRow(TEMPLATE_COLUMNS.map((c) => c[0]));
  sheet.addRow(TEMPLATE_EXAMPLE);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
