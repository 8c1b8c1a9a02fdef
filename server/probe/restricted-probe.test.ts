import { eq } from "drizzle-orm";
import { recordShares } from "../authz/shares.table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../demo/seed-demo";
import { agencies } from "../features/agencies";
import { tasks } from "../features/tasks";
import { users } from "../features/users";
import { call, createTestApp, login, type Session, type TestApp } from "../test/app";
import { buildIncident } from "../test/incidents-factories";
import { buildMeeting } from "../test/meetings-factories";
import { buildNeed } from "../test/needs-factories";
import { buildTask } from "../test/factories";
import { buildCourse } from "../test/training-factories";

// A reviewer's probe: every GET route, as every demo user, against restricted records carrying unique markers.
// A marker may appear only in answers to users the model lets see the record: its agency's staff (observers
// excepted), leadership, and for courses the trainers. Slow (a few minutes): opt in with TANSIQ_PROBE=1.
const PASSWORD = "demo-password-1";
type Marked = { marker: string; id: string; agencyId: string; kind: string; sharedWith?: string };
/** The name shares are kept under, by marked kind. */
const SHARE_NAME: Record<string, string> = {
  task: "tasks",
  need: "needs",
  meeting: "meetings",
  commitment: "meetings",
  incident: "incidents",
  course: "courses",
};

describe.runIf(process.env.TANSIQ_PROBE === "1")("restricted-record probe over every GET route", () => {
  let t: TestApp;
  const marked: Marked[] = [];
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), PASSWORD);
    const demo = await t.db.select().from(users).where(eq(users.isDemo, true));
    const owners = [...new Set(demo.filter((u) => u.role === "officer").map((u) => u.agencyId))];
    const [agency] = await t.db.select().from(agencies).where(eq(agencies.id, owners[0]!));
    for (const [n, agencyId] of owners.entries()) {
      const m = (kind: string) => `PRB${n}${kind}MARK`;
      const task = await buildTask(t.db, { agencyId, sensitivity: "restricted" });
      await t.db
        .update(tasks)
        .set({ titleAr: `مهمة ${m("T")}` })
        .where(eq(tasks.id, task.id));
      // Each agency's restricted task is shared with the next agency: its staff see it, nobody else does.
      const partner = owners[(n + 1) % owners.length]!;
      await t.db.insert(recordShares).values({ entity: "tasks", entityId: task.id, agencyId: partner });
      marked.push({ marker: m("T"), id: task.id, agencyId, kind: "task", sharedWith: partner });
      const need = await buildNeed(t.db, {
        agencyId,
        responsibleAgencyId: agencyId,
        sensitivity: "restricted",
        title: `احتياج ${m("N")}`,
      });
      marked.push({ marker: m("N"), id: need.id, agencyId, kind: "need" });
      const meeting = await buildMeeting(t.db, {
        agencyId,
        sensitivity: "restricted",
        titleAr: `اجتماع ${m("M")}`,
        commitments: [{ text: `التزام ${m("C")}` }],
      });
      marked.push({ marker: m("M"), id: meeting.id, agencyId, kind: "meeting" });
      marked.push({ marker: m("C"), id: meeting.id, agencyId, kind: "commitment" });
      const incident = await buildIncident(t.db, {
        agencyId,
        sensitivity: "restricted",
        narrative: `واقعة ${m("I")}`,
      });
      marked.push({ marker: m("I"), id: incident.id, agencyId, kind: "incident" });
      const course = await buildCourse(t.db, {
        agencyId,
        sensitivity: "restricted",
        titleAr: `دورة ${m("K")}`,
      });
      marked.push({ marker: m("K"), id: course.id, agencyId, kind: "course" });
    }
    expect(agency).toBeDefined();
  }, 600_000);
  afterAll(() => t?.close());

  it("finds no marker outside the model", { timeout: 1_800_000 }, async () => {
    const demo = await t.db.select().from(users).where(eq(users.isDemo, true));
    const routes = t.app.registeredRoutes
      .filter((r) => [r.method].flat().includes("GET"))
      .map((r) => r.url)
      .filter((u) => u.startsWith("/api/v1/") && !u.includes("/live") && !u.startsWith("/api/v1/public"));
    const stats = { users: demo.length, routes: routes.length, requests: 0, ok: 0, leaks: [] as string[] };
    for (const user of demo) {
      const session: Session = await login(t.app, user.username, PASSWORD);
      const sees = (m: Marked) =>
        user.role === "leadership" ||
        (user.role !== "observer" && user.agencyId === m.agencyId) ||
        (user.role !== "observer" && m.sharedWith === user.agencyId) ||
        // The training department runs every course (coursesVisibleTo widens the rule to trainers).
        (m.kind === "course" && user.role === "trainer");
      const hidden = marked.filter((m) => !sees(m));
      for (const route of routes) {
        const params = (route.match(/:[a-zA-Z]+/g) ?? []).length;
        const urls =
          params === 0
            ? [route]
            : params === 1
              ? [...new Set(hidden.map((m) => m.id))].map((id) => route.replace(/:[a-zA-Z]+/, id))
              : route === "/api/v1/shares/:entity/:id"
                ? hidden.map((m) => `/api/v1/shares/${SHARE_NAME[m.kind]}/${m.id}`)
                : [];
        for (const url of urls) {
          const r = await call(t.app, session, "GET", url);
          stats.requests++;
          if (r.statusCode < 300) stats.ok++;
          const body = r.rawPayload.toString("latin1") + r.body;
          for (const m of hidden)
            if (body.includes(m.marker)) stats.leaks.push(`${user.username} ${url} ${m.marker}`);
        }
      }
    }
    console.log(`probe: ${JSON.stringify({ ...stats, leaks: stats.leaks.length, markers: marked.length })}`);
    expect(stats.leaks).toEqual([]);
  });
});
