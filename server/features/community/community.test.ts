import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeTrackingCode, trackingCodeFrom } from "../../../common/community/tracking-code";
import { buildApp } from "../../app";
import { auditEvents } from "../../audit/audit.table";
import { queryRows } from "../../db/client";
import { notifications } from "../../notifications";
import { call, createTestApp, type TestApp } from "../../test/app";
import { auditCount, buildAgency, signedIn } from "../../test/factories";
import { publicReportBody } from "../../test/community-factories";
import { incidents, incidentTypes } from "../incidents";
import { forgetClientAddresses } from "./client-guard";
import { communityMessages, communityReports } from "./community.table";
import { hashTrackingCode } from "./submit-report";

const XSS = [
  `<script>alert("x")</script>`,
  `<img src=x onerror=alert(1)>`,
  `"><svg onload=alert(1)>`,
  `javascript:alert(document.cookie)`,
  `<iframe srcdoc="<script>alert(1)</script>">`,
  `{{constructor.constructor('alert(1)')()}}`,
  `</textarea><script>alert(1)</script>`,
  `<a href="javascript:alert(1)">انقر هنا</a> بلاغ`,
];

describe("community reports: public side and inbox", () => {
  let t: TestApp;
  let directorate: Awaited<ReturnType<typeof buildAgency>>;
  let director: Awaited<ReturnType<typeof signedIn>>;
  let address = 0;
  /** A fresh client address per test, so per-address limits of one test do not spill into another. */
  const nextAddress = () => `203.0.113.${++address}`;

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    directorate = await buildAgency(t.db, { kind: "directorate" });
    await t.db.execute(sql`update agencies set district_pcode = 'LY0104' where id = ${directorate.id}`);
    director = await signedIn(t.app, t.db, "manager", directorate.id);
  });
  afterAll(() => t.close());

  const submit = async (overrides: Record<string, unknown> = {}, remoteAddress = nextAddress()) =>
    t.app.inject({
      method: "POST",
      url: "/api/public/community/reports",
      remoteAddress,
      payload: await publicReportBody(t.app, overrides, remoteAddress),
    });
  const track = (code: string, remoteAddress = nextAddress()) =>
    t.app.inject({ method: "POST", url: "/api/public/community/track", remoteAddress, payload: { code } });

  it("takes a report signed out: a grouped 80-bit code shown once, only its hash kept, pin rounded, no cookie; the district's directorate is notified", async () => {
    const r = await submit({ latitude: 32.07654, longitude: 23.95432, contact: "resident@example.ly" });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.headers["set-cookie"]).toBeUndefined();
    expect(r.headers["cache-control"]).toBe("no-store");
    const code: string = r.json().data.code;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const [row] = await t.db
      .select()
      .from(communityReports)
      .where(eq(communityReports.codeHash, hashTrackingCode(normalizeTrackingCode(code)!)));
    expect(row).toMatchObject({
      latitude: 32.08,
      longitude: 23.95,
      receivingAgencyId: directorate.id,
      status: "new",
      contact: "resident@example.ly",
    });
    const stored = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from community_reports where row_to_json(community_reports)::text like ${`%${normalizeTrackingCode(code)}%`}`,
    );
    expect(stored).toEqual([{ n: 0 }]);
    const notified = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, director.user.id), eq(notifications.entityId, row!.id)));
    expect(notified.map((n) => n.kind)).toEqual(["community_report_new"]);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, row!.id));
    expect(event?.action).toBe("community_report.submit");
    expect(JSON.stringify(event)).not.toContain("resident@example.ly");
  });

  it("refuses a challenge used twice, a nonce without the work, a forged challenge, and a filled honeypot stores nothing", async () => {
    const addr = nextAddress();
    const body = await publicReportBody(t.app, {}, addr);
    const post = (payload: Record<string, unknown>) =>
      t.app.inject({ method: "POST", url: "/api/public/community/reports", remoteAddress: addr, payload });
    expect((await post(body)).statusCode).toBe(201);
    const again = await post(body);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields[0].field).toBe("challenge");
    const fresh = await publicReportBody(t.app, {}, addr);
    expect((await post({ ...fresh, nonce: "zz-no-work" })).statusCode).toBe(400);
    const forged = String(fresh.challenge).replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await post({ ...fresh, challenge: forged })).statusCode).toBe(400);
    const before = await t.db.$count(communityReports);
    const audits = await auditCount(t.db);
    const bot = await post({ ...(await publicReportBody(t.app, {}, addr)), website: "http://spam.example" });
    expect(bot.statusCode).toBe(201);
    expect(await t.db.$count(communityReports)).toBe(before);
    expect(await auditCount(t.db)).toBe(audits);
  });

  it("stores XSS payloads as text and returns them unchanged as JSON text on /track and in the inbox", async () => {
    for (const payload of XSS) {
      const r = await submit({ text: `بلاغ: ${payload}`, category: "threat" });
      expect(r.statusCode, r.body).toBe(201);
      const [row] = await t.db
        .select()
        .from(communityReports)
        .where(eq(communityReports.text, `بلاغ: ${payload}`));
      expect(row, payload).toBeDefined();
      const inbox = await call(t.app, director.session, "GET", `/api/v1/community-reports/${row!.id}`);
      expect(inbox.headers["content-type"]).toMatch(/^application\/json/);
      expect(inbox.json().data.text).toBe(`بلاغ: ${payload}`);
      const reply = await call(
        t.app,
        director.session,
        "POST",
        `/api/v1/community-reports/${row!.id}/reply`,
        {
          text: payload,
        },
      );
      expect(reply.statusCode, reply.body).toBe(200);
      const seen = await track(r.json().data.code);
      expect(seen.headers["content-type"]).toMatch(/^application\/json/);
      expect(seen.json().data.replies.map((x: { text: string }) => x.text)).toEqual([payload]);
    }
  });

  it("finds nothing for 10,000 wrong codes and rate-limits the guesser", async () => {
    const codes = Array.from({ length: 10_000 }, () => trackingCodeFrom(randomBytes(10)));
    const hits = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from community_reports where code_hash in (select jsonb_array_elements_text(${JSON.stringify(codes.map(hashTrackingCode))}::jsonb))`,
    );
    expect(hits).toEqual([{ n: 0 }]);
    t.clock.advance(60_000);
    const guesser = "192.0.2.200";
    const statuses = new Map<number, number>();
    // 25 guesses at a time, as a guesser with parallel connections would send them: the limit holds under
    // concurrency too (and the test takes a fraction of the time of one-by-one requests on PostgreSQL)
    for (let i = 0; i < codes.length; i += 25) {
      const replies = await Promise.all(codes.slice(i, i + 25).map((code) => track(code, guesser)));
      for (const r of replies) statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
    }
    // One minute of clock: 20 look-ups answer "not found", every other one is refused; none finds a report.
    expect(Object.fromEntries(statuses)).toEqual({ 404: 20, 429: 9_980 });
  }, 600_000);

  it("holds the per-address limit across two server instances on one database", async () => {
    t.clock.advance(3600_000);
    const other = await buildApp({ config: t.config, database: t.database, clock: t.clock });
    await other.ready();
    try {
      const addr = "192.0.2.77";
      const statuses: number[] = [];
      for (let i = 0; i < 14; i++) {
        const app = i % 2 === 0 ? t.app : other;
        const payload = await publicReportBody(
          app,
          { text: `بلاغ رقم ${i} عن تهريب وقود ${Math.random()}` },
          addr,
        );
        statuses.push(
          (
            await app.inject({
              method: "POST",
              url: "/api/public/community/reports",
              remoteAddress: addr,
              payload,
            })
          ).statusCode,
        );
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(10);
      expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
    } finally {
      await other.close();
    }
  }, 120_000);

  it("refuses a 1 MB description with 413 and a 5,000-character one with 400 naming the field; nothing stored", async () => {
    const before = await t.db.$count(communityReports);
    const audits = await auditCount(t.db);
    const huge = await submit({ text: "ب".repeat(1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe("payload_too_large");
    const long = await submit({ text: "ب".repeat(5000) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields.map((f: { field: string }) => f.field)).toEqual(["text"]);
    expect(await t.db.$count(communityReports)).toBe(before);
    expect(await auditCount(t.db)).toBe(audits);
  });

  it("links a report with nearly the same words in the same district as similar", async () => {
    const words = "مجموعة مسلحة تقيم حاجزاً على طريق امساعد عند الكيلو ثلاثين وتطلب أموالاً من السائقين";
    const first = await submit({ text: words, category: "weapons" });
    const second = await submit({ text: `${words}!`, category: "weapons" });
    const rows = await t.db
      .select()
      .from(communityReports)
      .where(sql`text like ${"مجموعة مسلحة تقيم%"}`);
    const [a, b] = rows.sort(
      (x, y) => x.createdAt.getTime() - y.createdAt.getTime() || x.id.localeCompare(y.id),
    );
    expect(first.statusCode + second.statusCode).toBe(402);
    expect(b!.similarToId).toBe(a!.id);
  });

  it("triages: assign, reply, note, convert to an incident linked both ways; the contact only for the assigned agency; /track shows replies only", async () => {
    // Earlier tests moved the clock past the director's idle limit: sign in again.
    director = await signedIn(t.app, t.db, "manager", directorate.id);
    const unit = await buildAgency(t.db);
    const unitManager = await signedIn(t.app, t.db, "manager", unit.id);
    const r = await submit({ contact: "0912345678", text: "تهريب مهاجرين من شاطئ قريب كل ليلة جمعة" });
    const code = r.json().data.code as string;
    const [row] = await t.db
      .select()
      .from(communityReports)
      .where(eq(communityReports.contact, "0912345678"));
    const url = `/api/v1/community-reports/${row!.id}`;
    const seenByDirector = (await call(t.app, director.session, "GET", url)).json().data;
    expect(seenByDirector).toMatchObject({
      contact: null,
      hasContact: true,
      can: { assign: true, convert: false },
    });
    expect((await call(t.app, unitManager.session, "GET", url)).statusCode).toBe(404);
    const assigned = await call(t.app, director.session, "POST", `${url}/assign`, { agencyId: unit.id });
    expect(assigned.json().data).toMatchObject({
      status: "assigned",
      assignedAgencyId: unit.id,
      contact: null,
    });
    expect((await call(t.app, unitManager.session, "GET", url)).json().data.contact).toBe("0912345678");
    await call(t.app, director.session, "POST", `${url}/reply`, {
      text: "شكراً، أحلنا البلاغ إلى الجهة المختصة",
    });
    await call(t.app, unitManager.session, "POST", `${url}/note`, {
      text: "ملاحظة داخلية: دورية ليلة الجمعة",
    });
    const [type] = await t.db.select().from(incidentTypes).limit(1);
    const converted = await call(t.app, unitManager.session, "POST", `${url}/convert`, { typeId: type!.id });
    expect(converted.statusCode, converted.body).toBe(200);
    const data = converted.json().data;
    expect(data).toMatchObject({ status: "converted", incidentReference: expect.stringMatching(/^INC-/) });
    expect(data.messages.map((m: { kind: string }) => m.kind)).toEqual(["reply", "note"]);
    const [incident] = await t.db.select().from(incidents).where(eq(incidents.id, data.incidentId));
    expect(incident).toMatchObject({
      source: "community",
      sourceId: row!.reference,
      sourceUrl: `/community/${row!.id}`,
      narrative: "تهريب مهاجرين من شاطئ قريب كل ليلة جمعة",
      agencyId: unit.id,
      sensitivity: "restricted",
    });
    const seen = (await track(code.toLowerCase().replace(/-/g, " "))).json().data;
    expect(seen).toMatchObject({ status: "converted", category: "drugs" });
    expect(seen.replies.map((x: { text: string }) => x.text)).toEqual([
      "شكراً، أحلنا البلاغ إلى الجهة المختصة",
    ]);
    expect(JSON.stringify(seen)).not.toContain("ملاحظة داخلية");
    const actions = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, row!.id));
    expect(actions.map((a) => a.action)).toEqual([
      "community_report.submit",
      "community_report.assign",
      "community_report.reply",
      "community_report.note",
      "community_report.convert",
    ]);
    expect(await t.db.$count(communityMessages, eq(communityMessages.reportId, row!.id))).toBe(2);
  });

  it("keeps no client address in any table after the window", async () => {
    const addr = "198.18.42.199";
    expect((await submit({ text: "بلاغ للتحقق من عدم بقاء العنوان" }, addr)).statusCode).toBe(201);
    await track("0000-0000-0000-0000", addr);
    const holding = async (needle: string) => {
      const tables = await queryRows<{ table_name: string }>(
        t.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      );
      const found: string[] = [];
      for (const { table_name } of tables) {
        const [row] = await queryRows<{ n: number }>(
          t.db,
          sql`select count(*)::int as n from ${sql.identifier(table_name)} x where row_to_json(x)::text like ${`%${needle}%`}`,
        );
        if ((row?.n ?? 0) > 0) found.push(table_name);
      }
      return { tables: tables.length, found };
    };
    // The address itself is never stored; its counters are keyed by an HMAC under the window's salt.
    const during = await holding(addr);
    expect(during.tables).toBeGreaterThan(40);
    expect(during.found).toEqual([]);
    const keys = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from rate_limit_hits where key like 'community:%'`,
    );
    expect(Number(keys[0]!.n)).toBeGreaterThan(0);
    // Past the window (and the one after it), the counters and the salts are gone: nothing leads back to it.
    t.clock.advance(3 * 3600_000);
    await forgetClientAddresses(t.db, t.clock.now());
    expect((await holding(addr)).found).toEqual([]);
    const left = await queryRows<{ hits: number; salts: number }>(
      t.db,
      sql`select (select count(*)::int from rate_limit_hits where key like 'community:%' and key not like 'community:challenge:%' and key not like '%:all') as hits, (select count(*)::int from community_salts) as salts`,
    );
    expect(left).toEqual([{ hits: 0, salts: 0 }]);
  });
});
