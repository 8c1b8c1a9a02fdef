import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "./migrate";

// Migrations on main are never edited: installations have applied them and would not apply them again. Each one
// landed is listed with its SHA-256 in landed-migrations.json (add yours when it lands on main).
const landed = JSON.parse(
  readFileSync(path.join(path.dirname(MIGRATIONS_FOLDER), "landed-migrations.json"), "utf8"),
) as Record<string, string>;
const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
  entries: { idx: number; tag: string }[];
};

describe("landed migrations", () => {
  it("are unchanged, byte for byte", () => {
    expect(Object.keys(landed)).toEqual(
      expect.arrayContaining(["0000_tansiq.sql", "0001_meetings_support_due.sql"]),
    );
    for (const [file, hash] of Object.entries(landed)) {
      const text = readFileSync(path.join(MIGRATIONS_FOLDER, file));
      expect(createHash("sha256").update(text).digest("hex"), file).toBe(hash);
    }
  });

  it("are in the journal in their order, each with its file; newer ones come after them", () => {
    const tags = journal.entries.map((e) => `${e.tag}.sql`);
    expect(tags.slice(0, Object.keys(landed).length)).toEqual(Object.keys(landed));
    for (const tag of tags) expect(existsSync(path.join(MIGRATIONS_FOLDER, tag)), tag).toBe(true);
  });
});
