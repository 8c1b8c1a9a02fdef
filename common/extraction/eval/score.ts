// Scores the extractor's proposals against the gold annotation: precision, recall and F1 per field, counted
// over all reports of a set (micro-averaged). Names are compared after the same folding as name matching
// (nameKey: no rank, no article, no spaces); titles and quotes after Arabic folding.

import { foldArabic } from "../../arabic";
import { nameKey } from "../match";
import type { ExtractionResult, MeetingProposal, ProposedPerson } from "../types";
import type { Gold } from "./corpus";

export type Count = { tp: number; fp: number; fn: number };
export type Field =
  "people" | "title" | "host" | "weekday" | "date" | "place" | "statements" | "commitments" | "honours";
export const FIELDS: Field[] = [
  "people",
  "title",
  "host",
  "weekday",
  "date",
  "place",
  "statements",
  "commitments",
  "honours",
];

export type ReportScore = {
  counts: Record<Field, Count>;
  /** The extractor said "no meeting" on a report that has one. */
  missedMeeting: boolean;
  /** Human-readable differences, for the development set only. */
  errors: string[];
};

const zero = (): Count => ({ tp: 0, fp: 0, fn: 0 });
const fold = (s: string) => foldArabic(s).replace(/\s+/g, " ").trim();
const sameName = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && nameKey(a) === nameKey(b);
/** A title is right when, folded, one contains the other (the gold may write the body apart). */
const sameTitle = (a: string | null, b: string | null) => {
  if (!a || !b) return false;
  const fa = fold(a).replace(/(^|\s)ال/g, "$1");
  const fb = fold(b).replace(/(^|\s)ال/g, "$1");
  return fa === fb || fa.includes(fb) || fb.includes(fa);
};
/** How a person is referred to in the gold: the name, or the title when unnamed. */
const label = (p: { name: string | null; title: string | null }) => p.name ?? p.title ?? "";
const sameRef = (a: string | null | undefined, b: string | null | undefined) =>
  sameName(a, b) || (!!a && !!b && sameTitle(a, b));

function tally(c: Count, predicted: boolean, gold: boolean, right: boolean) {
  if (predicted && gold && right) c.tp++;
  else {
    if (predicted) c.fp++;
    if (gold) c.fn++;
  }
}

export function scoreReport(gold: Gold, result: ExtractionResult): ReportScore {
  const counts = Object.fromEntries(FIELDS.map((f) => [f, zero()])) as Record<Field, Count>;
  const errors: string[] = [];
  const missedMeeting = gold.meeting && !result.ok && result.error === "extraction_no_meeting";
  const m: MeetingProposal | null = result.ok ? result.proposal : null;
  if (!result.ok) errors.push(`refused: ${result.error}`);
  const people = m?.people ?? [];
  const personById = (id: string | null) => people.find((p) => p.id === id) ?? null;
  const refOf = (p: ProposedPerson | null) => (p ? label(p) : null);

  // people: named persons found (name matching after folding), one-to-one
  const goldNamed = gold.people.filter((p) => p.name);
  const used = new Set<number>();
  for (const p of people.filter((x) => x.name)) {
    const k = goldNamed.findIndex((g, i) => !used.has(i) && sameName(g.name, p.name));
    if (k >= 0) {
      used.add(k);
      counts.people.tp++;
      const g = goldNamed[k]!;
      // title attached to the right person
      if (g.title) tally(counts.title, !!p.title, true, sameTitle(g.title, p.title));
      else if (p.title) counts.title.fp++;
      if (g.title && !sameTitle(g.title, p.title))
        errors.push(`title of ${g.name}: expected «${g.title}», got «${p.title ?? "—"}»`);
    } else {
      counts.people.fp++;
      errors.push(`invented person «${p.name}» (title «${p.title ?? "—"}»)`);
    }
  }
  goldNamed.forEach((g, i) => {
    if (used.has(i)) return;
    counts.people.fn++;
    if (g.title) counts.title.fn++;
    errors.push(`missed person «${g.name}» («${g.title ?? "—"}»)`);
  });

  // host
  const hostPred = m?.host ? label(m.host) : null;
  const hostRight =
    !!m?.host && !!gold.host && (sameName(m.host.name, gold.host) || sameTitle(m.host.title, gold.host));
  tally(counts.host, !!hostPred, !!gold.host, hostRight);
  if (gold.host && !hostRight) errors.push(`host: expected «${gold.host}», got «${hostPred ?? "—"}»`);
  if (!gold.host && hostPred) errors.push(`host: none in the report, got «${hostPred}»`);

  // weekday, date, place
  const wd = m?.date?.weekday ?? null;
  tally(counts.weekday, !!wd, !!gold.weekday, wd === gold.weekday);
  if (wd !== gold.weekday) errors.push(`weekday: expected ${gold.weekday ?? "—"}, got ${wd ?? "—"}`);
  const d = m?.date?.date ?? null;
  tally(counts.date, !!d, !!gold.date, d === gold.date);
  if (d !== gold.date) errors.push(`date: expected ${gold.date ?? "—"}, got ${d ?? "—"}`);
  const pl = m?.place?.text ?? null;
  const placeRight =
    !!pl && !!gold.place && fold(pl).replace(/^ال/, "") === fold(gold.place).replace(/^ال/, "");
  tally(counts.place, !!pl, !!gold.place, placeRight);
  if (!placeRight && (pl || gold.place))
    errors.push(`place: expected «${gold.place ?? "—"}», got «${pl ?? "—"}»`);

  // statements: the quote is in the statement and the speaker is right
  const stUsed = new Set<number>();
  for (const s of m?.statements ?? []) {
    const text = fold(s.sentences.map((x) => x.text).join(" "));
    const speaker = refOf(personById(s.speakerId));
    const k = gold.statements.findIndex(
      (g, i) => !stUsed.has(i) && text.includes(fold(g.quote)) && sameRef(g.speaker, speaker),
    );
    if (k >= 0) {
      stUsed.add(k);
      counts.statements.tp++;
    } else {
      counts.statements.fp++;
      errors.push(`statement by «${speaker ?? s.speakerText ?? "?"}» not in gold: «${text.slice(0, 50)}…»`);
    }
  }
  gold.statements.forEach((g, i) => {
    if (stUsed.has(i)) return;
    counts.statements.fn++;
    errors.push(`missed statement by «${g.speaker}»: «${g.quote}»`);
  });

  // commitments: the quote is in the commitment and the owner is right (or both unknown)
  const cUsed = new Set<number>();
  for (const c of m?.commitments ?? []) {
    const text = fold(c.text);
    const owner = refOf(personById(c.ownerPersonId));
    const k = gold.commitments.findIndex(
      (g, i) =>
        !cUsed.has(i) &&
        text.includes(fold(g.quote)) &&
        (g.owner === null ? owner === null || !!c.ownerBody : sameRef(g.owner, owner)),
    );
    if (k >= 0) {
      cUsed.add(k);
      counts.commitments.tp++;
    } else {
      counts.commitments.fp++;
      errors.push(`commitment by «${owner ?? c.ownerBody ?? "?"}» not in gold: «${text.slice(0, 50)}…»`);
    }
  }
  gold.commitments.forEach((g, i) => {
    if (cUsed.has(i)) return;
    counts.commitments.fn++;
    errors.push(`missed commitment of «${g.owner ?? "?"}»: «${g.quote}»`);
  });

  // honours: kind, recipient and giver
  const hUsed = new Set<number>();
  for (const h of m?.honours ?? []) {
    const rec = refOf(personById(h.recipientPersonId)) ?? h.recipientText;
    const giver = refOf(personById(h.giverPersonId)) ?? h.giverText;
    const k = gold.honours.findIndex(
      (g, i) =>
        !hUsed.has(i) &&
        g.kind === h.kind &&
        sameRef(g.recipient, rec) &&
        (g.giver === null || sameRef(g.giver, giver)),
    );
    if (k >= 0) {
      hUsed.add(k);
      counts.honours.tp++;
    } else {
      counts.honours.fp++;
      errors.push(`honour ${h.kind} → «${rec}» by «${giver ?? "?"}» not in gold`);
    }
  }
  gold.honours.forEach((g, i) => {
    if (hUsed.has(i)) return;
    counts.honours.fn++;
    errors.push(`missed honour ${g.kind} → «${g.recipient}» by «${g.giver ?? "?"}»`);
  });

  return { counts, missedMeeting, errors };
}

export type Metrics = { p: number; r: number; f1: number; tp: number; fp: number; fn: number };

export function metrics(c: Count): Metrics {
  // With nothing to find and nothing proposed, the field is perfect (1); a set without the field says so
  // through tp + fn = 0 in the printed table.
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1, ...c };
}

export function sum(scores: ReportScore[]): Record<Field, Count> {
  const total = Object.fromEntries(FIELDS.map((f) => [f, zero()])) as Record<Field, Count>;
  for (const s of scores)
    for (const f of FIELDS) {
      total[f].tp += s.counts[f].tp;
      total[f].fp += s.counts[f].fp;
      total[f].fn += s.counts[f].fn;
    }
  return total;
}

/** The bars of issue 11's acceptance. `metric` is what is compared with `min`. */
export const BARS: { field: Field; metric: "p" | "r" | "f1"; min: number }[] = [
  { field: "people", metric: "p", min: 0.9 },
  { field: "people", metric: "r", min: 0.9 },
  { field: "title", metric: "r", min: 0.85 },
  { field: "host", metric: "r", min: 0.85 },
  { field: "weekday", metric: "r", min: 0.9 },
  { field: "place", metric: "r", min: 0.9 },
  { field: "statements", metric: "r", min: 0.8 },
  { field: "commitments", metric: "f1", min: 0.8 },
  { field: "honours", metric: "f1", min: 0.8 },
];
