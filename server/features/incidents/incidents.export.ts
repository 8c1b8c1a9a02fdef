import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { and, desc, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import ExcelJS from "exceljs";
import { DISTRICTS } from "../../../common/districts";
import { INCIDENT_SOURCES, INCIDENT_STATUSES, SENSITIVITIES } from "../../../common/enums";
import type { Language } from "../../../common/enums";
import { LIMITS } from "../../../common/limits";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Database, Db } from "../../db/client";
import { csvCell, zipCaughtUp } from "../../http/exports";
import { translate } from "../../http/i18n";
import { agencyNames } from "../agencies";
import { incidentTypes, incidents } from "./incidents.table";

// What the files show, and no more (not the search key, nor the nationality breakdown): a million rows travel.
const {
  searchKey: _searchKey,
  nationalities: _nationalities,
  statusReason: _statusReason,
  createdBy: _createdBy,
  ...shownColumns
} = getTableColumns(incidents);
const exportColumns = {
  ...shownColumns,
  typeNameAr: incidentTypes.nameAr,
  typeNameEn: incidentTypes.nameEn,
  typeGroup: incidentTypes.group,
};
/** A batch's query: the filtered incidents newest first, after the keyset `cursor`, at most `size` of them. */
type BatchQuery<R> = (
  cursor: SQL | undefined,
  size: number | null,
) => PromiseLike<R[]> & { toSQL(): { sql: string; params: unknown[] } };
type Keyed = { occurredOn: string; id: string };

const newestFirst = [desc(incidents.occurredOn), desc(incidents.id)];
const rowsQuery = (db: Db, where: SQL | undefined) => (cursor: SQL | undefined, size: number | null) => {
  const query = db
    .select(exportColumns)
    .from(incidents)
    .innerJoin(incidentTypes, eq(incidentTypes.id, incidents.typeId))
    .where(and(where, cursor))
    .orderBy(...newestFirst);
  return size === null ? query : query.limit(size);
};
type ExportRow = Awaited<ReturnType<ReturnType<typeof rowsQuery>>>[number];

/** The filtered incidents, newest first, in batches read by keyset (the (occurred_on, id) index serves each). */
async function* keysetBatches<R extends Keyed>(query: BatchQuery<R>, size: number) {
  let after: { day: string; id: string } | null = null;
  for (;;) {
    const cursor = after
      ? sql`(${incidents.occurredOn}, ${incidents.id}) < (${after.day}::date, ${after.id}::uuid)`
      : undefined;
    const rows = await query(cursor, size);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1]!;
    after = { day: last.occurredOn, id: last.id };
  }
}

// Days and times as PostgreSQL writes them (drizzle's string mode), not as JavaScript dates.
const RAW_TYPES = new Set([1082, 1083, 1114, 1184, 1700]);
const rawTimes = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    RAW_TYPES.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format ?? "text"),
};

/**
 * The filtered incidents, newest first, in batches. On PostgreSQL through one cursor in a read-only transaction of
 * its own connection: the planner sorts the table once (a million rows in about 10 s, where a page by the index per
 * batch took 40 s). On PGlite, whose one connection serves every request, by keyset pages, between which other
 * requests run.
 */
export function incidentBatches(database: Database, where: SQL | undefined): AsyncGenerator<ExportRow[]> {
  return batches(database, rowsQuery(database.db, where), Object.keys(exportColumns));
}

/** `keys`: the names of the query's columns, in order (the cursor's rows come as arrays). */
async function* batches<R extends Keyed>(
  database: Database,
  query: BatchQuery<R>,
  keys: string[],
  size = LIMITS.exportBatch,
): AsyncGenerator<R[]> {
  if (!database.pool) {
    yield* keysetBatches(query, size);
    return;
  }
  const statement = query(undefined, null).toSQL();
  const client = await database.pool.connect();
  let open = false;
  try {
    await client.query("begin read only");
    open = true;
    // The reader's download sets the pace: the transaction waits on it between batches.
    await client.query("set local idle_in_transaction_session_timeout = '10min'");
    await client.query({
      text: `declare incident_export no scroll cursor for ${statement.sql}`,
      values: statement.params,
    });
    for (;;) {
      const fetched = await client.query({
        text: `fetch ${size * 5} from incident_export`,
        rowMode: "array",
        types: rawTimes,
      });
      if (fetched.rows.length === 0) break;
      yield fetched.rows.map((values: unknown[]) => {
        const row: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) row[keys[i]!] = values[i];
        return row as R;
      });
      if (fetched.rows.length < size * 5) break;
    }
    await client.query("commit");
    open = false;
  } finally {
    if (open) await client.query("rollback").catch(() => {});
    client.release();
  }
}

type Cell = string | number | Date;
type Column = { label: string; width: number; value: (r: ExportRow, agencies: Map<string, string>) => Cell };

const districtName = (pcode: string | null, language: Language) => {
  const d = DISTRICTS.find((x) => x.pcode === pcode);
  return d ? (language === "en" ? d.nameEn : d.nameAr) : "";
};

/** The columns of the CSV and the sheet, headed in the reader's language; values as the list shows them. */
export function columns(language: Language): Column[] {
  // A few labels (statuses, groups, yes/no) asked for every row: looked up once each.
  const labels = new Map<string, string>();
  const t = (key: string) => {
    let label = labels.get(key);
    if (label === undefined) labels.set(key, (label = translate(language, key)));
    return label;
  };
  const en = language === "en";
  return [
    { label: t("incidents.columns.reference"), width: 18, value: (r) => r.reference },
    { label: t("incidents.columns.occurredOn"), width: 12, value: (r) => r.occurredOn },
    { label: t("incidents.fields.occurredTime"), width: 8, value: (r) => r.occurredTime?.slice(0, 5) ?? "" },
    { label: t("incidents.columns.type"), width: 28, value: (r) => (en ? r.typeNameEn : r.typeNameAr) },
    { label: t("incidents.columns.group"), width: 18, value: (r) => t(`incidents.group.${r.typeGroup}`) },
    {
      label: t("incidents.columns.district"),
      width: 16,
      value: (r) => districtName(r.districtPcode, language),
    },
    { label: t("incidents.columns.place"), width: 26, value: (r) => r.placeName },
    { label: t("incidents.fields.latitude"), width: 11, value: (r) => r.latitude ?? "" },
    { label: t("incidents.fields.longitude"), width: 11, value: (r) => r.longitude ?? "" },
    { label: t("incidents.columns.agency"), width: 28, value: (r, a) => a.get(r.agencyId) ?? "" },
    { label: t("incidents.columns.status"), width: 18, value: (r) => t(`incidents.status.${r.status}`) },
    {
      label: t("incidents.fields.sensitivity"),
      width: 10,
      value: (r) => t(`enums.sensitivity.${r.sensitivity}`),
    },
    { label: t("incidents.fields.arrests"), width: 10, value: (r) => r.arrests },
    { label: t("incidents.fields.rescued"), width: 10, value: (r) => r.rescued },
    { label: t("incidents.fields.intercepted"), width: 10, value: (r) => r.intercepted },
    { label: t("incidents.fields.dead"), width: 10, value: (r) => r.dead },
    { label: t("incidents.fields.missing"), width: 10, value: (r) => r.missing },
    {
      label: t("incidents.hasSeizures"),
      width: 10,
      value: (r) => t(r.hasSeizures ? "common.yes" : "common.no"),
    },
    {
      label: t("incidents.sourceLink"),
      width: 30,
      value: (r) => r.sourceUrl ?? t(`incidents.source.${r.source}`),
    },
    { label: t("incidents.fields.narrative"), width: 60, value: (r) => r.narrative ?? "" },
  ];
}

/** The filtered incidents as CSV (UTF-8 with a byte-order mark, for spreadsheet programs), streamed by batches. */
export function incidentsCsv(database: Database, where: SQL | undefined, language: Language): Readable {
  async function* lines() {
    yield `\uFEFF${columns(language)
      .map((c) => csvCell(c.label))
      .join(",")}\r\n`;
    const line = await csvLineSql(database.db, language);
    for await (const batch of batches(database, linesQuery(database.db, where, line), LINE_KEYS))
      yield batch.map((r) => r.line).join("\r\n") + "\r\n";
  }
  return Readable.from(lines(), { highWaterMark: 1 });
}

/**
 * Each incident's line of a file written by PostgreSQL, with the keyset's day and id. A million rows travel as a
 * million strings: no row objects, cells or joins in the server (building them was three quarters of its time, most
 * of it collecting their garbage).
 */
const linesQuery =
  (db: Db, where: SQL | undefined, line: SQL<string>) => (cursor: SQL | undefined, size: number | null) => {
    const query = db
      .select({ occurredOn: incidents.occurredOn, id: incidents.id, line: line.as("line") })
      .from(incidents)
      .where(and(where, cursor))
      .orderBy(...newestFirst);
    return size === null ? query : query.limit(size);
  };
const LINE_KEYS = ["occurredOn", "id", "line"];

/** A lookup from a key to text written here (labels, names, already escaped for the file): `map ->> key`. */
const lookup = (entries: Iterable<readonly [string, string]>, key: SQL | AnyPgColumn) =>
  sql`(${JSON.stringify(Object.fromEntries(entries))}::jsonb ->> ${key}::text)`;

/** A cell of free text as csvCell writes it: a leading formula character neutralised, then quoted if need be. */
function csvTextSql(value: SQL | AnyPgColumn): SQL {
  const safe = sql`(case when left(${value}, 1) in ('=', '+', '-', '@', E'\t', E'\r') then '''' || ${value} else ${value} end)`;
  return sql`(case when ${safe} ~ '[",\n\r]' then '"' || replace(${safe}, '"', '""') || '"' else ${safe} end)`;
}

/** columns()' cells of one incident as one CSV line, in PostgreSQL: the same text csvCell writes for each. */
async function csvLineSql(db: Db, language: Language): Promise<SQL<string>> {
  const en = language === "en";
  const t = (key: string) => csvCell(translate(language, key));
  const types = await db.select().from(incidentTypes);
  const agencies = await agencyNames(db, language);
  const cells: SQL[] = [
    csvTextSql(incidents.reference),
    sql`${incidents.occurredOn}::text`,
    csvTextSql(sql`coalesce(left(${incidents.occurredTime}, 5), '')`),
    lookup(
      types.map((x) => [x.id, `${csvCell(en ? x.nameEn : x.nameAr)},${t(`incidents.group.${x.group}`)}`]),
      incidents.typeId,
    ),
    sql`coalesce(${lookup(
      DISTRICTS.map((d) => [d.pcode, csvCell(en ? d.nameEn : d.nameAr)]),
      incidents.districtPcode,
    )}, '')`,
    csvTextSql(incidents.placeName),
    sql`coalesce(${incidents.latitude}::text, '')`,
    sql`coalesce(${incidents.longitude}::text, '')`,
    sql`coalesce(${lookup(
      [...agencies].map(([id, name]) => [id, csvCell(name)]),
      incidents.agencyId,
    )}, '')`,
    lookup(
      INCIDENT_STATUSES.map((x) => [x, t(`incidents.status.${x}`)]),
      incidents.status,
    ),
    lookup(
      SENSITIVITIES.map((x) => [x, t(`enums.sensitivity.${x}`)]),
      incidents.sensitivity,
    ),
    ...[incidents.arrests, incidents.rescued, incidents.intercepted, incidents.dead, incidents.missing].map(
      (n) => sql`${n}::text`,
    ),
    sql`(case when ${incidents.hasSeizures} then ${t("common.yes")} else ${t("common.no")} end)`,
    sql`coalesce(${csvTextSql(incidents.sourceUrl)}, ${lookup(
      INCIDENT_SOURCES.map((x) => [x, t(`incidents.source.${x}`)]),
      incidents.source,
    )})`,
    csvTextSql(sql`coalesce(${incidents.narrative}, '')`),
  ];
  return sql<string>`(${sql.join(cells, sql` || ',' || `)})`;
}

/** The filtered incidents as a workbook written row by row: a right-to-left sheet in Arabic. */
export function incidentsXlsx(database: Database, where: SQL | undefined, language: Language): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(translate(language, "incidents.title").slice(0, 31), {
    views: [{ rightToLeft: language === "ar", state: "frozen", ySplit: 1 }],
  });
  const cols = columns(language);
  sheet.columns = cols.map((c) => ({ width: c.width }));
  const write = async () => {
    const agencies = await agencyNames(database.db, language);
    const head = sheet.addRow(cols.map((c) => c.label));
    head.font = { bold: true };
    head.commit();
    for await (const batch of incidentBatches(database, where)) {
      for (const r of batch) sheet.addRow(cols.map((c) => c.value(r, agencies))).commit();
      await zipCaughtUp(sheet);
      if (out.writableNeedDrain) await once(out, "drain");
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/**
 * The filtered incidents as a GeoJSON FeatureCollection (RFC 7946: longitude first), every incident a feature —
 * `geometry` null where no coordinates were given — with the reference, the day, the type and the figures. Each
 * feature is written by PostgreSQL (strings escaped by to_json, as JSON.stringify escapes them).
 */
export function incidentsGeoJson(database: Database, where: SQL | undefined, language: Language): Readable {
  async function* chunks() {
    const line = await featureSql(database.db, language);
    yield '{"type":"FeatureCollection","features":[';
    let first = true;
    for await (const batch of batches(database, linesQuery(database.db, where, line), LINE_KEYS)) {
      yield (first ? "" : ",") + batch.map((r) => r.line).join(",");
      first = false;
    }
    yield "]}";
  }
  return Readable.from(chunks(), { highWaterMark: 1 });
}

async function featureSql(db: Db, language: Language): Promise<SQL<string>> {
  const types = await db.select().from(incidentTypes);
  const agencies = await agencyNames(db, language);
  const json = (value: SQL | AnyPgColumn) => sql`coalesce(to_json(${value})::text, 'null')`;
  const property = (name: string, value: SQL) => sql`${`,"${name}":`}::text || ${value}`;
  const geometry = sql`(case when ${incidents.latitude} is not null and ${incidents.longitude} is not null
    then '{"type":"Point","coordinates":[' || ${incidents.longitude}::text || ',' || ${incidents.latitude}::text || ']}'
    else 'null' end)`;
  const parts: SQL[] = [
    sql`'{"type":"Feature","id":' || ${json(incidents.reference)} || ',"geometry":' || ${geometry}`,
    sql`',"properties":{"reference":' || ${json(incidents.reference)}`,
    property("occurredOn", json(sql`${incidents.occurredOn}::text`)),
    sql`',' || ${lookup(
      types.map((x) => [
        x.id,
        `"type":${JSON.stringify(language === "en" ? x.nameEn : x.nameAr)},"group":${JSON.stringify(x.group)}`,
      ]),
      incidents.typeId,
    )}`,
    property("district", json(incidents.districtPcode)),
    property("place", json(incidents.placeName)),
    property(
      "agency",
      sql`coalesce(${lookup(
        [...agencies].map(([id, name]) => [id, JSON.stringify(name)]),
        incidents.agencyId,
      )}, 'null')`,
    ),
    property("status", json(incidents.status)),
    property("sensitivity", json(incidents.sensitivity)),
    ...(["arrests", "rescued", "intercepted", "dead", "missing", "hasSeizures"] as const).map((n) =>
      property(n, sql`${incidents[n]}::text`),
    ),
    property("source", json(incidents.source)),
    property("sourceUrl", json(incidents.sourceUrl)),
    sql`'}}'`,
  ];
  return sql<string>`(${sql.join(parts, sql` || `)})`;
}
