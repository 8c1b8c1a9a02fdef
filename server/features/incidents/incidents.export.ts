import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { and, desc, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import ExcelJS from "exceljs";
import { DISTRICTS } from "../../../common/districts";
import type { Language } from "../../../common/enums";
import { LIMITS } from "../../../common/limits";
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
type ExportRow = Awaited<ReturnType<typeof batchQuery>>[number];
const batchQuery = (db: Db, where: SQL | undefined, cursor: SQL | undefined, size: number | null) => {
  const query = db
    .select(exportColumns)
    .from(incidents)
    .innerJoin(incidentTypes, eq(incidentTypes.id, incidents.typeId))
    .where(and(where, cursor))
    .orderBy(desc(incidents.occurredOn), desc(incidents.id));
  return size === null ? query : query.limit(size);
};

/** The filtered incidents, newest first, in batches read by keyset (the (occurred_on, id) index serves each). */
async function* keysetBatches(db: Db, where: SQL | undefined, size: number) {
  let after: { day: string; id: string } | null = null;
  for (;;) {
    const cursor = after
      ? sql`(${incidents.occurredOn}, ${incidents.id}) < (${after.day}::date, ${after.id}::uuid)`
      : undefined;
    const rows = await batchQuery(db, where, cursor, size);
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
export async function* incidentBatches(
  database: Database,
  where: SQL | undefined,
  size = LIMITS.exportBatch,
): AsyncGenerator<ExportRow[]> {
  if (!database.pool) {
    yield* keysetBatches(database.db, where, size);
    return;
  }
  const query = batchQuery(database.db, where, undefined, null).toSQL();
  const keys = Object.keys(exportColumns) as (keyof ExportRow)[];
  const client = await database.pool.connect();
  let open = false;
  try {
    await client.query("begin read only");
    open = true;
    // The reader's download sets the pace: the transaction waits on it between batches.
    await client.query("set local idle_in_transaction_session_timeout = '10min'");
    await client.query({
      text: `declare incident_export no scroll cursor for ${query.sql}`,
      values: query.params,
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
        return row as ExportRow;
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
function columns(language: Language): Column[] {
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
    const cols = columns(language);
    const agencies = await agencyNames(database.db, language);
    yield `\uFEFF${cols.map((c) => csvCell(c.label)).join(",")}\r\n`;
    for await (const batch of incidentBatches(database, where))
      yield batch.map((r) => cols.map((c) => csvCell(c.value(r, agencies))).join(",")).join("\r\n") + "\r\n";
  }
  return Readable.from(lines());
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

const json = (value: string | null) => JSON.stringify(value);

/**
 * The filtered incidents as a GeoJSON FeatureCollection (RFC 7946: longitude first), every incident a feature —
 * `geometry` null where no coordinates were given — with the reference, the day, the type and the figures.
 */
export function incidentsGeoJson(database: Database, where: SQL | undefined, language: Language): Readable {
  async function* chunks() {
    const agencies = await agencyNames(database.db, language);
    yield '{"type":"FeatureCollection","features":[';
    let first = true;
    for await (const batch of incidentBatches(database, where)) {
      // Written field by field (strings escaped by JSON.stringify): a million features, each as JSON.stringify
      // of nested objects would write them, at a third of the cost.
      const features = batch.map((r) => {
        const geometry =
          r.latitude !== null && r.longitude !== null
            ? `{"type":"Point","coordinates":[${r.longitude},${r.latitude}]}`
            : "null";
        const agency = agencies.get(r.agencyId);
        return `{"type":"Feature","id":${json(r.reference)},"geometry":${geometry},"properties":{"reference":${json(r.reference)},"occurredOn":${json(r.occurredOn)},"type":${json(language === "en" ? r.typeNameEn : r.typeNameAr)},"group":${json(r.typeGroup)},"district":${json(r.districtPcode)},"place":${json(r.placeName)},"agency":${json(agency ?? null)},"status":${json(r.status)},"sensitivity":${json(r.sensitivity)},"arrests":${r.arrests},"rescued":${r.rescued},"intercepted":${r.intercepted},"dead":${r.dead},"missing":${r.missing},"hasSeizures":${r.hasSeizures},"source":${json(r.source)},"sourceUrl":${json(r.sourceUrl)}}}`;
      });
      yield (first ? "" : ",") + features.join(",");
      first = false;
    }
    yield "]}";
  }
  return Readable.from(chunks());
}
