import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verify-chain";
import { needs } from "../features/needs/needs.table";
import { call, createTestApp, type TestApp } from "../test/app";
import { createTestDatabase } from "../test/database";
import { TEST_PASSWORD, buildAgency, buildUser, signedIn } from "../test/factories";
import { openDatabase, queryRows, type Database } from "./client";
import { migrateDatabase } from "./migrate";

// Crash safety and concurrency, on the engine of the run (PGlite, or PostgreSQL with DATABASE_URL).

type Server = { child: ChildProcess; url: string; exited: Promise<number | null> };

/** `npx tansiq serve` in a child process; resolves once it listens, rejects if it exits first. */
function serve(env: NodeJS.ProcessEnv): Promise<Server> & { child: ChildProcess } {
  const child = spawn(process.execPath, ["bin/tansiq.js", "serve"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let output = "";
  const started = new Promise<Server>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tansiq is running: (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1]!.replace("localhost", "127.0.0.1"), exited });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
  return Object.assign(started, { child });
}

async function logIn(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  const cookie = /tansiq_session=[^;]+/.exec(response.headers.get("set-cookie") ?? "");
  if (!cookie) throw new Error(`login ${response.status}`);
  return cookie[0];
}

describe("kill -9 during 500 concurrent writes, then restart", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tansiq-crash-"));
  let database: Database | undefined; // PostgreSQL: the test's database, open beside the server
  let env: NodeJS.ProcessEnv;
  let agencyId: string;
  let username: string;
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the installation's database in this process (PGlite: only while no server holds the folder). */
  async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
    if (database) return work(database);
    const local = await openDatabase({ engine: "pglite", dataDir: dir });
    try {
      await migrateDatabase(local);
      return await work(local);
    } finally {
      await local.close();
    }
  }

  beforeAll(async () => {
    env = { ...process.env, TANSIQ_DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent" };
    if (process.env.DATABASE_URL) {
      database = await createTestDatabase();
      env.DATABASE_URL = database.pool!.options.connectionString!;
    } else {
      delete env.DATABASE_URL;
    }
    await withDatabase(async ({ db }) => {
      agencyId = (await buildAgency(db)).id;
      username = (await buildUser(db, { role: "officer", agencyId })).username;
    });
  }, 300_000);

  it(
    "loses no acknowledged write; the chain verifies; the folder's stale lock is taken over",
    { timeout: 600_000 },
    async () => {
      const first = await serve(env);
      const cookie = await logIn(first.url, username);
      const acknowledged: string[] = [];
      let killed = false;
      const kill = () => {
        if (killed) return;
        killed = true;
        first.child.kill("SIGKILL");
      };
      await Promise.allSettled(
        Array.from({ length: 500 }, async (_, i) => {
          const response = await fetch(`${first.url}/api/v1/tasks`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie },
            body: JSON.stringify({ titleAr: `مهمة الانهيار ${i}`, agencyId }),
          });
          const body = (await response.json()) as { data: { id: string } };
          if (response.status !== 201) throw new Error(`status ${response.status}`);
          acknowledged.push(body.data.id);
          if (acknowledged.length >= 100) kill(); // mid-stream: hundreds still in flight
        }),
      );
      kill();
      await first.exited;
      expect(acknowledged.length).toBeGreaterThanOrEqual(100);

      const second = await serve(env); // PGlite: the dead process's lock file is taken over
      if (!process.env.DATABASE_URL) {
        // …but a live process's is not: a second server on the same folder is refused.
        const third = serve(env);
        await expect(third).rejects.toThrow(/in use by another Tansiq process/);
      }
      expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);

      await withDatabase(async ({ db }) => {
        const ids = new Set(
          (await queryRows<{ id: string }>(db, sql`select id::text as id from tasks`)).map((r) => r.id),
        );
        expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
        const events = new Set(
          (
            await queryRows<{ id: string }>(
              db,
              sql`select entity_id as id from audit_events where action = 'task.create'`,
            )
          ).map((r) => r.id),
        );
        expect([...ids].filter((id) => !events.has(id))).toEqual([]);
        expect(await verifyAuditChain(db)).toMatchObject({ ok: true, unchained: 0 });
      });
    },
  );
});

describe("concurrent writes", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 300_000);
  afterAll(() => t.close());

  it("two deliveries racing past the over-delivery check: one is refused, the need is never over-delivered", async () => {
    const agency = await buildAgency(t.db);
    const { session } = await signedIn(t.app, t.db, "officer", agency.id);
    const [need] = await t.db
      .insert(needs)
      .values({
        reference: "NED-2026-900001",
        agencyId: agency.id,
        responsibleAgencyId: agency.id,
        category: "vehicles",
        title: "Vehicles",
        unit: "vehicle",
        quantity: 10,
        status: "approved",
      })
      .returning();
    const deliver = () =>
      call(t.app, session, "POST", `/api/v1/needs/${need!.id}/deliveries`, {
        quantity: 6,
        deliveredOn: "2026-11-29",
        receivedBy: "Store",
      });
    const responses = await Promise.all([deliver(), deliver()]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.statusCode === 409)?.json().error.code).toBe("over_delivery");
    const [after] = await queryRows<{ delivered: number; deliveries: number }>(
      t.db,
      sql`select delivered_quantity::float as delivered,
            (select count(*)::int from need_deliveries where need_id = ${need!.id}) as deliveries
          from needs where id = ${need!.id}`,
    );
    expect(after).toEqual({ delivered: 6, deliveries: 1 });
  });

  it("parallel creates get distinct references", async () => {
    const agency = await buildAgency(t.db);
    const { session } = await signedIn(t.app, t.db, "officer", agency.id);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(t.app, session, "POST", "/api/v1/tasks", { titleAr: `مهمة ${i}`, agencyId: agency.id }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const references = responses.map((r) => (r.json() as { data: { reference: string } }).data.reference);
    expect(new Set(references).size).toBe(20);
  });
});
