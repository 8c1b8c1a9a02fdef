import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { formatImportResult, importMeetingFile, parseImportMeetingArgs } from "./import-meeting-file";

const run = promisify(execFile);
const FIXTURE = "common/extraction/fixtures/00-tobruk-security-meeting.ar.txt";

describe("npx tansiq import meeting FILE [--date YYYY-MM-DD]", () => {
  it("prints the proposed meeting as JSON", async () => {
    const { stdout } = await run("node", [
      "bin/tansiq.js",
      "import",
      "meeting",
      FIXTURE,
      "--date",
      "2024-01-14",
    ]);
    const result = JSON.parse(stdout);
    expect(result.ok).toBe(true);
    expect(result.proposal.host).toMatchObject({ title: "وزير الداخلية", name: "عصام أبوزريبة" });
    expect(result.proposal.date).toMatchObject({
      weekday: "sunday",
      partOfDay: "morning",
      date: "2024-01-14",
    });
    expect(result.proposal.honours).toHaveLength(2);
  });

  it("--format text prints a readable summary; a report with no meeting says why and what it found", async () => {
    expect(parseImportMeetingArgs(["f.txt", "--format", "text"])).toEqual({
      file: "f.txt",
      publicationDate: null,
      format: "text",
    });
    expect(parseImportMeetingArgs(["f.txt", "--format", "pdf"])).toBeNull();
    const { stdout } = await run("node", [
      "bin/tansiq.js",
      "import",
      "meeting",
      FIXTURE,
      "--date",
      "2024-01-14",
      "--format",
      "text",
    ]);
    expect(stdout).toContain("Host: وزير الداخلية — لواء — عصام أبوزريبة");
    expect(stdout).toContain("When: 2024-01-14, sunday, morning");
    expect(stdout).toContain("Where: طبرق");
    const dir = await mkdtemp(join(tmpdir(), "tansiq-import-"));
    const file = join(dir, "statement.txt");
    await writeFile(file, "أكد وزير الداخلية، سالم الفيتوري، في تصريح صحفي أن الوضع في طرابلس مستقر.");
    const refused = await importMeetingFile({ file, publicationDate: null });
    expect(refused).toMatchObject({ ok: false, error: "extraction_no_meeting" });
    expect(refused.diagnosis?.reason).toBe("no_meeting_words");
    expect(refused.diagnosis?.places.map((p) => p.text)).toEqual(["طرابلس"]);
    const text = formatImportResult(refused);
    expect(text).toContain("Reason: no word of a meeting, visit or session");
    expect(text).toContain("Place found: طرابلس");
  });

  it("refuses a malformed date and extra arguments", () => {
    expect(parseImportMeetingArgs(["f.txt", "--date", "14/01/2024"])).toBeNull();
    expect(parseImportMeetingArgs(["f.txt", "g.txt"])).toBeNull();
    expect(parseImportMeetingArgs([])).toBeNull();
    expect(parseImportMeetingArgs(["f.txt", "--date=2024-01-14"])).toEqual({
      file: "f.txt",
      publicationDate: "2024-01-14",
    });
  });
});
