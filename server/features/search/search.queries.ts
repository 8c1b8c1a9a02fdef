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
};

const byReference = (path: string) => (hit: { reference: string }) =>
  `${path}?q=${encodeURIComponent(hit.reference)}`;

const SOURCES: Source[] = [
  {
    kind: "incident",
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
    policy: "agencies.read",
    table: agencies,
    visible: agenciesVisibleTo,
    titleAr: sql`${agencies.nameAr}`,
    titleEn: sql`${agencies.nameEn}`,
    body: sql`${agencies.nameAr}`,
    link: byReference("/agencies"),
  },
];

/** How near a spelling must be for a record to be found without every word in it (pg_trgm's word similarity). */
const NEAR_SPELLING = 0.5;

const like = (column: PgColumn, word: string) =>
  sql`${column} like ${`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;

/**
 * The records the actor may list whose search key holds every word of `q` (folded the same way as the key, with or
 * without the article), or — for a misspelling or a part of a name — a spelling near it, best first: whole-word
 * matches, then by trigram word similarity; at most `limit` of each kind. One query for all kinds; each kind by its
 * own trigram index.
 */
export async function searchAll(db: Db, actor: Actor, query: SearchQuery): Promise<SearchHit[]> {
  const words = searchWords(query.q);
  if (words.length === 0) return [];
  const phrase = words.join(" ");
  const sources = SOURCES.filter((s) => (!query.kind || s.kind === query.kind) && allow(s.policy, actor));
  if (sources.length === 0) return [];
  const parts = sources.map((s) => {
    const t = s.table;
    const every = sql.join(
      words.map((w) => like(t.searchKey, w)),
      sql` and `,
    );
    const visible = s.visible(actor);
    return sql`(select ${s.kind}::text as kind, ${t.id}::text as id, ${t.reference} as reference,
        ${s.titleAr} as title_ar, ${s.titleEn} as title_en, ${s.body} as body,
        case when ${every} then 1 else word_similarity(${phrase}, ${t.searchKey}) end as score
      from ${t}
      where ${t.isActive} = true ${visible ? sql`and ${visible}` : sql``}
        and ((${every}) or ${phrase} <% ${t.searchKey})
      order by score desc, ${t.reference} desc
      limit ${query.limit})`;
  });
  const rows = await db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${String(NEAR_SPELLING)}, true)`,
    );
    return queryRows<{
      kind: SearchKind;
      id: string;
      reference: string;
      title_ar: string;
      title_en: string | null;
      body: string | null;
      score: number | string;
    }>(tx, sql`${sql.join(parts, sql` union all `)}`);
  });
  const order = (kind: SearchKind) => SEARCH_KINDS.indexOf(kind);
  return rows
    .map((r) => ({ ...r, score: Number(r.score) }))
    .sort((a, b) => b.score - a.score || order(a.kind) - order(b.kind))
    .map((r) => {
      const source = SOURCES.find((s) => s.kind === r.kind)!;
      // The snippet is cut from the text that holds the match: the body, else the title in either language.
      const candidates = [r.body ?? "", r.title_ar, r.title_en ?? ""].map((text) => highlight(text, words));
      const snippet = candidates.find((c) => c.some((s) => s.mark)) ?? candidates[0]!;
      return {
        kind: r.kind,
        id: r.id,
        reference: r.reference,
        title: { ar: r.title_ar, en: r.title_en },
        snippet,
        link: source.link(r),
        score: Math.round(r.score * 1000) / 1000,
      };
    });
}
