import { eq } from "drizzle-orm";
import { bodyText, header, startSmtp, type Received } from "../test/smtp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, call, type TestApp } from "../test/app";
import { buildAgency, buildTask, signedIn } from "../test/factories";
import { users } from "../features/users/users.table";
import { mailOutbox } from "./notifications.table";

describe("e-mail notifications through a real SMTP server", () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let inbox: Received[] = [];

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
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it("sends the assignee an Arabic e-mail with a link to the task, after commit, once", async () => {
    const lead = await buildAgency(t.db);
    const { user } = await signedIn(t.app, t.db, "officer", lead.id);
    await t.db.update(users).set({ email: "officer@tobruk.example.ly" }).where(eq(users.id, user.id));
    const { session: manager } = await signedIn(t.app, t.db, "manager", lead.id);
    const created = await call(t.app, manager, "POST", "/api/v1/tasks", {
      titleAr: "تفتيش الشاحنات في منفذ أمساعد",
      agencyId: lead.id,
      assigneeId: user.id,
    });
    expect(created.statusCode).toBe(201);
    const task = created.json().data as { id: string; reference: string };
    await t.app.mailer!.drain();
    const mail = inbox.find((m) => m.to.includes("officer@tobruk.example.ly"));
    expect(mail, JSON.stringify(inbox.map((m) => m.to))).toBeDefined();
    expect(inbox.filter((m) => m.to.includes("officer@tobruk.example.ly"))).toHaveLength(1);
    expect(header(mail!.raw, "Subject")).toBe(`تنسيق: كُلّفت بمهمة ${task.reference}`);
    expect(bodyText(mail!.raw)).toContain(`https://tansiq.example.ly/tasks/${task.id}`);
    expect(bodyText(mail!.raw)).toContain("تفتيش الشاحنات في منفذ أمساعد");
    const [row] = await t.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, "officer@tobruk.example.ly"));
    expect(row?.status).toBe("sent");
    expect(await t.app.mailer!.drain()).toBe(0); // nothing left: not sent twice
  });

  it("writes in the recipient's language, and sends nothing to a user who turned e-mail off", async () => {
    const lead = await buildAgency(t.db);
    const { user: english } = await signedIn(t.app, t.db, "officer", lead.id);
    const { user: quiet, session: quietSession } = await signedIn(t.app, t.db, "officer", lead.id);
    await t.db.update(users).set({ email: "en@example.ly", language: "en" }).where(eq(users.id, english.id));
    await t.db.update(users).set({ email: "quiet@example.ly" }).where(eq(users.id, quiet.id));
    expect(
      (await call(t.app, quietSession, "PUT", "/api/v1/notifications/settings", { emailEnabled: false }))
        .statusCode,
    ).toBe(200);
    await buildTask(t.db, { agencyId: lead.id, assigneeId: english.id });
    await buildTask(t.db, { agencyId: lead.id, assigneeId: quiet.id });
    await t.app.mailer!.drain();
    const mail = inbox.find((m) => m.to.includes("en@example.ly"));
    expect(header(mail!.raw, "Subject")).toMatch(/^Tansiq: you were assigned task TSK-2026-\d{6}$/);
    expect(inbox.some((m) => m.to.includes("quiet@example.ly"))).toBe(false);
  });
});
