import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { createTestApp, type Session, type TestApp } from "../../test/app";
import { auditEvents } from "../../audit/audit.table";
import { auditCount, buildAgency, signedIn } from "../../test/factories";
import type { AgencyRow } from "../agencies";
import { incidentTypes, incidents } from "./incidents.table";

const fixture = (path: string) => readFileSync(new URL(path, import.meta.url));
const IOM = fixture("../../demo/data/iom/missing-migrants-libya-2014-2019.csv");
const ACLED_CURRENT = fixture("../../test/fixtures/import/acled-current.csv");
const ACLED_OLD = fixture("../../test/fixtures/import/acled-old.csv");

type Summary = {
  created: number;
  skipped: number;
  rows: number;
  written: boolean;
  refused: { row: number; column: string; reason: string; message: string }[];
};

describe("incident imports", () => {
  let t: TestApp;
  let emsaed: AgencyRow;
  let officer: Session;
  let observer: Session;

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    emsaed = await buildAgency(t.db, { kind: "border_crossing" });
    officer = (await signedIn(t.app, t.db, "officer", emsaed.id)).session;
    observer = (await signedIn(t.app, t.db, "observer", emsaed.id)).session;
  });
  afterAll(() => t.close());

  const upload = (session: Session, query: string, body: Buffer | string) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/incidents/import?${query}`,
      headers: { cookie: session.cookie, "content-type": "application/octet-stream" },
      payload: body,
    });
  const imported = async (session: Session, query: string, body: Buffer | string) => {
    const r = await upload(session, query, body);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { data: Summary }).data;
  };
  const total = async () => (await t.db.select({ n: count() }).from(incidents))[0]?.n ?? 0;

  it("imports the IOM Libya rows once, leaving out those placed outside Libya and its sea with the reason", async () => {
    const before = await auditCount(t.db);
    const dry = await imported(officer, "format=iom&dryRun=true", IOM);
    expect(await total()).toBe(0);
    expect(await auditCount(t.db)).toBe(before);
    expect(dry.rows).toBe(1064);
    expect(dry.refused).toHaveLength(153);
    expect(new Set(dry.refused.map((r) => `${r.column}:${r.reason}`))).toEqual(
      new Set(["Location Coordinates:outside_area"]),
    );
    expect(dry.refused[0]).toMatchObject({ row: 2, message: "الإحداثيات خارج ليبيا والبحر المقابل لها" });
    const first = await imported(officer, "format=iom&dryRun=false", IOM);
    expect(first).toMatchObject({ created: 911, skipped: 0, written: true });
    expect(await total()).toBe(911);
    const [row] = await t.db
      .select()
      .from(incidents)
      .where(and(eq(incidents.source, "iom"), eq(incidents.sourceId, "52463")));
    // "Body washed ashore near Tripoli": IOM names no district; its coordinates lie in Tripoli's.
    expect(row).toMatchObject({
      occurredOn: "2019-09-25",
      dead: 1,
      agencyId: emsaed.id,
      sensitivity: "internal",
      districtPcode: "LY0211",
    });
    // Placed in the district their coordinates lie in; those off the coast stay without one (the map's sea).
    const placed = await queryRows<{ district: string | null; n: number }>(
      t.db,
      sql`select district_pcode as district, count(*)::int as n from incidents where source = 'iom' group by 1`,
    );
    const atSea = placed.find((p) => p.district === null)?.n ?? 0;
    console.log(
      `IOM rows by district: ${placed.length - 1} districts, ${911 - atSea} placed, ${atSea} at sea`,
    );
    expect(atSea).toBeGreaterThan(0);
    expect(911 - atSea).toBeGreaterThan(600);
    expect(placed.find((p) => p.district === "LY0211")?.n).toBeGreaterThan(20);
    expect(row?.sourceUrl).toMatch(/^https:\/\/twitter.com/);
    expect(row?.searchKey).toContain(row?.reference.toLowerCase());
    const [type] = await t.db
      .select()
      .from(incidentTypes)
      .where(eq(incidentTypes.id, row?.typeId ?? ""));
    expect(type?.code).toBe("migration_deaths_missing");
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "incident.import"));
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toMatchObject({ created: 911, skipped: 0, rows: 1064 });
    const again = await imported(officer, "format=iom&dryRun=false", IOM);
    expect(again).toMatchObject({ created: 0, skipped: 911 });
    expect(await total()).toBe(911);
  });

  it("maps both ACLED layouts to incident types and districts", async () => {
    const current = await imported(officer, "format=acled&dryRun=false", ACLED_CURRENT);
    const old = await imported(officer, "format=acled&dryRun=false", ACLED_OLD);
    expect([current.created, old.created, current.refused, old.refused]).toEqual([3, 3, [], []]);
    const rows = await t.db
      .select({
        id: incidents.sourceId,
        district: incidents.districtPcode,
        type: incidentTypes.code,
        on: incidents.occurredOn,
        dead: incidents.dead,
      })
      .from(incidents)
      .innerJoin(incidentTypes, eq(incidentTypes.id, incidents.typeId))
      .where(eq(incidents.source, "acled"))
      .orderBy(incidents.sourceId);
    expect(rows).toEqual([
      { id: "TSTLBY0001", district: "LY0104", type: "crime_kidnapping", on: "2023-05-02", dead: 0 },
      { id: "TSTLBY0002", district: "LY0215", type: "other", on: "2023-06-11", dead: 2 },
      { id: "TSTLBY0003", district: "LY0103", type: "other", on: "2023-07-20", dead: 0 },
      { id: "TSTOLD0001", district: "LY0208", type: "crime_assault", on: "2016-03-15", dead: 1 },
      { id: "TSTOLD0002", district: "LY0101", type: "other", on: "2016-04-02", dead: 0 },
      { id: "TSTOLD0003", district: "LY0104", type: "other", on: "2016-05-03", dead: 3 },
    ]);
  });

  it("writes nothing from a Tansiq file with one bad row, and names its row and column", async () => {
    const template = await t.app.inject({
      method: "GET",
      url: "/api/v1/incidents/import/template.csv",
      headers: { cookie: officer.cookie },
    });
    expect(template.statusCode).toBe(200);
    expect(template.body.charCodeAt(0)).toBe(0xfeff);
    const [head, example] = template.body.slice(1).trim().split("\r\n");
    expect(head).toContain("رمز النوع");
    const bad = (example ?? "").replace("2026-01-15", "2026-02-30").replace("TBQ-1", "TBQ-2");
    const file = [head, example, bad].join("\r\n");
    const before = await total();
    const auditBefore = await auditCount(t.db);
    const summary = await imported(officer, "format=tansiq&dryRun=false", file);
    expect(summary).toMatchObject({ written: false, created: 0 });
    expect(summary.refused).toEqual([
      { row: 3, column: "التاريخ", reason: "invalid_date", message: "تاريخ غير صالح" },
    ]);
    expect(await total()).toBe(before);
    expect(await auditCount(t.db)).toBe(auditBefore);
    const good = await imported(officer, "format=tansiq&dryRun=false", [head, example].join("\r\n"));
    expect(good).toMatchObject({ created: 1, written: true });
  });

  it("writes a file of several statements' rows whole, or nothing when a later statement fails", async () => {
    // 12,001 rows: three statements of the import (5,000 rows each); the next is made while one is written.
    const template = await t.app.inject({
      method: "GET",
      url: "/api/v1/incidents/import/template.csv",
      headers: { cookie: officer.cookie },
    });
    const [head, example = ""] = template.body.slice(1).trim().split("\r\n");
    const rows = 12_001;
    const file = (place: (i: number) => string) =>
      [
        head,
        ...Array.from({ length: rows }, (_, i) =>
          example.replace("TBQ-1", `MANY-${i}`).replace("منفذ امساعد", place(i)),
        ),
      ].join("\r\n");
    const before = await total();
    const auditBefore = await auditCount(t.db);
    // PostgreSQL refuses one row of the third statement: nothing of the first two stays.
    await t.db.execute(
      sql`alter table incidents add constraint import_test_refused check (place_name <> 'مرفوض')`,
    );
    const failed = await upload(
      officer,
      "format=tansiq&dryRun=false",
      file((i) => (i === 11_000 ? "مرفوض" : "منفذ امساعد")),
    );
    await t.db.execute(sql`alter table incidents drop constraint import_test_refused`);
    expect(failed.statusCode).toBe(500);
    expect(await total()).toBe(before);
    expect(await auditCount(t.db)).toBe(auditBefore);
    const summary = await imported(
      officer,
      "format=tansiq&dryRun=false",
      file(() => "منفذ امساعد"),
    );
    expect(summary).toMatchObject({ rows, created: rows, skipped: 0, written: true });
    const [written] = await queryRows<{ n: number; references: number; history: number }>(
      t.db,
      sql`select count(*)::int as n, count(distinct reference)::int as references,
            (select count(*)::int from incident_history h join incidents j on j.id = h.incident_id
             where j.source_id like 'MANY-%') as history
          from incidents where source_id like 'MANY-%'`,
    );
    expect(written).toEqual({ n: rows, references: rows, history: rows });
    expect(await auditCount(t.db)).toBe(auditBefore + 1);
  });

  it("refuses a user without the rule (403) and a 50 MB file (413), and a bad query names its field (400)", async () => {
    const before = await total();
    expect((await upload(observer, "format=iom&dryRun=false", IOM)).statusCode).toBe(403);
    const big = await upload(officer, "format=tansiq&dryRun=true", Buffer.alloc(50 * 1024 * 1024, 0x41));
    expect(big.statusCode).toBe(413);
    const badFormat = await upload(officer, "format=excel", "x");
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.body).toContain("format");
    expect(await total()).toBe(before);
  });
});

describe("tansiq import incidents (the command)", () => {
  it("prints the summary as JSON on stdout, progress on stderr", { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tansiq-import-"));
    const env = {
      ...process.env,
      TANSIQ_DATA_DIR: path.join(dir, "data"),
      DATABASE_URL: "",
      LOG_LEVEL: "silent",
    };
    const run = promisify(execFile);
    const cli = ["bin/tansiq.js"];
    await run("node", [...cli, "seed-demo", "--recent"], { env });
    const file = fileURLToPath(new URL("../../test/fixtures/import/acled-current.csv", import.meta.url));
    const args = [...cli, "import", "incidents", file, "--format", "acled", "--as", "officer.emsaed"];
    const dry = await run("node", [...args, "--dry-run"], { env });
    expect(JSON.parse(dry.stdout)).toMatchObject({ created: 3, skipped: 0, refused: [], written: false });
    expect(dry.stderr).toMatch(/read 3 rows/);
    const real = await run("node", args, { env });
    expect(JSON.parse(real.stdout)).toMatchObject({ created: 3, skipped: 0, written: true });
    const again = await run("node", args, { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, skipped: 3, written: true });
  });
});
