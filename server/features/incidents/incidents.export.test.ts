import type { Readable } from "node:stream";
import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../demo/seed-demo";
import { call, createTestApp, login, type Session, type TestApp } from "../../test/app";
import { auditCount } from "../../test/factories";
import { csvCell } from "../../http/exports";
import { agencies, agencyNames } from "../agencies";
import { columns, incidentBatches, incidentsCsv, incidentsGeoJson } from "./incidents.export";
import { incidents } from "./incidents.table";

// Issue 12, item 9: the incident exports (CSV, Excel, GeoJSON) hold exactly the list's rows for the reader —
// the same filters, the same visibility: a restricted incident of another agency is in no one else's file.

const PASSWORD = "demo-password-1";
const REFERENCE = /^INC-\d{4}-\d{6}(?=,)/gm;

async function text(stream: Readable): Promise<string> {
  let out = "";
  for await (const chunk of stream) out += String(chunk);
  return out;
}

describe("incident exports", () => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  let restricted: string;

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), PASSWORD, "recent");
    for (const u of ["minister", "director.tobruk", "liaison.isa", "observer.mp"])
      sessions.set(u, await login(t.app, u, PASSWORD));
    const [isa] = await t.db.select().from(agencies).where(eq(agencies.code, "ISA-TBK"));
    const [row] = await t.db
      .select()
      .from(incidents)
      .where(and(eq(incidents.agencyId, isa!.id), eq(incidents.sensitivity, "restricted")))
      .limit(1);
    restricted = row!.reference;
  });
  afterAll(() => t.close());

  const get = (user: string, path: string) => call(t.app, sessions.get(user)!, "GET", path);

  it("writes the list's rows for each reader and filter, and nothing else; nothing is audited", async () => {
    const audits = await auditCount(t.db);
    const seen = new Map<string, Set<string>>();
    for (const user of ["minister", "director.tobruk", "liaison.isa", "observer.mp"]) {
      for (const filter of ["", "district=LY0104&hasSeizures=true", "group=smuggling&from=2026-10-01"]) {
        const total = (await get(user, `/api/v1/incidents?${filter}&pageSize=1`)).json().page.total as number;
        const csv = await get(user, `/api/v1/incidents/export.csv?${filter}`);
        expect(csv.statusCode).toBe(200);
        expect(csv.headers["content-type"]).toContain("text/csv");
        expect(csv.body.startsWith("\uFEFF")).toBe(true);
        const refs = csv.body.match(REFERENCE) ?? [];
        expect(refs.length, `${user} ${filter} csv`).toBe(total);
        const geo = await get(user, `/api/v1/incidents/export.geojson?${filter}`);
        const collection = geo.json() as { type: string; features: { id: string; geometry: unknown }[] };
        expect(collection.type).toBe("FeatureCollection");
        expect(collection.features.map((f) => f.id).sort(), `${user} ${filter} geojson`).toEqual(
          [...refs].sort(),
        );
        if (!filter) seen.set(user, new Set(refs));
      }
    }
    expect(seen.get("minister")!.has(restricted)).toBe(true);
    expect(seen.get("liaison.isa")!.has(restricted)).toBe(true);
    expect(seen.get("director.tobruk")!.has(restricted)).toBe(false);
    expect(seen.get("observer.mp")!.has(restricted)).toBe(false);
    expect(await auditCount(t.db)).toBe(audits);
  });

  it("writes a right-to-left sheet with Arabic headers, and points in GeoJSON as longitude, latitude", async () => {
    const res = await get("director.tobruk", "/api/v1/incidents/export.xlsx?district=LY0104");
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    expect(sheet.getRow(1).getCell(1).value).toBe("الرقم");
    const total = (await get("director.tobruk", "/api/v1/incidents?district=LY0104&pageSize=1")).json().page
      .total;
    expect(sheet.actualRowCount - 1).toBe(total);

    // The Emsaed crossing: latitude 31.5886, longitude 25.0522.
    const [first] = await t.db
      .select()
      .from(incidents)
      .where(and(eq(incidents.districtPcode, "LY0104"), eq(incidents.sensitivity, "internal")))
      .limit(1);
    await t.db
      .update(incidents)
      .set({ latitude: 31.5886, longitude: 25.0522 })
      .where(eq(incidents.id, first!.id));
    const geo = (await get("director.tobruk", "/api/v1/incidents/export.geojson?district=LY0104")).json();
    const located = geo.features.find((f: { id: string }) => f.id === first!.reference);
    expect(located.geometry).toEqual({ type: "Point", coordinates: [25.0522, 31.5886] });
    expect(located.properties).toMatchObject({ reference: first!.reference, district: "LY0104" });
  });

  it("refuses a bad filter with the field named, and never runs a formula from a narrative", async () => {
    const bad = await get("minister", "/api/v1/incidents/export.csv?district=LY9999");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("district");
    const [row] = await t.db.select().from(incidents).limit(1);
    await t.db
      .update(incidents)
      .set({ narrative: '=HYPERLINK("http://x")' })
      .where(eq(incidents.id, row!.id));
    const csv = await get("minister", `/api/v1/incidents/export.csv?q=${encodeURIComponent(row!.reference)}`);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it("writes each CSV line and GeoJSON feature in PostgreSQL exactly as the cells and objects would be written here", async () => {
    // Awkward values on a few incidents: quotes, commas, line breaks, formula characters, no place, no point.
    const rows = await t.db.select().from(incidents).orderBy(incidents.id).limit(8);
    const awkward = [
      { narrative: 'said "stop", then\nleft', placeName: "Emsaed, gate 2", occurredTime: "07:45" },
      { narrative: "-5 litres", placeName: "@sea", sourceUrl: "https://x.example/a?b=1,2" },
      { narrative: "\ttab", placeName: '"quoted"', districtPcode: null, latitude: null, longitude: null },
      { narrative: "+1\r\n", placeName: "=1+1", occurredTime: null, hasSeizures: true },
      { narrative: null, placeName: "طبرق — «الميناء»", latitude: 32.0836, longitude: 23.9764 },
    ];
    for (const [i, set] of awkward.entries())
      await t.db.update(incidents).set(set).where(eq(incidents.id, rows[i]!.id));
    const where = inArray(
      incidents.id,
      rows.map((r) => r.id),
    );
    for (const language of ["ar", "en"] as const) {
      const names = await agencyNames(t.db, language);
      const expected: string[] = [];
      const features: unknown[] = [];
      for await (const batch of incidentBatches(t.database, where))
        for (const r of batch) {
          expected.push(
            columns(language)
              .map((c) => csvCell(c.value(r, names)))
              .join(","),
          );
          features.push({
            type: "Feature",
            id: r.reference,
            geometry:
              r.latitude !== null && r.longitude !== null
                ? { type: "Point", coordinates: [r.longitude, r.latitude] }
                : null,
            properties: {
              reference: r.reference,
              occurredOn: r.occurredOn,
              type: language === "en" ? r.typeNameEn : r.typeNameAr,
              group: r.typeGroup,
              district: r.districtPcode,
              place: r.placeName,
              agency: names.get(r.agencyId) ?? null,
              status: r.status,
              sensitivity: r.sensitivity,
              arrests: r.arrests,
              rescued: r.rescued,
              intercepted: r.intercepted,
              dead: r.dead,
              missing: r.missing,
              hasSeizures: r.hasSeizures,
              source: r.source,
              sourceUrl: r.sourceUrl,
            },
          });
        }
      const csv = await text(incidentsCsv(t.database, where, language));
      const header = `\uFEFF${columns(language)
        .map((c) => csvCell(c.label))
        .join(",")}`;
      expect(csv).toBe([header, ...expected].join("\r\n") + "\r\n");
      const geojson = await text(incidentsGeoJson(t.database, where, language));
      expect(JSON.parse(geojson)).toEqual({ type: "FeatureCollection", features });
      // The same bytes as JSON.stringify writes them (key order included).
      expect(geojson).toBe(JSON.stringify({ type: "FeatureCollection", features }));
    }
  });
});
