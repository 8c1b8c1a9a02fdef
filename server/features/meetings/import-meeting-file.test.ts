import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseImportMeetingArgs } from "./import-meeting-file";

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
