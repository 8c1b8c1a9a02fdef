// npm run eval:extraction [-- --set dev|test|fixtures|all] [--check] [--errors] [--extractor FILE]
// Prints precision, recall and F1 per field for each set of the evaluation corpus. --check exits 1 when the
// test set is below a bar of the acceptance (issue 11). --errors prints each report's differences — for the
// fixtures and the development set only: the test set's errors are never printed, so that rules are not
// tuned on them.

import { ruleExtractor } from "../rule-extractor";
import { loadCorpus, type EvalSet, type LoadedEntry } from "./corpus";
import { BARS, FIELDS, metrics, scoreReport, sum, type ReportScore } from "./score";

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const wanted = (opt("--set") ?? "all") as EvalSet | "all";
const check = args.includes("--check");
const showErrors = args.includes("--errors");

const corpus = loadCorpus();
const sets: EvalSet[] = wanted === "all" ? ["fixtures", "dev", "test"] : [wanted];
const f2 = (x: number) => x.toFixed(2);
let failed = false;

for (const set of sets) {
  const entries = corpus.filter((e) => e.set === set);
  const scored: [LoadedEntry, ReportScore][] = entries.map((e) => [
    e,
    scoreReport(e.gold, ruleExtractor.extract(e.text, { publicationDate: e.publicationDate })),
  ]);
  const total = sum(scored.map(([, s]) => s));
  const missed = scored.filter(([, s]) => s.missedMeeting).length;
  const countries = new Set(entries.map((e) => e.country));
  console.log(
    `\n${set}: ${entries.length} reports from ${countries.size} countries (${[...countries].sort().join(", ")})`,
  );
  if (entries.length === 0) {
    console.log("  (no reports in this set)");
    if (check && set === "test") failed = true;
    continue;
  }
  console.log("  field        P     R     F1    tp  fp  fn");
  for (const f of FIELDS) {
    const m = metrics(total[f]);
    console.log(
      `  ${f.padEnd(11)} ${f2(m.p)}  ${f2(m.r)}  ${f2(m.f1)}  ${String(m.tp).padStart(3)} ${String(m.fp).padStart(3)} ${String(m.fn).padStart(3)}`,
    );
  }
  console.log(`  "no meeting" on a report that has one: ${missed}`);
  if (showErrors && set !== "test")
    for (const [e, s] of scored)
      if (s.errors.length) console.log(`\n  ${e.id}:\n${s.errors.map((x) => `    - ${x}`).join("\n")}`);
  if (check && set === "test") {
    for (const b of BARS) {
      const v = metrics(total[b.field])[b.metric];
      if (v < b.min) {
        console.log(`  BELOW BAR: ${b.field} ${b.metric} ${f2(v)} < ${b.min}`);
        failed = true;
      }
    }
    if (missed > 0) {
      console.log(`  BELOW BAR: "no meeting" on ${missed} reports that have one (bar: 0)`);
      failed = true;
    }
  }
}
if (check && !sets.includes("test")) {
  console.log("--check judges the test set; run it with --set test or --set all");
  failed = true;
}
process.exit(failed ? 1 : 0);
