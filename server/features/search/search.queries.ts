import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { foldArabic, highlight, searchWords, type Snippet } from "../../../common/arabic";
import { districtsNamed } from "../../../common/district-names";
import type { DistrictPcode } from "../../../common/districts";
import {
  SEARCH_KINDS,
  type SearchKind,
  type SearchQuery,
  type SearchResult,
} from "../../../common/schemas/search";
import type { Actor } from "../../authz/actor";
import { allow } from "../../authz/engine";
import { plannedForItsValues, queryRows, type Db } from "../../db/client";
import { likePattern, matchesWord, type AlsoMatches } from "../../http/pagination";
import { searchVocabulary } from "./search.table";
import { agencies, agenciesVisibleTo } from "../agencies";
import { inNamedDistrict, incidentTypes, incidents, incidentsVisibleTo } from "../incidents";
import { meetings, meetingsVisibleTo } from "../meetings";
import { needs, needsVisibleTo } from "../needs";
import { personnel, personnelVisibleTo } from "../personnel";
import { plans, plansVisibleTo } from "../plans";
import { tasks, tasksVisibleTo } from "../tasks";

type Searchable = { id: PgColumn; reference: PgColumn; isActive: PgColumn; searchKey: PgColumn };

/** One kind of record the search reads: its table, who may list it and how, what it shows, where it opens. */
type Source = {
  kind: SearchKind;
  /** The kind's list policy: a reader who may not open the list finds none of it. */
  policy: string;
  table: Searchable;
  visible: (actor: Actor) => SQL | undefined;
  titleAr: SQL;
  titleEn: SQL;
  /** The text a snippet is cut from. */
  body: SQL;
  link: (hit: { id: string; reference: string }) => string;
  /** The order of "newest first" (an indexed column where the table is large). */
  newest: SQL;
  /** The day the record happened (an incident) or was held (a meeting), as YYYY-MM-DD. */
  day?: SQL;
  /** Another way a word finds a record of this kind (an incident's district by its name). */
  also?: AlsoMatches;
  /** The district the record is placed in (an incident), as a P-code. */
  district?: SQL;
};

const byReference = (path: string) => (hit: { reference: string }) =>
  `${path}?q=${encodeURIComponent(hit.reference)}`;

const SOURCES: Source[] = [
  {
    kind: "incident",
    newest: sql`${incidents.occurredOn} desc, ${incidents.id}`,
    policy: "incidents.read",
    table: incidents,
    visible: incidentsVisibleTo,
    titleAr: sql`(select ${incidentTypes.nameAr} from ${incidentTypes} where ${incidentTypes.id} = ${incidents.typeId}) || ' — ' || ${incidents.placeName}`,
    titleEn: sql`(select ${incidentTypes.nameEn} from ${incidentTypes} where ${incidentTypes.id} = ${incidents.typeId}) || ' — ' || ${incidents.placeName}`,
    body: sql`concat_ws(' — ', ${incidents.placeName}, ${incidents.narrative})`,
    link: (hit) => `/incidents/${hit.id}`,
    day: sql`${incidents.occurredOn}::text`,
    also: inNamedDistrict,
    district: sql`${incidents.districtPcode}`,
  },
  {
    kind: "task",
    newest: sql`${tasks.createdAt}`,
    policy: "tasks.read",
    table: tasks,
    visible: tasksVisibleTo,
    titleAr: sql`${tasks.titleAr}`,
    titleEn: sql`${tasks.titleEn}`,
    body: sql`coalesce(${tasks.description}, '')`,
    link: (hit) => `/tasks/${hit.id}`,
  },
  {
    kind: "plan",
    newest: sql`${plans.createdAt}`,
    policy: "plans.read",
    table: plans,
    visible: plansVisibleTo,
    titleAr: sql`${plans.titleAr}`,
    titleEn: sql`${plans.titleEn}`,
    body: sql`coalesce(${plans.description}, '')`,
    link: (hit) => `/plans/${hit.id}`,
  },
  {
    kind: "need",
    newest: sql`${needs.createdAt}`,
    policy: "needs.read",
    table: needs,
    visible: needsVisibleTo,
    titleAr: sql`${needs.title}`,
    titleEn: sql`null::text`,
    body: sql`coalesce(${needs.description}, '')`,
    link: (hit) => `/needs/${hit.id}`,
  },
  {
    kind: "meeting",
    newest: sql`${meetings.createdAt}`,
    policy: "meetings.read",
    table: meetings,
    visible: meetingsVisibleTo,
    titleAr: sql`${meetings.titleAr}`,
    titleEn: sql`${meetings.titleEn}`,
    body: sql`concat_ws(' — ', ${meetings.placeText}, ${meetings.summary})`,
    link: (hit) => `/meetings/${hit.id}`,
    day: sql`(${meetings.startsAt} at time zone 'Africa/Tripoli')::date::text`,
  },
  {
    kind: "person",
    newest: sql`${personnel.createdAt}`,
    policy: "personnel.read",
    table: personnel,
    visible: personnelVisibleTo,
    titleAr: sql`${personnel.nameAr}`,
    titleEn: sql`${personnel.nameEn}`,
    body: sql`coalesce(${personnel.positionAr}, '')`,
    link: byReference("/personnel"),
  },
  {
    kind: "agency",
    newest: sql`${agencies.createdAt}`,
    policy: "agencies.read",
    table: agencies,
    visible: agenciesVisibleTo,
    titleAr: sql`${agencies.nameAr}`,
    titleEn: sql`${agencies.nameEn}`,
    body: sql`${agencies.nameAr}`,
    link: byReference("/agencies"),
  },
];

/** How near a word of the vocabulary must be to a misspelt word of the search (pg_trgm similarity). */
const NEAR_SPELLING = 0.4;
/** How many spellings of the vocabulary stand in for a word of the search that finds nothing. */
const SPELLINGS_PER_WORD = 3;

type Row = {
  kind: SearchKind;
  id: string;
  reference: string;
  title_ar: string;
  title_en: string | null;
  body: string | null;
  day: string | null;
  district: DistrictPcode | null;
  /** The record's search key, read when words were replaced (a hit is scored by the spellings its key holds). */
  key: string | null;
};

/**
 * The records of `sources` the actor may list whose search key holds, for every word, one of its spellings (the
 * word itself, or the spellings standing in for it), newest first, at most `limit` of each kind: one statement,
 * each kind by its own trigram index or its newest-first order, as the planner finds cheaper.
 */
async function matching(
  db: Db,
  actor: Actor,
  sources: Source[],
  spellings: string[][],
  limit: number,
  withKey = false,
) {
  const parts = sources.map((s) => {
    const t = s.table;
    const every = sql.join(
      spellings.map((alternatives) => matchesWord(t.searchKey, alternatives, s.also)),
      sql` and `,
    );
    const visible = s.visible(actor);
    return sql`(select ${s.kind}::text as kind, ${t.id}::text as id, ${t.reference} as reference,
        ${s.titleAr} as title_ar, ${s.titleEn} as title_en, ${s.body} as body,
        ${s.day ?? sql`null::text`} as day, ${s.district ?? sql`null::text`} as district, ${withKey ? t.searchKey : sql`null::text`} as key
      from ${t}
      where ${t.isActive} = true ${visible ? sql`and ${visible}` : sql``} and ${every}
      order by ${s.newest} desc
      limit ${limit})`;
  });
  return queryRows<Row>(db, plannedForItsValues(sql`${sql.join(parts, sql` union all `)}`));
}

/** The nearest spellings of `word` the vocabulary holds (trigram similarity ≥ NEAR_SPELLING), as JSON, nearest first. */
const nearOf = (word: string) => {
  const v = searchVocabulary;
  return sql`(select coalesce(json_agg(json_build_object('word', n.word, 's', n.s) order by n.s desc, n.word), '[]'::json)
    from (select ${v.word} as word, similarity(${v.word}, ${word}) as s from ${v}
          where ${v.word} % ${word} and similarity(${v.word}, ${word}) >= ${NEAR_SPELLING}
          order by s desc, ${v.word} limit ${SPELLINGS_PER_WORD}) n)`;
};

/**
 * For each word, whether a word of the vocabulary holds it; and, when one of them is held by none and names no
 * district (then no record, seen or not, holds every word), the nearest spellings of every word (the word itself
 * among them when it is held). One statement, each word looked up by the vocabulary's trigram index; sent unnamed:
 * a generic plan of `like $1` or `% $1` reads the whole vocabulary (plannedForItsValues).
 */
async function knownWords(db: Db, words: string[], named: (word: string) => boolean) {
  const v = searchVocabulary;
  const held = words.map(
    (word, i) =>
      sql`exists (select 1 from ${v} where ${v.word} like ${likePattern(word)}) as ${sql.raw(`h${i}`)}`,
  );
  const everyKnown = sql.join(
    words.map((word, i) => (named(word) ? sql`true` : sql.raw(`k.h${i}`))),
    sql` and `,
  );
  const parts = words.map(
    (word, i) => sql`select ${i}::int as i, ${sql.raw(`k.h${i}`)} as held,
      case when ${everyKnown} then '[]'::json else ${nearOf(word)} end as near from k`,
  );
  const rows = await queryRows<{ i: number; held: boolean; near: Near[] }>(
    db,
    plannedForItsValues(
      sql`with k as materialized (select ${sql.join(held, sql`, `)}) ${sql.join(parts, sql` union all `)}`,
    ),
  );
  return new Map(rows.map((r) => [words[r.i]!, { held: r.held, near: r.near }]));
}

/** For each word, its nearest spellings the vocabulary holds (the word itself among them when it is held). */
async function nearSpellings(db: Db, words: string[]): Promise<Map<string, Near[]>> {
  const parts = words.map((word, i) => sql`select ${i}::int as i, ${nearOf(word)} as near`);
  const rows = await queryRows<{ i: number; near: Near[] }>(
    db,
    plannedForItsValues(sql.join(parts, sql` union all `)),
  );
  return new Map(rows.map((r) => [words[r.i]!, r.near]));
}

type Near = { word: string; s: number };
type Known = { held: boolean; near: Near[] };

/**
 * Words the vocabulary can speak for: three to forty characters (as it keeps them), not a number (it keeps none:
 * migration 0018), none of the characters its words are split on but a search's words are not (a search for
 * `INC-2026-000123` looks for it whole). Any other word is looked for as it is written.
 */
const checkable = (word: string) => {
  const length = [...word].length;
  return length >= 3 && length <= 40 && !/^[0-9]+$/.test(word) && !/[-/]/.test(word);
};

/**
 * The alternatives each word of three characters or more is looked for by (shorter ones are left out, as a
 * misspelling's search always has): the word itself, and its near spellings where `near` gives them.
 */
function spellingsFor(words: string[], near: Map<string, Near[]>): string[][] {
  return words
    .filter((w) => w.length >= 3)
    .map((w) => [...new Set([w, ...(near.get(w)?.map((n) => n.word) ?? [])])]);
}

/**
 * The records the actor may list whose search key holds every word of `q` (folded the same way as the key, with or
 * without the article), newest first (score 1). When none does, each word is also looked for by its nearest
 * spellings in the vocabulary of the searched keys (trigram similarity), and the hits are scored by how near the
 * spellings they hold are (below 1): a misspelt word, or words that are each somewhere but never together. Whether
 * that second reading is tried depends only on what the reader may see. At most `limit` of each kind.
 */
export async function searchAll(db: Db, actor: Actor, query: SearchQuery): Promise<SearchResult> {
  const words = searchWords(query.q);
  if (words.length === 0) return { data: [], readAs: null };
  const sources = SOURCES.filter((s) => (!query.kind || s.kind === query.kind) && allow(s.policy, actor));
  if (sources.length === 0) return { data: [], readAs: null };
  /** The words read as their near spellings, each with those spellings (nearest first). */
  let replaced = new Map<string, Near[]>();
  let marked = words;
  const checked = [...new Set(words.filter(checkable))];
  // A word naming a district finds the incidents placed there whatever the vocabulary holds.
  const namesPlace = (w: string) => sources.some((s) => s.also?.(w) !== undefined);
  const known = checked.length > 0 ? await knownWords(db, checked, namesPlace) : new Map<string, Known>();
  // A word no word of the vocabulary holds is in no search key: read as typed, the search finds nothing for anyone.
  const unknown = checked.some((w) => !known.get(w)!.held && !namesPlace(w));
  let rows = unknown
    ? []
    : await matching(
        db,
        actor,
        sources,
        words.map((w) => [w]),
        query.limit,
      );
  if (rows.length === 0 && checked.length > 0) {
    // Nothing the reader may see holds every word as typed: each checked word by itself or its near spellings, the
    // others (numbers, references) as written. The same spellings whether or not a record the reader may not see
    // holds one of the words (then two statements more were run, not a different reading).
    const near = unknown
      ? new Map(checked.map((w) => [w, known.get(w)!.near]))
      : await nearSpellings(db, checked);
    if (checked.some((w) => near.get(w)!.some((n) => n.word !== w))) {
      const spellings = spellingsFor(words, near);
      replaced = new Map(checked.map((w) => [w, near.get(w)!]));
      marked = spellings.flat();
      rows = await matching(db, actor, sources, spellings, query.limit, true);
    }
  }
  const order = (kind: SearchKind) => SEARCH_KINDS.indexOf(kind);
  const hits = rows.map((r) => ({ row: r, ...readingOf(r, replaced) }));
  // Kinds in their order; within a kind the nearest readings first, then newest first (the order read).
  hits.sort((a, b) => order(a.row.kind) - order(b.row.kind) || b.score - a.score);
  // The districts a word of the search (or a spelling read for it) names.
  const names = new Set(marked.flatMap((w) => districtsNamed(w)));
  const data = hits.map(({ row: r, score }) => {
    const source = SOURCES.find((s) => s.kind === r.kind)!;
    // The snippet is cut from the text that holds the match: the body, else the title in either language.
    let snippet: Snippet = highlight(r.body ?? "", marked);
    for (const text of [r.title_ar, r.title_en ?? ""]) {
      if (snippet.some((s) => s.mark)) break;
      const candidate = highlight(text, marked);
      if (candidate.some((s) => s.mark)) snippet = candidate;
    }
    return {
      kind: r.kind,
      id: r.id,
      reference: r.reference,
      title: { ar: r.title_ar, en: r.title_en },
      snippet,
      day: r.day,
      district: r.district ? { pcode: r.district, named: names.has(r.district) } : null,
      link: source.link(r),
      score,
    };
  });
  // How the search was read: each replaced word as the best hit shows it (never a word only a record the reader may
  // not see holds: the vocabulary is every record's).
  const best = hits.reduce<(typeof hits)[number] | undefined>(
    (a, h) => (a && a.score >= h.score ? a : h),
    undefined,
  );
  // The words the records were read by: a misspelling's search leaves out words under three letters (spellingsFor).
  const read = replaced.size > 0 ? words.filter((w) => w.length >= 3) : words;
  const readAs = best ? read.map((w) => best.shown.get(w) ?? w).join(" ") : null;
  return { data, readAs: readAs === words.join(" ") ? null : readAs };
}

/**
 * A hit's score and the spelling it holds for each replaced word: 1 when no word was replaced; else the least near,
 * over the replaced words, of the nearest spelling its own search key holds (or, an incident, the district name it
 * was found by). From the hit alone: the vocabulary's spellings come from every record, the score and the reading
 * from the records the reader may see.
 */
function readingOf(row: Row, replaced: Map<string, Near[]>) {
  const shown = new Map<string, string>();
  if (replaced.size === 0) return { score: 1, shown };
  const text = row.key ?? foldArabic([row.title_ar, row.title_en ?? "", row.body ?? ""].join(" "));
  let score = 1;
  for (const [word, near] of replaced) {
    // The spelling the hit's key holds, or (an incident) the district's name it was found by.
    const held = [{ word, s: 1 }, ...near].find(
      (n) => text.includes(n.word) || (row.kind === "incident" && districtsNamed(n.word).length > 0),
    );
    if (held) shown.set(word, held.word);
    score = Math.min(score, held ? Number(held.s) : 0);
  }
  return { score: Math.round(score * 1000) / 1000, shown };
}
