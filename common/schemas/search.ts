import { z } from "zod";
import { DISTRICT_PCODES } from "../districts";
import { LIMITS } from "../limits";
import { Id, NO_CONTROL_CHARS } from "./base";

/** What the search across Tansiq finds, in the order its results are grouped. */
export const SEARCH_KINDS = ["incident", "task", "plan", "need", "meeting", "person", "agency"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(LIMITS.search).regex(NO_CONTROL_CHARS),
  kind: z.enum(SEARCH_KINDS).optional(),
  /** How many hits of each kind, at most. */
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: Id,
  reference: z.string(),
  title: z.object({ ar: z.string(), en: z.string().nullable() }),
  /** The matched text as written, the matched parts marked. */
  snippet: z.array(z.object({ text: z.string(), mark: z.boolean() })),
  /** The day the record happened (an incident) or was held (a meeting), YYYY-MM-DD; null for the other kinds. */
  day: z.string().nullable(),
  /**
   * The district an incident is placed in; `named` when a word of the search is the district's name (then the
   * district is how the hit was found, though its texts may not say it). Null for the other kinds and unplaced ones.
   */
  district: z.object({ pcode: z.enum(DISTRICT_PCODES), named: z.boolean() }).nullable(),
  /** The page that shows the record. */
  link: z.string(),
  /** 1 when every word of the search is in the record; below, how near its closest spelling is (0–1). */
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchResponse = z.object({
  data: z.array(SearchHit),
  /**
   * The search as it was read when words of it were found nowhere (or never together) and their nearest spellings
   * were looked for instead, each word replaced by its nearest ("امسعد" → "امساعد"); null when read as typed.
   */
  readAs: z.string().nullable(),
});
export type SearchResult = z.infer<typeof SearchResponse>;
