import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { highlight, searchWords } from "../../../common/arabic";
import {
  SEARCH_KINDS,
  type SearchHit,
  type SearchKind,
  type SearchQuery,
} from "../../../common/schemas/search";
import type { Actor } from "../../authz/actor";
import { allow } from "../../authz/engine";
import { queryRows, type Db } from "../../db/client";
import { searchVocabulary } from "./search.table";
import { agencies, agenciesVisibleTo } from "../agencies";
import { incidentTypes, incidents, incidentsVisibleTo } from "../incidents";
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

const like = (column: PgColumn, word: string) =>
  sql`${column} like ${`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;

type Row = {
  kind: SearchKind;
  id: string;
  reference: string;
  title_ar: string;
  title_en: string | null;
  body: string | null;
};

/**
 * The records of `sources` the actor may list whose search key holds, for every word, one of its spellings (the
 * word itself, or the spellings standing in for it), newest first, at most `limit` of each kind: one statement,
 * each kind by its own trigram index or its newest-first order, as the planner finds cheaper.
 */
async function matching(db: Db, actor: Actor, sources: Source[], spellings: string[][], limit: number) {
  const parts = sources.map((s) => {
    const t = s.table;
    const every = sql.join(
      spellings.map(
        (alternatives) =>
          sql`(${sql.join(
            alternatives.map((w) => like(t.searchKey, w)),
            sql` or `,
          )})`,
      ),
      sql` and `,
    );
    const visible = s.visible(actor);
    return sql`(select ${s.kind}::text as kind, ${t.id}::text as id, ${t.reference} as reference,
        ${s.titleAr} as title_ar, ${s.titleEn} as title_en, ${s.body} as body
      from ${t}
      where ${t.isActive} = true ${visible ? sql`and ${visible}` : sql``} and ${every}
      order by ${s.newest} desc
      limit ${limit})`;
  });
  return queryRows<Row>(db, sql`${sql.join(parts, sql` union all `)}`);
}

/** For each word, the nearest spellings the vocabulary holds (the word itself first when it holds it). */
async function spellingsOf(db: Db, words: string[]): Promise<{ spellings: string[][]; nearness: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(NEAR_SPELLING)}, true)`);
    let nearness = 1;
    const spellings: string[][] = [];
    for (const word of words) {
      const near = await queryRows<{ word: string; s: number | string }>(
        tx,
        sql`select ${searchVocabulary.word} as word, similarity(${searchVocabulary.word}, ${word}) as s
            from ${searchVocabulary} where ${searchVocabulary.word} % ${word}
            order by s desc, ${searchVocabulary.word} limit ${SPELLINGS_PER_WORD}`,
      );
      if (near.length === 0) return { spellings: [], nearness: 0 };
      nearness = Math.min(nearness, Number(near[0]!.s));
      spellings.push(near.map((n) => n.word));
    }
    return { spellings, nearness };
  });
}

/**
 * The records the actor may list whose search key holds every word of `q` (folded the same way as the key, with or
 * without the article), newest first (score 1). When none does, a misspelling is assumed: each word is replaced by
 * the nearest spellings of the vocabulary of the searched keys (trigram similarity), and the records holding those
 * are found the same way, scored by how near the spellings were (below 1). At most `limit` of each kind.
 */
export async function searchAll(db: Db, actor: Actor, query: SearchQuery): Promise<SearchHit[]> {
  const words = searchWords(query.q);
  if (words.length === 0) return [];
  const sources = SOURCES.filter((s) => (!query.kind || s.kind === query.kind) && allow(s.policy, actor));
  if (sources.length === 0) return [];
  let score = 1;
  let marked = words;
  let rows = await matching(
    db,
    actor,
    sources,
    words.map((w) => [w]),
    query.limit,
  );
  if (rows.length === 0) {
    const near = await spellingsOf(
      db,
      words.filter((w) => w.length >= 3),
    );
    if (near.spellings.length > 0) {
      score = Math.round(near.nearness * 1000) / 1000;
      marked = near.spellings.flat();
      rows = await matching(db, actor, sources, near.spellings, query.limit);
    }
  }
  const order = (kind: SearchKind) => SEARCH_KINDS.indexOf(kind);
  return rows
    .sort((a, b) => order(a.kind) - order(b.kind))
    .map((r) => {
      const source = SOURCES.find((s) => s.kind === r.kind)!;
      // The snippet is cut from the text that holds the match: the body, else the title in either language.
      const candidates = [r.body ?? "", r.title_ar, r.title_en ?? ""].map((text) => highlight(text, marked));
      const snippet = candidates.find((c) => c.some((s) => s.mark)) ?? candidates[0]!;
      return {
        kind: r.kind,
        id: r.id,
        reference: r.reference,
        title: { ar: r.title_ar, en: r.title_en },
        snippet,
        link: source.link(r),
        score,
      };
    });
}
