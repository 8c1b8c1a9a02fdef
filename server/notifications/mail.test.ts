import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, call, type TestApp } from "../test/app";
import { buildAgency, buildTask, signedIn } from "../test/factories";
import { users } from "../features/users/users.table";
import { mailOutbox } from "./notifications.table";

type Received = { to: string[]; raw: string };

/** RFC 2047 encoded words (what nodemailer writes for a non-ASCII subject) → text. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            "latin1",
          ).toString("utf8"),
    );
}

function header(raw: string, name: string): string {
  const unfolded = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return decodeHeader(line?.slice(name.length + 1).trim() ?? "");
}

function bodyText(raw: string): string {
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join("\n\n");
  if (/content-transfer-encoding:\s*base64/i.test(raw))
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/content-transfer-encoding:\s*quoted-printable/i.test(raw))
    return Buffer.from(
      body
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      "latin1",
    ).toString("utf8");
  return body;
}

describe("e-mail notifications through a real SMTP server", () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const inbox: Received[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          inbox.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    smtp.listen(0, "127.0.0.1");
    await once(smtp.server, "listening");
    const { port } = smtp.server.address() as AddressInfo;
    t = await createTestApp({
      config: {
        demoMode: true,
        smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
        publicUrl: "https://tansiq.example.ly",
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
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
