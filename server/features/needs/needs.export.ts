import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { SQL } from "drizzle-orm";
import type { Language } from "../../../common/enums";
import { LIMITS } from "../../../common/limits";
import type { NeedTotals } from "../../../common/schemas/needs";
import type { Db } from "../../db/client";
import { csvCell, zipCaughtUp } from "../../http/exports";
import { translate } from "../../http/i18n";
import { agencyNames } from "../agencies";
import { remainingOf } from "./needs.present";
import { needBatches } from "./needs.queries";
import type { NeedRow } from "./needs.table";

type Column = {
  key: string;
  width: number;
  numFmt?: string;
  value: (row: NeedRow, names: Map<string, string>, language: Language) => string | number | Date;
};

const AMOUNT = "#,##0.00";
const tripoliDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Tripoli" });

const COLUMNS: Column[] = [
  { key: "reference", width: 18, value: (r) => r.reference },
  { key: "title", width: 40, value: (r) => r.title },
  { key: "agency", width: 30, value: (r, n) => n.get(r.agencyId) ?? "" },
  { key: "category", width: 20, value: (r, _n, l) => translate(l, `needs.category.${r.category}`) },
  { key: "status", width: 16, value: (r, _n, l) => translate(l, `needs.status.${r.status}`) },
  { key: "priority", width: 10, value: (r, _n, l) => translate(l, `needs.priority.${r.priority}`) },
  { key: "quantity", width: 12, numFmt: AMOUNT, value: (r) => r.quantity },
  { key: "unit", width: 12, value: (r) => r.unit },
  { key: "unitCost", width: 14, numFmt: AMOUNT, value: (r) => r.unitCost },
  { key: "currency", width: 8, value: (r) => r.currency },
  { key: "estimatedCost", width: 16, numFmt: AMOUNT, value: (r) => r.estimatedCost },
  { key: "deliveredQuantity", width: 12, numFmt: AMOUNT, value: (r) => r.deliveredQuantity },
  { key: "remainingQuantity", width: 12, numFmt: AMOUNT, value: (r) => remainingOf(r).remainingQuantity },
  { key: "remainingValue", width: 16, numFmt: AMOUNT, value: (r) => remainingOf(r).remainingValue },
  { key: "responsibleAgency", width: 30, value: (r, n) => n.get(r.responsibleAgencyId) ?? "" },
  {
    key: "createdAt",
    width: 12,
    numFmt: "yyyy-mm-dd",
    value: (r) => new Date(`${tripoliDate.format(r.createdAt)}T00:00:00Z`),
  },
];

const header = (language: Language) => COLUMNS.map((c) => translate(language, `needs.columns.${c.key}`));

/** The totals lines: count and quantities, then the costs of each currency on a line of its own. */
function totalsLines(totals: NeedTotals, language: Language) {
  const costs =
    totals.costs.length > 0
      ? totals.costs
      : [{ currency: "LYD" as const, estimatedCost: 0, remainingValue: 0 }];
  return costs.map((c, i) => {
    const cells: Record<string, string | number> = {
      reference: translate(language, "needs.columns.total"),
      title: i === 0 ? translate(language, "needs.totals.count", { count: totals.count }) : "",
      currency: c.currency,
      estimatedCost: c.estimatedCost,
      remainingValue: c.remainingValue,
    };
    if (i === 0) {
      cells.quantity = totals.quantity;
      cells.remainingQuantity = totals.remainingQuantity;
    }
    return COLUMNS.map((col) => cells[col.key] ?? "");
  });
}

/** The filtered register as CSV (UTF-8 with a byte-order mark, for spreadsheet programs), streamed by batches. */
export function needsCsv(db: Db, where: SQL | undefined, totals: NeedTotals, language: Language): Readable {
  async function* lines() {
    const names = await agencyNames(db, language);
    yield `\uFEFF${header(language).map(csvCell).join(",")}\r\n`;
    for await (const batch of needBatches(db, where, LIMITS.exportBatch)) {
      yield (
        batch.map((r) => COLUMNS.map((c) => csvCell(c.value(r, names, language))).join(",")).join("\r\n") +
        "\r\n"
      );
    }
    for (const line of totalsLines(totals, language)) yield `${line.map(csvCell).join(",")}\r\n`;
  }
  return Readable.from(lines());
}

/**
 * The filtered register as an Excel workbook, written row by row by exceljs's streaming writer: a right-to-left
 * sheet in Arabic, headers in the user's language, number formats, and a totals line from the database's sums.
 */
export function needsXlsx(db: Db, where: SQL | undefined, totals: NeedTotals, language: Language): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(translate(language, "needs.title").slice(0, 31), {
    views: [{ rightToLeft: language === "ar", state: "frozen", ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  const write = async () => {
    const names = await agencyNames(db, language);
    const head = sheet.addRow(header(language));
    head.font = { bold: true };
    head.commit();
    for await (const batch of needBatches(db, where, LIMITS.exportBatch)) {
      for (const r of batch) sheet.addRow(COLUMNS.map((c) => c.value(r, names, language))).commit();
      // Let the zip and the client catch up before reading more: memory stays flat whatever the number of rows.
      await zipCaughtUp(sheet);
      if (out.writableNeedDrain) await once(out, "drain");
    }
    for (const line of totalsLines(totals, language)) {
      const row = sheet.addRow(line);
      row.font = { bold: true };
      row.commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
