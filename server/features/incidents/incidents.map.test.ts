import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../demo/seed-demo";
import { call, createTestApp, login, type Session, type TestApp } from "../../test/app";
import { auditCount } from "../../test/factories";
import { agencies } from "../agencies";
import { incidents } from "./incidents.table";

// Issue 12, item 6: the map reads counts, never incidents — by district over all of Libya for the list's filters,
// and clusters of the visible area — and each reader's figures count exactly what their list holds.

const PASSWORD = "demo-password-1";
const READERS = ["minister", "director.tobruk", "liaison.isa", "observer.mp"];
const TOBRUK_AREA = "23.5,31.2,25.5,32.3";

type MapData = {
  districts: { pcode: string; count: number }[];
  withoutDistrict: number;
  mode: "districts" | "points";
  clusters: {
    count: number;
    district: string | null;
    bbox: string | null;
    incidentId: string | null;
    reference: string | null;
  }[];
  truncated: boolean;
  imported: { source: string; count: number }[];
};

describe("incident map", () => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  let restrictedId: string;

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), PASSWORD, "recent");
    for (const u of READERS) sessions.set(u, await login(t.app, u, PASSWORD));
    // One incident at sea (outside every district), as IOM reports place many.
    const [sea] = await t.db.select().from(incidents).where(eq(incidents.sensitivity, "internal")).limit(1);
    await t.db
      .update(incidents)
      .set({ districtPcode: null, latitude: 33.2, longitude: 13.9 })
      .where(eq(incidents.id, sea!.id));
    const [isa] = await t.db.select().from(agencies).where(eq(agencies.code, "ISA-TBK"));
    const [restricted] = await t.db
      .select()
      .from(incidents)
      .where(
        and(
          eq(incidents.agencyId, isa!.id),
          eq(incidents.sensitivity, "restricted"),
          isNotNull(incidents.latitude),
        ),
      )
      .limit(1);
    restrictedId = restricted!.id;
  });
  afterAll(() => t.close());

  const get = (user: string, path: string) => call(t.app, sessions.get(user)!, "GET", path);
  const total = async (user: string, filter: string) =>
    (await get(user, `/api/v1/incidents?${filter}&pageSize=1`)).json().page.total as number;
  const map = async (user: string, filter: string) => {
    const res = await get(user, `/api/v1/incidents/map?${filter}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as MapData;
  };
  const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);

  it("counts by district exactly what each reader's list holds, for every filter, and audits nothing", async () => {
    const audits = await auditCount(t.db);
    for (const user of READERS) {
      for (const filter of [
        "",
        "group=smuggling",
        "hasSeizures=true",
        "hasSeizures=false",
        "status=open&from=2026-10-01",
        "q=" + encodeURIComponent("امساعد"),
        "sensitivity=restricted",
      ]) {
        const data = await map(user, `${filter}&zoom=5`);
        expect(data.mode).toBe("districts");
        expect(sum(data.districts) + data.withoutDistrict, `${user} ${filter}`).toBe(
          await total(user, filter),
        );
        for (const d of data.districts)
          expect(d.count, `${user} ${filter} ${d.pcode}`).toBe(
            await total(user, `${filter}&district=${d.pcode}`),
          );
        // The country view: each district's count at its centre, and the located incidents outside every district.
        const byDistrict = data.clusters.filter((c) => c.district);
        expect(sum(byDistrict)).toBe(sum(data.districts));
      }
    }
    // A restricted incident of another agency moves no number an observer or another agency sees.
    const tobruk = async (user: string) =>
      (await map(user, "zoom=5")).districts.find((d) => d.pcode === "LY0104")!.count;
    const restricted = await total("minister", "sensitivity=restricted&district=LY0104");
    expect(restricted).toBeGreaterThan(0);
    expect(await tobruk("minister")).toBe((await tobruk("observer.mp")) + restricted);
    expect(await tobruk("director.tobruk")).toBeLessThan(await tobruk("minister"));
    expect(await auditCount(t.db)).toBe(audits);
  });

  it("gathers the located incidents of the visible area into clusters whose areas list them", async () => {
    for (const user of READERS) {
      const data = await map(user, `bbox=${TOBRUK_AREA}&zoom=9`);
      expect(data.mode).toBe("points");
      expect(sum(data.clusters)).toBe(await total(user, `bbox=${TOBRUK_AREA}`));
      for (const cluster of data.clusters) {
        expect(await total(user, `bbox=${cluster.bbox}`), `${user} ${cluster.bbox}`).toBe(cluster.count);
        if (cluster.count === 1) expect(cluster.incidentId).not.toBeNull();
        else expect(cluster.incidentId).toBeNull();
      }
      const ids = data.clusters.map((c) => c.incidentId);
      // A restricted incident of the internal security agency is a point only for it and leadership.
      const close = await map(user, `bbox=${TOBRUK_AREA}&zoom=18`);
      const seesRestricted = close.clusters.some((c) => c.incidentId === restrictedId);
      expect(seesRestricted, user).toBe(user === "minister" || user === "liaison.isa");
      expect(ids.length).toBeGreaterThan(0);
    }
    const sea = await map("minister", "zoom=4");
    expect(sea.withoutDistrict).toBeGreaterThanOrEqual(1);
    expect(sea.clusters.filter((c) => !c.district).reduce((s, c) => s + c.count, 0)).toBe(1);
  });

  it("is kept between readers of the same class, and follows a change the moment it is committed", async () => {
    const tobruk = async (user: string) =>
      (await map(user, "zoom=5&group=smuggling")).districts.find((d) => d.pcode === "LY0104")?.count ?? 0;
    const before = await tobruk("director.tobruk");
    expect(await tobruk("director.tobruk")).toBe(before);
    const officer = await login(t.app, "officer.emsaed", PASSWORD);
    const types = (await call(t.app, officer, "GET", "/api/v1/incident-types")).json().data as {
      id: string;
      code: string;
    }[];
    const me = (await call(t.app, officer, "GET", "/api/auth/me")).json().data as { agencyId: string };
    const created = await call(t.app, officer, "POST", "/api/v1/incidents", {
      agencyId: me.agencyId,
      typeId: types.find((x) => x.code === "smuggling_fuel")!.id,
      occurredOn: "2026-11-25",
      occurredTime: null,
      districtPcode: "LY0104",
      placeName: "منفذ امساعد البري",
      latitude: 31.59,
      longitude: 25.05,
      narrative: null,
      sensitivity: "internal",
      arrests: 0,
      rescued: 0,
      intercepted: 0,
      nationalities: [],
      dead: 0,
      missing: 0,
    });
    expect(created.statusCode, created.body).toBe(201);
    await expect.poll(() => tobruk("director.tobruk")).toBe(before + 1);
    expect(await tobruk("director.tobruk")).toBe(
      await total("director.tobruk", "group=smuggling&district=LY0104"),
    );
  });

  it("attributes the counted incidents that came from IOM's data, as many as each reader's filters count", async () => {
    // Two incidents as if imported from IOM's file: an internal one and the restricted ISA one.
    const [open] = await t.db
      .select()
      .from(incidents)
      .where(and(eq(incidents.sensitivity, "internal"), isNotNull(incidents.districtPcode)))
      .limit(1);
    for (const [id, sourceId] of [
      [open!.id, "iom-test-1"],
      [restrictedId, "iom-test-2"],
    ])
      await t.db.update(incidents).set({ source: "iom", sourceId }).where(eq(incidents.id, id!));
    t.app.figures.invalidate();
    expect((await map("minister", "zoom=5")).imported).toEqual([{ source: "iom", count: 2 }]);
    expect((await map("observer.mp", "zoom=5")).imported).toEqual([{ source: "iom", count: 1 }]);
    expect((await map("minister", "sensitivity=restricted&zoom=9")).imported).toEqual([
      { source: "iom", count: 1 },
    ]);
    expect((await map("minister", "from=2999-01-01&zoom=5")).imported).toEqual([]);
  });

  it("refuses a bad area or zoom with the field named", async () => {
    for (const [query, field] of [
      ["bbox=30,20,10,35", "bbox"],
      ["bbox=abc", "bbox"],
      ["bbox=" + "1".repeat(200), "bbox"],
      ["zoom=99", "zoom"],
      ["district=LY9999", "district"],
    ]) {
      const res = await get("director.tobruk", `/api/v1/incidents/map?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.fields[0].field).toBe(field);
    }
  });

  it("lists exactly an off-map square's count: its area's incidents in no district, not a coast's district ones", async () => {
    const country = await map("minister", "zoom=4");
    const square = country.clusters.find((c) => !c.district && c.bbox)!;
    const [west, south, east, north] = square.bbox!.split(",").map(Number);
    // An incident of Tripoli's district inside the same square (a coast inside the sea square): on the map it is
    // counted at Tripoli's centre, so the square's list must leave it out.
    const [coast] = await t.db
      .select()
      .from(incidents)
      .where(and(eq(incidents.sensitivity, "internal"), isNotNull(incidents.districtPcode)))
      .limit(1);
    await t.db
      .update(incidents)
      .set({ districtPcode: "LY0211", latitude: (south! + north!) / 2, longitude: (west! + east!) / 2 })
      .where(eq(incidents.id, coast!.id));
    t.app.figures.invalidate();
    const again = (await map("minister", "zoom=4")).clusters.find((c) => c.bbox === square.bbox)!;
    expect(await total("minister", `bbox=${square.bbox}`)).toBe(again.count + 1);
    expect(await total("minister", `bbox=${square.bbox}&district=none`)).toBe(again.count);
    // The list's filter alone: every incident in no district, as the map's "without a district" says.
    expect(await total("minister", "district=none")).toBe((await map("minister", "zoom=4")).withoutDistrict);
  });
});
