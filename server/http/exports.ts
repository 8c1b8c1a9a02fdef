// What every streamed export needs: spreadsheet-safe CSV cells, and backpressure for exceljs's streaming writer.

import type ExcelJS from "exceljs";

/** A cell a spreadsheet would read as a formula is prefixed, so that an export never runs one. */
export function csvCell(value: string | number | Date): string {
  if (typeof value === "number") return String(value);
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

type PipeState = { _writableState?: { needDrain?: boolean }; once(event: "drain", f: () => void): void };

/**
 * exceljs writes a sheet into a buffer that it pipes into the zip without waiting (its `write` never says "wait"),
 * so rows produced faster than they are compressed pile up in memory. Until it offers backpressure, wait for the
 * zip's input stream to drain between batches (reading exceljs's internals, defensively: no pipe, no wait).
 */
export async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const pipes = (sheet as unknown as { _stream?: { pipes?: PipeState[] } })._stream?.pipes ?? [];
  for (const pipe of pipes)
    if (pipe._writableState?.needDrain) await new Promise<void>((resolve) => pipe.once("drain", resolve));
}
