import { sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import type { IncidentSource } from "../../../../common/enums";
import type { Ctx } from "../../../authz/actor";
import { recordEvent } from "../../../audit/record-event";
import { queryRows, type Db } from "../../../db/client";
import { nextReference, referenceSequence, referenceYear } from "../../../db/references";
import { AppError } from "../../../http/app-error";
import { publishChange } from "../../../live/publish-change";
import { assertActiveAgency } from "../../agencies";
import { districtOfPoint } from "../district-of-point";
import { actorLabelOf } from "../incident-history";
import { incidentSearchKey, tripoliDayOf } from "../create-incident";
import {
  parseIncidentRecords,
  type ImportCandidate,
  type ImportFormat,
  type Refusal,
} from "./parse-incidents";
import { csvRecords } from "./read-csv";

export type ImportSummary = {
  format: ImportFormat;
  dryRun: boolean;
  rows: number;
  created: number;
  skipped: number;
  refused: Refusal[];
  /** Whether the rows were written (not on a dry run, nor when any row was refused). */
  written: boolean;
};
export type ImportInput = {
  format: ImportFormat;
  agencyId: string;
  dryRun: boolean;
  /** The file's bytes: CSV (UTF-8, a BOM or not) or an .xlsx workbook (its first sheet). */
  file: Buffer;
  language: "ar" | "en";
  /** Progress, e.g. to stderr. */
  onProgress?: (message: string) => void;
};

/** Rows per statement. The rollups follow each statement (migration 0016): fewer, larger statements cost less. */
const CHUNK = 5_000;
const isXlsx = (file: Buffer) => file.length > 4 && file[0] === 0x50 && file[1] === 0x4b; // "PK": a zip

async function readRecords(file: Buffer): Promise<Record<string, string>[]> {
  if (!isXlsx(file)) return csvRecords(file.toString("utf8")).records;
  // Loaded for a workbook only: ExcelJS takes 0.45 s to load, a third of the command's start-up for a CSV file.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError("validation_failed", { fields: [{ field: "file", issue: "invalid" }] });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      cells[col - 1] =
        v instanceof Date
          ? v.toISOString().slice(0, 10)
          : v == null
            ? ""
            : typeof v === "object"
              ? cell.text
              : String(v);
    });
    rows.push(Array.from(cells, (c) => c ?? ""));
  });
  const [head, ...body] = rows;
  const headers = (head ?? []).map((h) => h.trim().toLowerCase());
  return body.map((r) => Object.fromEntries(headers.map((h, i) => [h, (r[i] ?? "").trim()])));
}

/** The (source, source id) pairs among these already recorded. */
async function existingKeys(tx: Db, candidates: ImportCandidate[]): Promise<Set<string>> {
  const keyed = candidates.filter((c) => c.sourceId !== null);
  if (keyed.length === 0) return new Set();
  const rows = await queryRows<{ k: string }>(
    tx,
    sql`select i.source || ':' || i.source_id as k
        from json_to_recordset(${JSON.stringify(keyed.map((c) => ({ s: c.source, id: c.sourceId })))}::json) as x(s text, id text)
        join incidents i on i.source = x.s and i.source_id = x.id`,
  );
  return new Set(rows.map((r) => r.k));
}

/** `count` fresh references INC-YYYY-NNNNNN, the first through nextReference (which creates the year's sequence). */
async function takeReferences(tx: Db, now: Date, count: number): Promise<string[]> {
  if (count === 0) return [];
  const first = await nextReference(tx, "INC", now);
  const year = referenceYear(now);
  const rest = await queryRows<{ n: string }>(
    tx,
    sql`select nextval(${referenceSequence("INC", year)})::text as n from generate_series(2, ${count})`,
  );
  return [first, ...rest.map((r) => `INC-${year}-${r.n.padStart(6, "0")}`)];
}

/**
 * Imports incidents from a file: parse → validate → write. A dry run writes nothing and reports every row it would
 * refuse; a real import writes every good row or none (a refused row refuses the file), skips rows whose source and
 * source id are already recorded, and records one audit event with the counts. Permission is the caller's business.
 */
export async function importIncidents(tx: Db, ctx: Ctx, input: ImportInput): Promise<ImportSummary> {
  const progress = input.onProgress ?? (() => {});
  await assertActiveAgency(tx, ctx, input.agencyId);
  const records = await readRecords(input.file);
  progress(`read ${records.length} rows`);
  const types = await queryRows<{ id: string; code: string; name_ar: string; name_en: string }>(
    tx,
    sql`select id, code, name_ar, name_en from incident_types where is_active`,
  );
  const typeByCode = new Map(types.map((t) => [t.code, t]));
  const parsed = parseIncidentRecords(input.format, records, {
    language: input.language,
    today: tripoliDayOf(ctx.now),
    typeCodes: new Set(typeByCode.keys()),
  });
  // A row placed by its coordinates but naming no district (IOM's rows; ACLED's outside a known admin1; a template
  // row left blank) is counted in the district it lies in, so the map's districts and the district filters hold it.
  for (const c of parsed.candidates)
    if (c.districtPcode === null && c.latitude !== null && c.longitude !== null)
      c.districtPcode = districtOfPoint(c.latitude, c.longitude);
  const present = await existingKeys(tx, parsed.candidates);
  const seen = new Set<string>();
  const fresh = parsed.candidates.filter((c) => {
    if (c.sourceId === null) return true;
    const key = `${c.source}:${c.sourceId}`;
    if (present.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const summary: Omit<ImportSummary, "written"> = {
    format: input.format,
    dryRun: input.dryRun,
    rows: parsed.rows,
    created: fresh.length,
    skipped: parsed.candidates.length - fresh.length,
    refused: parsed.refusals,
  };
  progress(
    `${summary.created} to create, ${summary.skipped} already present, ${summary.refused.length} refused`,
  );
  if (input.dryRun) return { ...summary, written: false };
  // All or nothing: a refused row refuses the file (the summary says which rows to mend) — except, in another
  // organisation's export (ACLED, IOM), a row placed outside Libya and the sea off it: out of scope, not a mistake
  // to mend, so it is reported and left out while the rest is written.
  const blocking = summary.refused.filter((r) => input.format === "tansiq" || r.reason !== "outside_area");
  if (blocking.length > 0) return { ...summary, created: 0, written: false };
  const references = await takeReferences(tx, ctx.now, fresh.length);
  const actorId = ctx.actor?.userId ?? null;
  const label = actorLabelOf(ctx);
  // One statement per chunk; the next chunk's rows are made while PostgreSQL writes this one (two cores at work).
  const chunkRows = (start: number) =>
    JSON.stringify(
      fresh.slice(start, start + CHUNK).map((c, i) => {
        const type = typeByCode.get(c.typeCode);
        if (!type) throw new Error(`type ${c.typeCode} vanished`);
        const reference = references[start + i] ?? "";
        return {
          id: uuidv7(),
          reference,
          type_id: type.id,
          occurred_on: c.occurredOn,
          district_pcode: c.districtPcode,
          place_name: c.placeName,
          latitude: c.latitude,
          longitude: c.longitude,
          narrative: c.narrative,
          dead: c.dead,
          missing: c.missing,
          rescued: c.rescued,
          arrests: c.arrests,
          intercepted: c.intercepted,
          source: c.source satisfies IncidentSource,
          source_id: c.sourceId,
          source_url: c.sourceUrl,
          search_key: incidentSearchKey(
            { reference, placeName: c.placeName, narrative: c.narrative, sourceId: c.sourceId },
            { nameAr: type.name_ar, nameEn: type.name_en },
          ),
        };
      }),
    );
  let rows = fresh.length > 0 ? chunkRows(0) : null;
  for (let start = 0; rows !== null; start += CHUNK) {
    // drizzle's query runs on each .then: one real promise, so that it runs once
    const writing = Promise.resolve(
      tx.execute(sql`
      with r as (
        select * from json_to_recordset(${rows}::json) as x(
          id uuid, reference text, type_id uuid, occurred_on date, district_pcode text, place_name text,
          latitude double precision, longitude double precision, narrative text, dead int, missing int, rescued int,
          arrests int, intercepted int, source text, source_id text, source_url text, search_key text)
      ), ins as (
        insert into incidents (id, reference, sensitivity, agency_id, type_id, occurred_on, reported_at, district_pcode,
          place_name, latitude, longitude, narrative, status, dead, missing, rescued, arrests, intercepted, source,
          source_id, source_url, search_key, created_by, created_at, updated_at)
        select id, reference, 'internal', ${input.agencyId}::uuid, type_id, occurred_on, ${ctx.now}, district_pcode,
          place_name, latitude, longitude, narrative, 'open', dead, missing, rescued, arrests, intercepted, source,
          source_id, source_url, search_key, ${actorId}::uuid, ${ctx.now}, ${ctx.now}
        from r
        returning id
      )
      insert into incident_history (id, incident_id, action, from_status, to_status, actor_id, actor_label, at)
      select gen_random_uuid(), id, 'create', null, 'open', ${actorId}::uuid, ${label}, ${ctx.now} from ins`),
    );
    writing.catch(() => {}); // awaited below; meanwhile its failure is not an unhandled rejection
    try {
      await new Promise((sent) => setImmediate(sent)); // the statement on its way before the next is made
      rows = start + CHUNK < fresh.length ? chunkRows(start + CHUNK) : null;
    } finally {
      await writing; // its failure, not the next chunk's, is the one reported
    }
    progress(`written ${Math.min(start + CHUNK, fresh.length)} of ${fresh.length}`);
  }
  const { refused: _none, ...counts } = summary;
  await recordEvent(tx, ctx, "incident.import", "incidents", null, null, {
    ...counts,
    agencyId: input.agencyId,
  });
  if (fresh.length > 0) await publishChange(tx, { entity: "incident", id: "import" });
  return { ...summary, written: true };
}
