// `tansiq import meeting FILE [--date YYYY-MM-DD] [--format json|text]`: reads an Arabic meeting report
// and prints the proposed meeting as JSON (the default) or as a readable summary. Nothing is saved: the
// proposal is reviewed on the import page. A report refused as "no meeting" comes with the reason and the
// people and places found in it, so that the meeting can be built by hand.

import { readFile } from "node:fs/promises";
import {
  diagnoseNoMeeting,
  ruleExtractor,
  type ExtractionResult,
  type MeetingProposal,
  type ProposedPerson,
} from "../../../common/extraction";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type ImportMeetingArgs = {
  file: string;
  publicationDate: string | null;
  /** Set only when --format is given; JSON otherwise. */
  format?: "json" | "text";
};

export type ImportMeetingResult = ExtractionResult & {
  diagnosis?: ReturnType<typeof diagnoseNoMeeting>;
};

/** Parses `FILE [--date YYYY-MM-DD]`; null when the arguments are not usable. */
export function parseImportMeetingArgs(args: string[]): ImportMeetingArgs | null {
  let file: string | null = null;
  let publicationDate: string | null = null;
  let format: "json" | "text" | undefined;
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
    } else if (a === "--format" || a.startsWith("--format=")) {
      const f = a === "--format" ? args[++i] : a.slice(9);
      if (f !== "json" && f !== "text") return null;
      format = f;
    } else if (!file) file = a;
    else return null;
  }
  if (!file) return null;
  return format ? { file, publicationDate, format } : { file, publicationDate };
}

export async function importMeetingFile(args: ImportMeetingArgs): Promise<ImportMeetingResult> {
  const text = await readFile(args.file, "utf8");
  const result = ruleExtractor.extract(text, { publicationDate: args.publicationDate });
  if (!result.ok && result.error === "extraction_no_meeting")
    return { ...result, diagnosis: diagnoseNoMeeting(text) };
  return result;
}

const personLine = (p: Pick<ProposedPerson, "title" | "rank" | "name">) =>
  [p.title, p.rank, p.name ?? "(name not given)"].filter(Boolean).join(" — ");

/** A readable summary of the result (`--format text`). */
export function formatImportResult(result: ImportMeetingResult): string {
  if (!result.ok) {
    const lines = [`Not imported: ${result.error}`];
    if (result.diagnosis) {
      lines.push(
        `Reason: ${result.diagnosis.reason === "no_meeting_words" ? "no word of a meeting, visit or session" : "fewer than two parties"}`,
      );
      for (const p of result.diagnosis.people) lines.push(`Person found: ${personLine(p)}`);
      for (const p of result.diagnosis.places) lines.push(`Place found: ${p.text}`);
    }
    return lines.join("\n");
  }
  const m: MeetingProposal = result.proposal;
  const name = (id: string | null) => m.people.find((p) => p.id === id)?.name ?? "?";
  const lines = [`Meeting: ${m.title}`];
  if (m.date)
    lines.push(`When: ${[m.date.date, m.date.weekday, m.date.partOfDay].filter(Boolean).join(", ")}`);
  if (m.place) lines.push(`Where: ${m.place.text}${m.place.venue ? ` (${m.place.venue})` : ""}`);
  if (m.host) lines.push(`Host: ${personLine(m.host)}`);
  for (const p of m.people) if (p.role === "attendee") lines.push(`Attendee: ${personLine(p)}`);
  for (const a of m.agenda) lines.push(`Agenda: ${a.text}`);
  for (const s of m.statements)
    lines.push(
      `Statement (${s.speakerId ? name(s.speakerId) : (s.speakerText ?? "?")}): ${s.sentences.map((x) => x.text).join(" ")}`,
    );
  for (const c of m.commitments)
    lines.push(
      `Commitment (${c.ownerPersonId ? name(c.ownerPersonId) : (c.ownerBody ?? "?")}${c.dueOn ? `, due ${c.dueOn}` : ""}): ${c.text}`,
    );
  for (const h of m.honours)
    lines.push(
      `Honour: ${h.kind} «${h.title}» to ${h.recipientPersonId ? name(h.recipientPersonId) : h.recipientText}${h.giverPersonId ? ` by ${name(h.giverPersonId)}` : ""}`,
    );
  if (result.warnings.length) lines.push(`Warnings: ${result.warnings.join(", ")}`);
  return lines.join("\n");
}
