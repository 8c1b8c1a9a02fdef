import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import { queryRows } from "../../db/client";
import { call, createTestApp, type TestApp } from "../../test/app";
import { buildAgency, signedIn } from "../../test/factories";
import { buildCertificate } from "../../test/training-factories";
import { newCertificateCode, formatCode, normalizeCode } from "./certificate-code";
import { sql } from "drizzle-orm";
import { certificates, type CertificateRow } from "./training.table";
import { verifyCertificate } from "./verify-certificate";

const FIVE_FIELDS = ["course", "dates", "name", "result", "valid"];

describe("public certificate verification (/api/public/verify/CODE)", () => {
  let t: TestApp;
  let cert: CertificateRow;
  let agencyName: string;

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    const agency = await buildAgency(t.db);
    agencyName = agency.nameAr;
    cert = await buildCertificate(t.db, { agencyId: agency.id });
  });
  afterAll(() => t.close());

  const verify = (code: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url: `/api/public/verify/${code}`, headers });

  it("shows, signed out, the five fields and nothing else; sets no cookie; is not cached", async () => {
    t.clock.advance(60_000);
    const r = await verify(formatCode(cert.code));
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(Object.keys(body)).toEqual(["data"]);
    expect(Object.keys(body.data).sort()).toEqual(FIVE_FIELDS);
    expect(Object.keys(body.data.dates).sort()).toEqual(["from", "to"]);
    expect(body.data).toEqual({
      name: "سالم الفيتوري",
      course: "دورة مكافحة التهريب عبر المنافذ",
      dates: { from: "2026-12-06", to: "2026-12-08" },
      result: "pass",
      valid: true,
    });
    for (const secret of [
      cert.id,
      cert.personId,
      cert.courseId,
      cert.agencyId,
      agencyName,
      "91",
      "ملاحظة داخلية",
      "CRS-",
    ])
      expect(r.body).not.toContain(secret);
    expect(r.headers["set-cookie"]).toBeUndefined();
    expect(r.headers["cache-control"]).toBe("no-store");
    // A signed-in reader's request sets no cookie either, and shows the same five fields.
    const { session } = await signedIn(t.app, t.db, "officer");
    const signedInRead = await verify(cert.code, { cookie: session.cookie });
    expect(signedInRead.headers["set-cookie"]).toBeUndefined();
    expect(Object.keys(signedInRead.json().data).sort()).toEqual(FIVE_FIELDS);
  });

  it("reads a code as typed: any case, no dashes, O for 0 and I or L for 1", async () => {
    t.clock.advance(60_000);
    const typed = cert.code.toLowerCase().replace(/0/g, "o").replace(/1/g, "l");
    expect(normalizeCode(typed)).toBe(cert.code);
    expect((await verify(encodeURIComponent(` ${typed} `))).statusCode).toBe(200);
  });

  it("refuses a forged code like an unknown one, and says a revoked certificate is not valid", async () => {
    t.clock.advance(60_000);
    const last = cert.code.at(-1) === "0" ? "1" : "0";
    const forged = await verify(cert.code.slice(0, -1) + last);
    const malformed = await verify("NOT-A-CODE");
    for (const r of [forged, malformed]) {
      expect(r.statusCode).toBe(404);
      expect(r.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    }
    const trainer = (await signedIn(t.app, t.db, "trainer")).session;
    const revoked = await call(t.app, trainer, "POST", `/api/v1/certificates/${cert.id}/revoke`, {
      reason: "خطأ في البيانات",
    });
    expect(revoked.json().data).toMatchObject({ valid: false, revokeReason: "خطأ في البيانات" });
    const after = (await verify(cert.code)).json();
    expect(after.data.valid).toBe(false);
    expect(JSON.stringify(after)).not.toContain("خطأ في البيانات");
  });

  it("codes carry 80 random bits, and 10,000 random codes find nothing", async () => {
    const codes = Array.from({ length: 10_000 }, () => newCertificateCode());
    expect(new Set(codes).size).toBe(10_000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    // All 10,000 against the stored codes in one query (as normalised for the look-up), and 200 of them through
    // the look-up itself.
    const normalised = codes.map((code) => normalizeCode(formatCode(code)));
    expect(normalised).toEqual(codes);
    const hits = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from ${certificates} where ${certificates.code} in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`,
    );
    expect(hits).toEqual([{ n: 0 }]);
    const looked = await Promise.all(
      codes.slice(0, 200).map((code) => verifyCertificate(t.db, code, t.clock.now(), "ar")),
    );
    expect(looked.filter((v) => v !== null)).toEqual([]);
  }, 120_000);

  it("is rate-limited per address, counted in the database that every instance shares", async () => {
    t.clock.advance(60_000);
    // A second instance of the app on the same database: the two count together.
    const other = await buildApp({ config: t.config, database: t.database, clock: t.clock });
    await other.ready();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        const app = i % 2 === 0 ? t.app : other;
        statuses.push(
          (await app.inject({ method: "GET", url: `/api/public/verify/${newCertificateCode()}` })).statusCode,
        );
      }
      expect(statuses.every((s) => s === 404)).toBe(true);
      const limited = await other.inject({ method: "GET", url: `/api/public/verify/${cert.code}` });
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe("rate_limited");
      t.clock.advance(60_000);
      expect((await t.app.inject({ method: "GET", url: `/api/public/verify/${cert.code}` })).statusCode).toBe(
        200,
      );
    } finally {
      await other.close();
    }
  });
});
