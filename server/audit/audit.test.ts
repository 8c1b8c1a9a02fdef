import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromPglite, queryRows, type Db } from "../db/client";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../db/migrate";
import { call, createTestApp, TEST_NOW, type TestApp } from "../test/app";
import { buildUser, signedIn } from "../test/factories";
import { seedDemo } from "../demo/seed-demo";
import { auditKey } from "./audit-key";
import { GENESIS_HASH, canonicalJson, eventHash, type ChainedContent } from "./canonical";
import { auditChainHead, chainAuditEvents } from "./chain-events";
import { recordEvent } from "./record-event";
import { verifyAuditChain } from "./verify-chain";

/** What someone who owns the database (and may switch its triggers off) can do; the app never does it. */
async function asOwner(db: Db, ...statements: SQL[]) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger user`);
    for (const statement of statements) await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger user`);
  });
}

const ctx = { actor: null, now: new Date(TEST_NOW), actorLabel: "test" };

describe("audit log", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), "demo-password-1", "recent");
  });
  afterAll(() => t.close());

  it("verifies on the demo data, and records who changed what with before and after", async () => {
    const { user, session } = await signedIn(t.app, t.db, "admin");
    const list = await call(t.app, session, "GET", "/api/v1/agencies?q=MOI");
    const moi = list.json().data[0];
    await call(t.app, session, "PATCH", `/api/v1/agencies/${moi.id}`, { nameEn: "Ministry of the Interior" });
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: true, unchained: 0 });
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

  it("is append-only in the database: UPDATE, DELETE and TRUNCATE are refused, linking happens once", async () => {
    await chainAuditEvents(t.db);
    const refused = { cause: expect.objectContaining({ code: "42501" }) as unknown };
    await expect(
      t.db.execute(sql`update audit_events set actor_label = 'x' where seq = 2`),
    ).rejects.toMatchObject(refused);
    await expect(t.db.execute(sql`delete from audit_events where seq = 2`)).rejects.toMatchObject(refused);
    await expect(t.db.execute(sql`truncate audit_events`)).rejects.toMatchObject(refused);
    // A linked event's place cannot be changed either; an unlinked one's content cannot be changed by linking it.
    await expect(t.db.execute(sql`update audit_events set link = link where seq = 2`)).rejects.toMatchObject(
      refused,
    );
    await t.db.transaction((tx) => recordEvent(tx, ctx, "test.append", "tests", null, null, { n: 1 }));
    await expect(
      t.db.execute(
        sql`update audit_events set position = 1e9, link = 'x', actor_label = 'y' where position is null`,
      ),
    ).rejects.toMatchObject(refused);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, unchained: 0 });
  });

  it("names the first event that was altered, removed, reordered or re-hashed without the key", async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    const [original] = await queryRows<{ after: string }>(
      t.db,
      sql`select after::text as after from audit_events where seq = 3`,
    );
    await asOwner(
      t.db,
      sql`update audit_events set after = jsonb_set(after, '{nameEn}', '"Tampered"') where seq = 3`,
    );
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, seq: 3, reason: "altered" });
    await asOwner(t.db, sql`update audit_events set after = ${original?.after}::jsonb where seq = 3`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });

    await asOwner(t.db, sql`update audit_events set actor_label = 'someone-else' where seq = 5`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, seq: 5, reason: "altered" });
    await asOwner(t.db, sql`update audit_events set actor_label = 'seed-demo' where seq = 5`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });

    // Swapping two events' places breaks the link at the first of them.
    const swap = (a: number, b: number) => [
      sql`update audit_events set position = -1 where position = ${a}`,
      sql`update audit_events set position = ${a} where position = ${b}`,
      sql`update audit_events set position = ${b} where position = -1`,
    ];
    await asOwner(t.db, ...swap(8, 9));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, position: 8, reason: "broken_link" });
    await asOwner(t.db, ...swap(8, 9));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });

    await asOwner(t.db, sql`delete from audit_events where position = 7`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, position: 7, reason: "missing" });

    // Rewriting an event and its hash the way the old unkeyed chain allowed: without the key the HMAC fails.
    const [row] = await queryRows<{ seq: number; prev_hash: string; at: string }>(
      t.db,
      sql`select seq::int as seq, prev_hash, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
          from audit_events where position = 6`,
    );
    const forged: ChainedContent = {
      seq: row!.seq,
      at: row!.at,
      actorId: null,
      actorLabel: "someone-else",
      action: "agency.create",
      entity: "agencies",
      entityId: null,
      before: null,
      after: null,
    };
    const forgedHash = eventHash(row!.prev_hash, forged);
    await asOwner(
      t.db,
      sql`update audit_events set actor_id = null, actor_label = 'someone-else', entity_id = null, before = null,
          after = null, hash = ${forgedHash} where position = 6`,
    );
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, position: 6, reason: "altered" });
    // …nor can a keyed event be passed off as one written before the chain was keyed.
    await asOwner(t.db, sql`update audit_events set keyed = false, link = ${forgedHash} where position = 6`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, position: 6, reason: "unkeyed" });
  });
});

describe("audit chain: writers do not wait for each other (PostgreSQL)", () => {
  it.runIf(process.env.DATABASE_URL)(
    "an event and a failed sign-in commit while another writer's transaction is still open; all are chained",
    async () => {
      const t = await createTestApp();
      try {
        const user = await buildUser(t.db, { role: "officer" });
        let release = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        let recorded = () => {};
        const first = new Promise<void>((resolve) => (recorded = resolve));
        const slow = t.db.transaction(async (tx) => {
          await recordEvent(tx, ctx, "test.slow", "tests", null, null, { slow: true });
          recorded();
          await held;
        });
        await first;
        const tooLong = (ms: number) =>
          new Promise((resolve) => setTimeout(() => resolve("waited"), ms).unref());
        const fast = t.db.transaction((tx) =>
          recordEvent(tx, ctx, "test.fast", "tests", null, null, { fast: 1 }),
        );
        expect(await Promise.race([fast.then(() => "committed"), tooLong(5000)])).toBe("committed");
        const failedLogin = t.app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username: user.username, password: "not-the-password" },
        });
        expect(await Promise.race([failedLogin.then((r) => r.statusCode), tooLong(5000)])).toBe(401);
        // The chainer links what is committed; the open transaction's event follows once it commits.
        expect(await chainAuditEvents(t.db)).toBeGreaterThan(0);
        release();
        await slow;
        const report = await verifyAuditChain(t.db);
        expect(report).toMatchObject({ ok: true, unchained: 0 });
        const order = await queryRows<{ action: string }>(
          t.db,
          sql`select action from audit_events where action like 'test.%' or action like 'auth.%'
              order by position`,
        );
        expect(order.map((r) => r.action)).toEqual(["test.fast", "auth.login_failed", "test.slow"]);
      } finally {
        await t.close();
      }
    },
  );
});

describe("audit chain written before it was keyed (migration 0003)", () => {
  it(
    "keeps verifying the old SHA-256 events and continues them with keyed ones",
    { timeout: 400_000 },
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "tansiq-migrations-"));
      const client = await PGlite.create({ extensions: { pg_trgm } });
      try {
        // The schema as it was before the chain was keyed: the migrations before 0003_integrity_audit_chain.
        cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
        const journalFile = path.join(dir, "meta", "_journal.json");
        const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
        journal.entries = journal.entries.slice(
          0,
          journal.entries.findIndex((e) => e.tag.endsWith("_integrity_audit_chain")),
        );
        writeFileSync(journalFile, JSON.stringify(journal));
        const old = drizzle({ client });
        await old.execute(sql`create extension if not exists pg_trgm`);
        await migrate(old, { migrationsFolder: dir });
        let prev = GENESIS_HASH;
        for (let seq = 1; seq <= 3; seq++) {
          const content: ChainedContent = {
            seq,
            at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
            actorId: null,
            actorLabel: "old",
            action: "old.event",
            entity: "tests",
            entityId: String(seq),
            before: null,
            after: { seq },
          };
          const hash = eventHash(prev, content);
          await old.execute(sql`insert into audit_events (seq, at, actor_label, action, entity, entity_id, after,
          prev_hash, hash) values (${seq}, ${content.at}, 'old', 'old.event', 'tests', ${String(seq)},
          ${canonicalJson(content.after)}::jsonb, ${prev}, ${hash})`);
          prev = hash;
        }
        const database = fromPglite(client);
        await migrateDatabase(database);
        await database.db.transaction((tx) => recordEvent(tx, ctx, "new.event", "tests", null, null, null));
        const report = await verifyAuditChain(database.db);
        expect(report).toMatchObject({ ok: true, count: 4 });
        expect(await auditChainHead(database.db)).toMatchObject({ position: 4, seq: 4 });
        await asOwner(database.db, sql`update audit_events set entity_id = '9' where seq = 2`);
        expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, seq: 2, reason: "altered" });
        expect(auditKey().length).toBeGreaterThanOrEqual(32);
      } finally {
        await client.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe("npx tansiq audit verify and audit anchor", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tansiq-audit-"));
  const env = { ...process.env, TANSIQ_DATA_DIR: dir, LOG_LEVEL: "silent" };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    "exits 0 on the seeded demo data; 1 naming the event after one is changed; an anchor catches a cut end",
    { timeout: 600_000 },
    async () => {
      const anchorFile = path.join(dir, "anchor.json");
      let url: string | undefined;
      let close = async () => {};
      let db: Db;
      if (process.env.DATABASE_URL) {
        // On PostgreSQL the commands run against their own fresh database, altered directly with SQL.
        const { createTestDatabase } = await import("../test/database");
        const database = await createTestDatabase();
        await seedDemo(database.db, new Date(), "demo-password-1", "recent");
        url = database.pool!.options.connectionString!;
        db = database.db;
        close = () => database.close();
      } else {
        const seeded = spawnSync(process.execPath, ["bin/tansiq.js", "seed-demo", "--recent"], {
          env,
          encoding: "utf8",
        });
        expect(seeded.status, seeded.stderr).toBe(0);
      }
      const tansiq = (...args: string[]) =>
        spawnSync(process.execPath, ["bin/tansiq.js", ...args], {
          env: url ? { ...env, DATABASE_URL: url } : env,
          encoding: "utf8",
          timeout: 200_000,
        });
      /** PGlite's folder is one process's at a time: open it only between commands. */
      const withDb = async (work: (db: Db) => Promise<unknown>) => {
        if (url) return work(db);
        const { openDatabase } = await import("../db/client");
        const database = await openDatabase({ engine: "pglite", dataDir: dir });
        try {
          await work(database.db);
        } finally {
          await database.close();
        }
      };
      try {
        const anchored = tansiq("audit", "anchor", anchorFile);
        expect(anchored.status, anchored.stderr).toBe(0);
        const anchor = JSON.parse(readFileSync(anchorFile, "utf8")) as { position: number; link: string };
        expect(anchor.link).toMatch(/^[0-9a-f]{64}$/);
        const ok = tansiq("audit", "verify", "--anchor", anchorFile);
        expect(ok.status, ok.stderr).toBe(0);
        expect(ok.stdout).toMatch(
          /Audit chain intact: \d+ events; the anchored head \(position \d+\) is in it/,
        );

        // The newest events cut off by someone who owns the database: the chain alone is still valid…
        await withDb((db) =>
          asOwner(db, sql`delete from audit_events where position >= ${anchor.position - 1}`),
        );
        const shorter = tansiq("audit", "verify");
        expect(shorter.status, shorter.stderr).toBe(0);
        // …the anchor is not.
        const cut = tansiq("audit", "verify", "--anchor", anchorFile);
        expect(cut.status).toBe(1);
        expect(cut.stderr).toContain("anchor_missing");

        await withDb((db) => asOwner(db, sql`update audit_events set entity_id = null where seq = 4`));
        const broken = tansiq("audit", "verify");
        expect(broken.status).toBe(1);
        expect(broken.stderr).toContain("(event #4): altered");
      } finally {
        await close();
      }
    },
  );
});
