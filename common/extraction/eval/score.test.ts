import { describe, expect, it } from "vitest";
import { ruleExtractor } from "../index";
import { loadCorpus, setOf } from "./corpus";
import { metrics, scoreReport, sum } from "./score";

describe("evaluation corpus and scorer", () => {
  const corpus = loadCorpus();

  it("every entry has provenance, a licence and a text that matches its checksum", () => {
    expect(corpus.length).toBeGreaterThan(0);
    for (const e of corpus) {
      expect(e.provenance.length).toBeGreaterThan(10);
      expect(e.licence.length).toBeGreaterThan(10);
      expect(e.text.length).toBeGreaterThan(0);
    }
  });

  it("the split is decided by the id alone, and fixtures are never dev or test", () => {
    expect(setOf({ id: "x", pool: "fixtures" })).toBe("fixtures");
    const ids = Array.from({ length: 400 }, (_, i) => `report-${i}`);
    const first = ids.map((id) => setOf({ id, pool: "pool" }));
    expect(ids.map((id) => setOf({ id, pool: "pool" }))).toEqual(first);
    const test = first.filter((s) => s === "test").length;
    expect(test).toBeGreaterThan(140);
    expect(test).toBeLessThan(220);
  });

  it("the fixtures keep every person, host, date and place (the rules were written on them)", () => {
    const fixtures = corpus.filter((e) => e.set === "fixtures");
    const total = sum(
      fixtures.map((e) =>
        scoreReport(e.gold, ruleExtractor.extract(e.text, { publicationDate: e.publicationDate })),
      ),
    );
    for (const f of ["people", "title", "host", "weekday", "date", "place", "statements", "honours"] as const)
      expect(metrics(total[f]).f1, f).toBe(1);
  });

  it("an invented person, a wrong host and a refused report count against the extractor", () => {
    const gold = corpus.find((e) => e.id === "fx-04-kufra-municipal-council")!;
    const text = `${gold.text}\nوحضر اللقاء مدير أمن الكفرة سابقًا الحاج ميلاد.`;
    const s = scoreReport(gold.gold, ruleExtractor.extract(text, { publicationDate: "2024-03-11" }));
    expect(s.counts.people.tp).toBe(3);
    const refused = scoreReport(gold.gold, { ok: false, error: "extraction_no_meeting" });
    expect(refused.missedMeeting).toBe(true);
    expect(refused.counts.people).toEqual({ tp: 0, fp: 0, fn: 3 });
    expect(refused.counts.host).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(metrics(refused.counts.people).r).toBe(0);
  });
});
