// `tansiq import meeting FILE [--date YYYY-MM-DD]`: reads an Arabic meeting report and prints the
// proposed meeting as JSON. Nothing is saved: the proposal is reviewed on the import page.

import { readFile } from "node:fs/promises";
import { ruleExtractor, type ExtractionResult } from "../../../common/extraction";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type ImportMeetingArgs = { file: string; publicationDate: string | null };

/** Parses `FILE [--date YYYY-MM-DD]`; null when the arguments are not usable. */
export function parseImportMeetingArgs(args: string[]): ImportMeetingArgs | null {
  let file: string | null = null;
  let publicationDate: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--date") {
      const d = args[++i];
      if (!d || !DATE.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) return null;
      publicationDate = d;
    } else if (a.startsWith("--date=")) {
      const d = a.slice(7);
      if (!DATE.test(d)) return null;
      publicationDate = d;
    } else if (!file) file = a;
    else return null;
  }
  return file ? { file, publicationDate } : null;
}

export async function importMeetingFile(args: ImportMeetingArgs): Promise<ExtractionResult> {
  const text = await readFile(args.file, "utf8");
  return ruleExtractor.extract(text, { publicationDate: args.publicationDate });
}
