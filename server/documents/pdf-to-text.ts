// The text layer of a PDF as poppler's pdftotext reads it: how tests (and anyone checking a document)
// see whether the Arabic in a PDF can be copied and searched in logical order.

import { spawn } from "node:child_process";

export type PdfTextMode = "reading" | "layout" | "raw";

const MODE_FLAGS: Record<PdfTextMode, string[]> = { reading: [], layout: ["-layout"], raw: ["-raw"] };

/** Bidi marks that pdftotext wraps around right-to-left lines and numbers (not part of the text). */
const BIDI_MARKS = /[\u200E\u200F\u202A-\u202E]/g;

/**
 * Runs `pdftotext` (poppler-utils) on a PDF and returns its text without the bidi marks it adds.
 * "reading" (the default) orders right-to-left lines logically; "raw" keeps the order of the content
 * stream. Rejects with an instruction to install poppler-utils when the command is missing.
 */
export function pdfToText(
  pdf: Buffer,
  mode: PdfTextMode = "reading",
  command: string = "pdftotext",
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...MODE_FLAGS[mode], "-enc", "UTF-8", "-", "-"], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "ENOENT"
          ? new Error(
              `${command} is not installed: install poppler-utils (apt-get install poppler-utils) to read PDF text`,
            )
          : error,
      );
    });
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString("utf8").replace(BIDI_MARKS, ""));
      else reject(new Error(`${command} exited with ${code}: ${Buffer.concat(err).toString("utf8")}`));
    });
    child.stdin.on("error", () => undefined); // the exit code or the spawn error says what went wrong
    child.stdin.end(pdf);
  });
}
