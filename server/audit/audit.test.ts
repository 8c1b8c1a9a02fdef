import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/client";
import { call, createTestApp, type TestApp } from "../test/app";
import { signedIn } from "../test/factories";
import { seedDemo } from "../demo/seed-demo";
import { verifyAuditChain } from "./verify-chain";

describe("hash-chained audit log", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), "demo-password-1");
  });
  afterAll(() => t.close());

  it("verifies on the demo data, and records who changed what with before and after", async () => {
    const { user, session } = await signedIn(t.app, t.db, "admin");
    const list = await call(t.app, session, "GET", "/api/v1/agencies?q=MOI");
    const moi = list.json().data[0];
    await call(t.app, session, "PATCH", `/api/v1/agencies/${moi.id}`, { nameEn: "Ministry of the Interior" });
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: true });
    const events = await call(t.app, session, "GET", `/api/v1/audit?entity=agencies&entityId=${moi.id}`);
    const update = events.json().data.find((e: { action: string }) => e.action === "agency.update");
    expect(update.before.nameEn).toBe("Ministry of Interior");
    expect(update.after.nameEn).toBe("Ministry of the Interior");
    expect(update.actorLabel).toMatch(/^user\d+$/);
    // The person behind the account, for the log's sentences.
    expect(update.actorName).toEqual({ ar: user.displayNameAr, en: user.displayNameEn });
  });

  it("is readable by admin and leadership only", async () => {
    for (const role of ["admin", "leadership", "manager", "officer", "observer", "trainer"] as const) {
      const { session } = await signedIn(t.app, t.db, role);
      const status = (await call(t.app, session, "GET", "/api/v1/audit?pageSize=5")).statusCode;
      expect(status, role).toBe(role === "admin" || role === "leadership" ? 200 : 403);
    }
  });

  it("names the first event that was altered, removed or reordered", async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_events`,
    );
    expect(n).toBeGreaterThan(10);

    const [original] = await queryRows<{ after: string }>(
      t.db,
      sql`select after::text as after from audit_events where seq = 3`,
    );
    await t.db.execute(
      sql`update audit_events set after = jsonb_set(after, '{nameEn}', '"Tampered"') where seq = 3`,
    );
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, seq: 3, reason: "altered" });
    await t.db.execute(sql`update audit_events set after = ${original?.after}::jsonb where seq = 3`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });

    await t.db.execute(sql`update audit_events set actor_label = 'someone-else' where seq = 5`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, seq: 5 });
    await t.db.execute(sql`update audit_events set actor_label = 'seed-demo' where seq = 5`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });

    // Swapping two events' places breaks the link at the first of them.
    await t.db.execute(sql`update audit_events set seq = -1 where seq = 8`);
    await t.db.execute(sql`update audit_events set seq = 8 where seq = 9`);
    await t.db.execute(sql`update audit_events set seq = 9 where seq = -1`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, seq: 8 });
    await t.db.execute(sql`update audit_events set seq = -1 where seq = 9`);
    await t.db.execute(sql`update audit_events set seq = 9 where seq = 8`);
    await t.db.execute(sql`update audit_events set seq = 8 where seq = -1`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });

    await t.db.execute(sql`delete from audit_events where seq = 7`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, seq: 7, reason: "missing" });
  });
});

describe("npx tansiq audit verify", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tansiq-audit-"));
  const env = { ...process.env, TANSIQ_DATA_DIR: dir, LOG_LEVEL: "silent" };
  const tansiq = (...args: string[]) =>
    spawnSync(process.execPath, ["bin/tansiq.js", ...args], { env, encoding: "utf8", timeout: 150_000 });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    "exits 0 on the seeded demo data and 1, naming the event, after a stored event is changed",
    { timeout: 400_000 },
    async () => {
      if (process.env.DATABASE_URL) {
        // On PostgreSQL the command runs against its own fresh database, altered directly with SQL.
        const { createTestDatabase } = await import("../test/database");
        const database = await createTestDatabase();
        try {
          await seedDemo(database.db, new Date(), "demo-password-1");
          const url = (database.pool as unknown as { options: { connectionString: string } }).options
            .connectionString;
          const run = (...args: string[]) =>
            spawnSync(process.execPath, ["bin/tansiq.js", ...args], {
              env: { ...env, DATABASE_URL: url },
              encoding: "utf8",
              timeout: 150_000,
            });
          const ok = run("audit", "verify");
          expect(ok.status, ok.stderr).toBe(0);
          expect(ok.stdout).toMatch(/Audit chain intact: \d+ events/);
          await database.db.execute(sql`update audit_events set entity_id = null where seq = 4`);
          const broken = run("audit", "verify");
          expect(broken.status).toBe(1);
          expect(broken.stderr).toContain("event #4");
        } finally {
          await database.close();
        }
        return;
      }
      expect(tansiq("seed-demo").status).toBe(0);
      const ok = tansiq("audit", "verify");
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/Audit chain intact: \d+ events/);
      const { openDatabase } = await import("../db/client");
      const database = await openDatabase({ engine: "pglite", dataDir: dir });
      await database.db.execute(sql`update audit_events set entity_id = null where seq = 4`);
      await database.close();
      const broken = tansiq("audit", "verify");
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain("event #4");
    },
  );
});
