import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../audit/audit.table";
import { seedDemo } from "../../demo/seed-demo";
import { call, createTestApp, login, type Session, type TestApp } from "../../test/app";
import { bodyText, header, startSmtp, type Received } from "../../test/smtp";
import { users } from "../users";
import { sendWeeklyReports } from "./report-subscriptions";
import { reportSubscriptions } from "./reports.table";

// Issue 13, item 5: leadership schedules the weekly report by e-mail (the outbox, a real SMTP server): each whole
// week once, the reader's own figures, a link to the report in the app.

const PASSWORD = "demo-password-1";
const DAY = 86_400_000;
const PATH = "/api/v1/reports/weekly/subscription";

describe("the weekly report by e-mail", () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let inbox: Received[] = [];
  const sessions = new Map<string, Session>();

  beforeAll(async () => {
    smtp = await startSmtp();
    inbox = smtp.inbox;
    t = await createTestApp({
      config: {
        demoMode: true,
        smtpUrl: smtp.url,
        publicUrl: "https://tansiq.example.ly",
      },
    });
    await seedDemo(t.db, t.clock.now(), PASSWORD, "recent");
    for (const u of ["minister", "director.tobruk", "officer.emsaed"]) {
      sessions.set(u, await login(t.app, u, PASSWORD));
      await t.db
        .update(users)
        .set({ email: `${u}@interior.example.ly` })
        .where(eq(users.username, u));
    }
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it("is for those who read the report; subscribing and leaving are audited, a bad district names the field", async () => {
    const officer = await call(t.app, sessions.get("officer.emsaed")!, "PUT", PATH, { district: null });
    expect(officer.statusCode).toBe(403);
    expect(await t.db.select().from(reportSubscriptions)).toHaveLength(0);
    const bad = await call(t.app, sessions.get("minister")!, "PUT", PATH, { district: "LY9999" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe("district");

    const minister = await call(t.app, sessions.get("minister")!, "PUT", PATH, { district: null });
    expect(minister.json().data).toEqual({ subscribed: true, district: null, lastSentWeek: "2026-W47" });
    const director = sessions.get("director.tobruk")!;
    await call(t.app, director, "PUT", PATH, { district: "LY0101" });
    expect((await call(t.app, director, "PUT", PATH, { district: "LY0104" })).json().data.district).toBe(
      "LY0104",
    );
    expect((await call(t.app, director, "GET", PATH)).json().data).toMatchObject({
      subscribed: true,
      district: "LY0104",
    });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entity, "report_subscriptions"));
    expect(events.map((e) => e.action).sort()).toEqual([
      "report.subscribe",
      "report.subscribe",
      "report.update",
    ]);
  });

  it("sends each reader their own report once a week, through the outbox, with a link to it", async () => {
    // Nothing is due before the next week ends: the week that ended before subscribing counts as sent.
    expect(await sendWeeklyReports(t.db, t.app.config, t.clock.now())).toBe(0);
    // As if subscribed a week earlier: week 47 (16–22 November, the demo's incidents) is due.
    await t.db.update(reportSubscriptions).set({ lastSentWeek: "2026-W46" });
    const weekly = async (u: string, query: string) =>
      (await call(t.app, sessions.get(u)!, "GET", `/api/v1/reports/weekly?week=2026-W47${query}`)).json()
        .data;
    const minister = await weekly("minister", "");
    const director = await weekly("director.tobruk", "&district=LY0104");
    expect(minister.incidents.value).toBeGreaterThan(director.incidents.value);
    expect(await sendWeeklyReports(t.db, t.app.config, t.clock.now())).toBe(2);
    expect(await sendWeeklyReports(t.db, t.app.config, t.clock.now())).toBe(0); // once
    await t.app.mailer!.drain();
    const to = (u: string) => inbox.filter((m) => m.to.includes(`${u}@interior.example.ly`));
    expect(to("minister")).toHaveLength(1);
    expect(to("director.tobruk")).toHaveLength(1);
    const m = to("minister")[0]!;
    expect(header(m.raw, "Subject")).toBe("تنسيق: التقرير الأمني الأسبوعي 2026-W47 — كل المناطق");
    expect(bodyText(m.raw)).toContain(
      `الوقائع: ${minister.incidents.value} (الأسبوع السابق ${minister.incidents.previousWeek})`,
    );
    expect(bodyText(m.raw)).toContain("https://tansiq.example.ly/dashboard?week=2026-W47");
    const d = to("director.tobruk")[0]!;
    expect(header(d.raw, "Subject")).toContain("طبرق");
    expect(bodyText(d.raw)).toContain(`الوقائع: ${director.incidents.value} `);
    expect(bodyText(d.raw)).toContain("https://tansiq.example.ly/dashboard?week=2026-W47&district=LY0104");
    const sends = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "report.send"));
    expect(sends.map((e) => e.actorLabel)).toEqual(["weekly-report", "weekly-report"]);

    // Unsubscribed: nothing the next week.
    expect(
      (await call(t.app, sessions.get("director.tobruk")!, "PUT", PATH, { subscribed: false })).json().data
        .subscribed,
    ).toBe(false);
    t.clock.advance(7 * DAY);
    expect(await sendWeeklyReports(t.db, t.app.config, t.clock.now())).toBe(1);
  });
});
