import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/passwords";
import { openDatabase, queryRows, type Database } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../demo/seed-demo";
import { createTestDatabase } from "../test/database";
import { withDatabase as withDatabaseName } from "../test/global-setup";
import { buildAgency } from "../test/factories";
import { digestTables } from "./tables";

// The operations commands, run as an operator runs them (`node bin/tansiq.js …` in a child process), on the
// engine of the run: an embedded data folder, or a PostgreSQL database of its own (DATABASE_URL).

/** The reference sequences (server/db/references.ts) and how far each has counted. */
const referenceSequences = (db: Database["db"]) =>
  queryRows<{ name: string; value: string }>(
    db,
    sql`select sequencename as name, last_value::text as value from pg_sequences
        where sequencename like 'reference\_%' order by 1`,
  );

type Run = { code: number | null; stdout: string; stderr: string };

function tansiq(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/tansiq.js", ...args], {
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

/** An installation: its environment, and its database opened in this process for a moment (PGlite: one user). */
type Installation = {
  env: NodeJS.ProcessEnv;
  open<T>(work: (database: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

async function installation(): Promise<Installation> {
  const dir = mkdtempSync(path.join(tmpdir(), "tansiq-ops-"));
  const env: NodeJS.ProcessEnv = { ...process.env, TANSIQ_DATA_DIR: dir, LOG_LEVEL: "silent" };
  delete env.TANSIQ_ADMIN_PASSWORD;
  let testDatabase: Database | undefined;
  if (process.env.DATABASE_URL) {
    testDatabase = await createTestDatabase();
    env.DATABASE_URL = testDatabase.pool!.options.connectionString!;
  } else {
    delete env.DATABASE_URL;
  }
  const options = env.DATABASE_URL
    ? ({ engine: "postgres", url: env.DATABASE_URL, poolSize: 2 } as const)
    : ({ engine: "pglite", dataDir: dir } as const);
  return {
    env,
    async open(work) {
      const database = await openDatabase(options);
      try {
        await migrateDatabase(database);
        return await work(database);
      } finally {
        await database.close();
      }
    },
    async close() {
      await testDatabase?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe("tansiq create-admin", () => {
  let site: Installation;
  beforeAll(async () => {
    site = await installation();
  });
  afterAll(() => site.close());

  it(
    "refuses a weak password and writes nothing; creates an audited admin (and its agency) on an empty database; refuses a taken name",
    { timeout: 180_000 },
    async () => {
      const weak = await tansiq(["create-admin", "root"], site.env, "short\n");
      expect(weak.code).toBe(1);
      expect(weak.stderr).toMatch(/too weak: it needs 10 to 256 characters/);
      const guessable = await tansiq(["create-admin", "root"], site.env, "aaaaaaaaaa\n");
      expect(guessable.code).toBe(1);
      expect(guessable.stderr).toMatch(/too easy to guess/);

      const created = await tansiq(["create-admin", "root"], site.env, "a-Strong-Pass-1\n");
      expect(created.stderr).toMatch(/Created the admin root and its agency/);
      expect(created.code).toBe(0);

      const again = await tansiq(["create-admin", "root"], {
        ...site.env,
        TANSIQ_ADMIN_PASSWORD: "another-Strong-Pass-2",
      });
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/"root" is already taken/);

      await site.open(async ({ db }) => {
        const users = await queryRows<{ username: string; role: string; hash: string; agency: string }>(
          db,
          sql`select u.username, u.role, u.password_hash as hash, a.code as agency
            from users u join agencies a on a.id = u.agency_id`,
        );
        expect(users.map(({ hash: _, ...u }) => u)).toEqual([
          { username: "root", role: "admin", agency: "ADMIN" },
        ]);
        expect(await verifyPassword(users[0]!.hash, "a-Strong-Pass-1")).toBe(true);
        const events = await queryRows<{ action: string; actor: string }>(
          db,
          sql`select action, actor_label as actor from audit_events order by seq`,
        );
        expect(events).toEqual([
          { action: "agency.create", actor: "create-admin" },
          { action: "user.create", actor: "create-admin" },
        ]);
      });
      const verify = await tansiq(["audit", "verify"], site.env);
      expect(verify.stdout).toMatch(/Audit chain intact: 2 events/);
    },
  );
});

describe("tansiq backup and restore", () => {
  let site: Installation;
  beforeAll(async () => {
    site = await installation();
    await site.open(({ db }) => seedDemo(db, new Date("2026-11-20T08:00:00Z"), "Tobruk-Demo-2026", "recent"));
  }, 300_000);
  afterAll(() => site.close());

  it(
    "round trip: every table as it was at the backup, the chain verifying",
    { timeout: 300_000 },
    async () => {
      const file = path.join(site.env.TANSIQ_DATA_DIR!, "backup.tansiq");
      const before = await site.open(({ db }) => digestTables(db));
      expect(Object.keys(before).length).toBeGreaterThan(40);
      expect(before.audit_events!.rows).toBeGreaterThan(100);

      const saved = await tansiq(["backup", file], site.env);
      expect(saved.stderr).toMatch(/Backup written: /);
      expect(saved.code).toBe(0);

      // Changes after the backup: a restore takes them back
      await site.open(({ db }) => buildAgency(db));
      expect(await site.open(({ db }) => digestTables(db))).not.toEqual(before);

      const restored = await tansiq(["restore", file], site.env);
      expect(restored.stderr).toMatch(/Restored /);
      expect(restored.code).toBe(0);
      expect(await site.open(({ db }) => digestTables(db))).toEqual(before);
      const verify = await tansiq(["audit", "verify"], site.env);
      expect(verify.stdout).toMatch(/Audit chain intact: \d+ events/);
      expect(verify.code).toBe(0);
    },
  );
});

describe.skipIf(!process.env.DATABASE_URL)(
  "tansiq migrate-to-postgres (needs a PostgreSQL server: DATABASE_URL)",
  () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tansiq-move-"));
    const server = process.env.DATABASE_URL!;
    const name = `tansiq_move_${process.pid}`;
    const target = withDatabaseName(server ?? "postgres://x/x", name);
    const env: NodeJS.ProcessEnv = { ...process.env, TANSIQ_DATA_DIR: dir, LOG_LEVEL: "silent" };
    delete env.DATABASE_URL;

    async function admin(query: string) {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(query).finally(() => client.end());
    }
    async function embedded<T>(work: (database: Database) => Promise<T>): Promise<T> {
      const database = await openDatabase({ engine: "pglite", dataDir: dir });
      try {
        await migrateDatabase(database);
        return await work(database);
      } finally {
        await database.close();
      }
    }
    beforeAll(async () => {
      await embedded(({ db }) =>
        seedDemo(db, new Date("2026-11-20T08:00:00Z"), "Tobruk-Demo-2026", "recent"),
      );
      await admin(`create database ${name}`);
    }, 300_000);
    afterAll(async () => {
      await admin(`drop database if exists ${name} with (force)`);
      rmSync(dir, { recursive: true, force: true });
    });

    it(
      "moves every row of every table; the chain verifies on the server; a used database is refused",
      { timeout: 300_000 },
      async () => {
        const moved = await tansiq(["migrate-to-postgres", target], env);
        expect(moved.stderr).toMatch(/\[1\/\d+\] \w+: \d+ rows/); // progress, table by table
        expect(moved.stderr).toMatch(/every table equal; audit chain intact/);
        expect(moved.code).toBe(0);

        const source = await embedded(({ db }) => digestTables(db));
        const sourceReferences = await embedded(({ db }) => referenceSequences(db));
        expect(sourceReferences.length).toBeGreaterThan(3);
        const copy = await openDatabase({ engine: "postgres", url: target, poolSize: 1 });
        try {
          expect(await digestTables(copy.db)).toEqual(source);
          // the references go on where they stopped (sequences made on demand, not by the migrations)
          expect(await referenceSequences(copy.db)).toEqual(sourceReferences);
        } finally {
          await copy.close();
        }
        const verify = await tansiq(["audit", "verify"], { ...env, DATABASE_URL: target });
        expect(verify.stdout).toMatch(new RegExp(`Audit chain intact: ${source.audit_events!.rows} events`));

        const twice = await tansiq(["migrate-to-postgres", target], env);
        expect(twice.code).toBe(1);
        expect(twice.stderr).toMatch(/already in use/);
      },
    );
  },
);
