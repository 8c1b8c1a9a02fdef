import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { SQL } from "drizzle-orm";
import type { Language } from "../../../common/enums";
import { LIMITS } from "../../../common/limits";
import type { NeedTotals } from "../../../common/schemas/needs";
import type { Db } from "../../db/client";
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

/** A cell a spreadsheet would read as a formula is prefixed, so that an export never runs one. */
function csvCell(value: string | number | Date): string {
  if (typeof value === "number") return String(value);
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

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

type PipeState = { _writableState?: { needDrain?: boolean }; once(event: "drain", f: () => void): void };

/**
 * exceljs writes a sheet into a buffer that it pipes into the zip without waiting (its `write` never says "wait"),
 * so rows produced faster than they are compressed pile up in memory. Until it offers backpressure, wait for the
 * zip's input stream to drain between batches (reading exceljs's internals, defensively: no pipe, no wait).
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const pipes = (sheet as unknown as { _stream?: { pipes?: PipeState[] } })._stream?.pipes ?? [];
  for (const pipe of pipes)
    if (pipe._writableState?.needDrain) await new Promise<void>((resolve) => pipe.once("drain", resolve));
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
