import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Home } from "../../../common/schemas/home";
import { seedDemo } from "../../demo/seed-demo";
import { call, createTestApp, login, type Session, type TestApp } from "../../test/app";
import { buildTask, buildUser, TEST_PASSWORD } from "../../test/factories";
import { agencies } from "../agencies";
import { commitments } from "../meetings";

// Issue 8, item 14: each role's home shows what needs its attention, and every group counts what the list it links
// to totals for the same reader.

const PASSWORD = "demo-password-1";
const DEMO_USERS = [
  "admin",
  "minister",
  "director.tobruk",
  "officer.tobruk",
  "officer.emsaed",
  "liaison.isa",
  "observer.mp",
  "trainer",
];
const READERS = [
  "director.tobruk",
  "officer.tobruk",
  "officer.emsaed",
  "liaison.isa",
  "observer.mp",
  "trainer",
];

describe("today's home", () => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  const restricted: { task: string; need: string } = { task: "", need: "" };

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), PASSWORD);
    const [isa] = await t.db.select().from(agencies).where(eq(agencies.code, "ISA-TBK"));
    const [moi] = await t.db.select().from(agencies).where(eq(agencies.code, "MOI"));
    const isaManager = await buildUser(t.db, { role: "manager", agencyId: isa!.id, isDemo: true });
    for (const u of DEMO_USERS) sessions.set(u, await login(t.app, u, PASSWORD));
    const manager = await login(t.app, isaManager.username, TEST_PASSWORD);
    sessions.set("isa manager", manager);
    // Another agency's restricted records: an overdue task, and a need submitted to its manager.
    restricted.task = (
      await buildTask(t.db, { agencyId: isa!.id, sensitivity: "restricted", dueOn: "2026-11-01" })
    ).id;
    const need = await call(t.app, manager, "POST", "/api/v1/needs", {
      agencyId: isa!.id,
      category: "equipment",
      title: "أجهزة رصد سرية",
      quantity: 2,
      unit: "جهاز",
      unitCost: 1000,
      responsibleAgencyId: moi!.id,
      sensitivity: "restricted",
    });
    expect(need.statusCode, need.body).toBe(201);
    restricted.need = need.json().data.id;
    const submitted = await call(t.app, manager, "POST", `/api/v1/needs/${restricted.need}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    // A commitment the Tobruk directorate owns, due in two days (the demo has none due soon on the test's day).
    const [tbk] = await t.db.select().from(agencies).where(eq(agencies.code, "TBK-SD"));
    const [commitment] = await t.db.select().from(commitments).limit(1);
    await t.db
      .update(commitments)
      .set({ ownerAgencyId: tbk!.id, dueOn: "2026-12-01", status: "open" })
      .where(eq(commitments.id, commitment!.id));
  });
  afterAll(() => t.close());

  const homeOf = async (name: string): Promise<Home> => {
    const res = await call(t.app, sessions.get(name)!, "GET", "/api/v1/home");
    expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
    return res.json().data as Home;
  };

  it("opens to every role with agency work; leadership keeps its dashboard and the administrator has none", async () => {
    const codes = await Promise.all(
      [...sessions].map(async ([name, s]) => [
        name,
        (await call(t.app, s, "GET", "/api/v1/home")).statusCode,
      ]),
    );
    expect(Object.fromEntries(codes)).toEqual({
      admin: 403,
      minister: 403,
      "director.tobruk": 200,
      "officer.tobruk": 200,
      "officer.emsaed": 200,
      "liaison.isa": 200,
      "observer.mp": 200,
      trainer: 200,
      "isa manager": 200,
    });
    const me = await call(t.app, sessions.get("officer.tobruk")!, "GET", "/api/auth/me");
    expect(me.json().data.modules[0]).toBe("home");
    const minister = await call(t.app, sessions.get("minister")!, "GET", "/api/auth/me");
    expect(minister.json().data.modules).not.toContain("home");
  });

  it("counts in each group what the list it links to totals, and lists its first records", async () => {
    const report: string[] = [];
    for (const name of [...READERS, "isa manager"]) {
      const session = sessions.get(name)!;
      const home = await homeOf(name);
      for (const g of home.groups) {
        const query = new URLSearchParams({ ...g.link.query, pageSize: "100" });
        const list = await call(t.app, session, "GET", `/api/v1/${g.link.list}?${query}`);
        expect(list.statusCode, `${name} ${g.kind}`).toBe(200);
        const body = list.json() as {
          data: { id: string; abilities?: Record<string, boolean>; can?: Record<string, boolean> }[];
          page: { total: number };
        };
        expect(body.page.total, `${name} ${g.kind} ${g.link.list}?${query}`).toBe(g.count);
        expect(g.count).toBeGreaterThan(0);
        expect(g.items.map((i) => i.id)).toEqual(body.data.slice(0, 5).map((r) => r.id));
        // A need or a border report waits for the reader: the step is one it may take on every record listed.
        if (g.kind === "needDecisions")
          for (const r of body.data) expect(r.abilities?.[g.step!], `${name} ${g.step}`).toBe(true);
        if (g.kind === "borderApprovals") for (const r of body.data) expect(r.can?.approve).toBe(true);
      }
      report.push(
        `${name}: ${home.groups.map((g) => `${g.kind}${g.step ? `/${g.step}` : ""}=${g.count}`).join(", ") || "nothing"}`,
      );
    }
    console.log(report.join("\n"));
  });

  it("gives staff their agency's overdue tasks and decisions, and the supervising manager the reports to approve", async () => {
    const kinds = async (name: string) => new Set((await homeOf(name)).groups.map((g) => g.kind));
    expect(await kinds("director.tobruk")).toContain("overdueTasks");
    expect(await kinds("director.tobruk")).toContain("commitmentsDueSoon");
    expect(await kinds("director.tobruk")).toContain("borderApprovals");
    expect(await kinds("officer.tobruk")).toContain("overdueTasks");
    const isa = await homeOf("isa manager");
    const endorse = isa.groups.find((g) => g.kind === "needDecisions" && g.step === "endorse");
    expect(endorse?.items.map((i) => i.id)).toContain(restricted.need);
    expect(isa.groups.find((g) => g.kind === "overdueTasks")?.items.map((i) => i.id)).toContain(
      restricted.task,
    );
  });

  it("never shows a restricted record of another agency, and an observer gets only what its lists let it read", async () => {
    // liaison.isa works for the agency that owns them: its home shows the task, as its list does.
    const ownIds = (await homeOf("liaison.isa")).groups.flatMap((g) => g.items.map((i) => i.id));
    expect(ownIds).toContain(restricted.task);
    for (const name of READERS.filter((n) => n !== "liaison.isa")) {
      const ids = (await homeOf(name)).groups.flatMap((g) => g.items.map((i) => i.id));
      expect(ids, name).not.toContain(restricted.task);
      expect(ids, name).not.toContain(restricted.need);
    }
    const observer = await homeOf("observer.mp");
    // An observer takes no step of any workflow: no need or border report waits for it (its overdue commitment does).
    expect(observer.groups.length).toBeGreaterThan(0);
    for (const g of observer.groups)
      expect(["overdueTasks", "overdueCommitments", "commitmentsDueSoon"]).toContain(g.kind);
  });
});
