// The evaluation corpus of the meeting extractor: one JSON file per report in ./corpus, each with its
// provenance, its licence, the text (or the path of a text file kept in the repository) and a gold
// annotation written by hand. Reports whose licence does not allow keeping the text in the repository are
// not part of it (see common/extraction/fixtures/README.md).

import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { HonourKind, PartOfDay, Weekday } from "../types";

export type GoldPerson = {
  /** The name exactly as written in the text, or null when only a title is given. */
  name: string | null;
  title: string | null;
  rank: string | null;
  body: string | null;
  role: "host" | "attendee";
};

export type GoldStatement = {
  /** Name of the speaker as in `people` (or the title when the person has no name). */
  speaker: string;
  /** A few words that occur in the statement's first sentence. */
  quote: string;
};

export type GoldCommitment = { owner: string | null; quote: string; dueOn: string | null };
export type GoldHonour = { kind: HonourKind; recipient: string; giver: string | null };

export type Gold = {
  /** False when the report does not describe a meeting, visit or committee session. */
  meeting: boolean;
  /** Name (or title when unnamed) of the host; null when the report names none. */
  host: string | null;
  people: GoldPerson[];
  weekday: Weekday | null;
  date: string | null;
  partOfDay: PartOfDay | null;
  /** The place as written (city, crossing, district), null when none is named. */
  place: string | null;
  agenda: string[];
  statements: GoldStatement[];
  commitments: GoldCommitment[];
  honours: GoldHonour[];
};

export type CorpusEntry = {
  id: string;
  /**
   * "fixtures": written or tuned on before the evaluation existed; always its own set, never dev or test.
   * "pool": a real report collected for the evaluation, split once into dev and test by its id.
   */
  pool: "fixtures" | "pool";
  /** Path of the text, relative to this folder; or the text itself in `text`. */
  file?: string;
  text?: string;
  /** SHA-256 of the text, so an edit of a report is seen. */
  sha256: string;
  publicationDate: string | null;
  country: string;
  outlet: string;
  provenance: string;
  licence: string;
  gold: Gold;
};

export type LoadedEntry = CorpusEntry & { text: string; set: EvalSet };
export type EvalSet = "fixtures" | "dev" | "test";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The split, decided once before any tuning: a report of the pool is in the test set when the first byte of
 * SHA-256("tansiq-eval-v1:" + id) is below 115 (about 45 %). Changing the salt or the bound is a new split
 * and makes every earlier figure void.
 */
export function setOf(entry: Pick<CorpusEntry, "id" | "pool">): EvalSet {
  if (entry.pool === "fixtures") return "fixtures";
  const byte = createHash("sha256").update(`tansiq-eval-v1:${entry.id}`).digest()[0]!;
  return byte < 115 ? "test" : "dev";
}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function loadCorpus(dir = join(here, "corpus")): LoadedEntry[] {
  const out: LoadedEntry[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith(".json")) continue;
    const entry = JSON.parse(readFileSync(join(dir, f), "utf8")) as CorpusEntry;
    const text = entry.text ?? readFileSync(join(here, entry.file!), "utf8");
    if (sha256(text) !== entry.sha256)
      throw new Error(`${f}: the text changed since it was annotated (sha256 differs)`);
    out.push({ ...entry, text, set: setOf(entry) });
  }
  return out;
}
