import { readdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows, type Database } from "./db/client";
import { MIGRATIONS_FOLDER } from "./db/migrate";
import { withDatabase } from "./test/global-setup";
import { TEST_PASSWORD, buildAgency, buildTask, buildUser } from "./test/factories";
import { serveProcess, type ServerProcess } from "./test/serve";
import { openSse } from "./test/sse";

// Two `tansiq serve` processes on one PostgreSQL database behave as one system: started together on a fresh
// database, sharing sessions, the sign-in rate limit, live events, and raising each due alert once.

const server = process.env.DATABASE_URL;
const MAX_PER_ADDRESS = 4;

describe.skipIf(!server)(
  "two instances on one PostgreSQL (skipped on PGlite: one process owns its data folder)",
  () => {
    const name = `tansiq_multi_${process.pid}`;
    const url = withDatabase(server ?? "postgres://x/x", name);
    let a: ServerProcess;
    let b: ServerProcess;
    let database: Database;

    async function admin(query: string) {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(query).finally(() => client.end());
    }

    beforeAll(async () => {
      await admin(`drop database if exists ${name} with (force)`);
      await admin(`create database ${name}`); // fresh: both instances find it unmigrated
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: url,
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
        TRUST_PROXY: "true", // each test names its client address (X-Forwarded-For)
        LOGIN_MAX_PER_ADDRESS: String(MAX_PER_ADDRESS),
        TANSIQ_SWEEP_EVERY_MS: "300",
      };
      [a, b] = await Promise.all([serveProcess(env), serveProcess(env)]);
      database = await openDatabase({ engine: "postgres", url, poolSize: 2 });
    }, 300_000);

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await database?.close();
      await admin(`drop database if exists ${name} with (force)`);
    });

    async function logIn(instance: ServerProcess, username: string, password: string, address: string) {
      return fetch(`${instance.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": address },
        body: JSON.stringify({ username, password }),
      });
    }
    async function signIn(instance: ServerProcess, username: string, address: string): Promise<string> {
      const response = await logIn(instance, username, TEST_PASSWORD, address);
      const cookie = /tansiq_session=[^;]+/.exec(response.headers.get("set-cookie") ?? "");
      if (!cookie) throw new Error(`login ${response.status}`);
      return cookie[0];
    }

    it("migrations at start: both instances started together on a fresh database, each migration applied once", async () => {
      const files = readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith(".sql"));
      const [applied] = await queryRows<{ n: number; distinct: number }>(
        database.db,
        sql`select count(*)::int as n, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`,
      );
      expect(applied).toEqual({ n: files.length, distinct: files.length });
      for (const instance of [a, b]) expect((await fetch(`${instance.url}/api/health`)).status).toBe(200);
    });

    it("sessions: signed in on A, the session is valid on B; signed out on B, it is gone on A", async () => {
      const user = await buildUser(database.db, { role: "officer" });
      const cookie = await signIn(a, user.username, "10.0.0.1");
      const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { data: { username: string } }).data.username).toBe(user.username);
      expect((await fetch(`${b.url}/api/auth/logout`, { method: "POST", headers: { cookie } })).status).toBe(
        200,
      );
      expect((await fetch(`${a.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
    });

    it(`rate limits: ${MAX_PER_ADDRESS} sign-in attempts per address in all, not per instance`, async () => {
      const statuses: number[] = [];
      for (let i = 0; i < MAX_PER_ADDRESS + 2; i++) {
        const response = await logIn(i % 2 === 0 ? a : b, "nobody-here", "wrong-password-1", "10.0.0.2");
        statuses.push(response.status);
      }
      expect(statuses).toEqual([...Array(MAX_PER_ADDRESS).fill(401), 429, 429]);
    });

    it("live events: a task created on A reaches a stream on B", async () => {
      const agency = await buildAgency(database.db);
      const user = await buildUser(database.db, { role: "officer", agencyId: agency.id });
      const cookie = await signIn(a, user.username, "10.0.0.3");
      const stream = await openSse(b.port, "/api/v1/live", cookie);
      try {
        const response = await fetch(`${a.url}/api/v1/tasks`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ titleAr: "مهمة بين خادمين", agencyId: agency.id }),
        });
        expect(response.status).toBe(201);
        const { id } = ((await response.json()) as { data: { id: string } }).data;
        const event = await stream.next((e) => e.event === "change" && e.data.includes(id), 15_000);
        expect(JSON.parse(event.data)).toMatchObject({ entity: "task", id });
      } finally {
        stream.close();
      }
    });

    it("due sweeps: both instances sweep every 300 ms, each alert and notification is raised once", async () => {
      const agency = await buildAgency(database.db);
      const manager = await buildUser(database.db, { role: "manager", agencyId: agency.id });
      const officer = await buildUser(database.db, { role: "officer", agencyId: agency.id });
      const tasks = await Promise.all(
        ["2026-01-05", "2026-01-06", "2026-01-07"].map((dueOn) =>
          buildTask(database.db, { agencyId: agency.id, assigneeId: officer.id, dueOn }),
        ),
      );
      const ids = tasks.map((t) => t.id);
      const alerts = async () =>
        (
          await queryRows<{ n: number }>(
            database.db,
            sql`select count(*)::int as n from task_alerts where task_id in (${sql.join(ids, sql`, `)})`,
          )
        )[0]!.n;
      const deadline = Date.now() + 20_000;
      while ((await alerts()) < ids.length && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      await new Promise((r) => setTimeout(r, 2_000)); // several more sweeps on each instance
      expect(await alerts()).toBe(ids.length);
      const notified = await queryRows<{ user: string; task: string; n: number }>(
        database.db,
        sql`select user_id::text as user, entity_id::text as task, count(*)::int as n from notifications
          where kind = 'task_overdue' and entity_id in (${sql.join(ids, sql`, `)}) group by 1, 2`,
      );
      expect(notified.length).toBe(ids.length * 2); // the assignee and the agency's manager, each task
      expect(notified.every((row) => row.n === 1)).toBe(true);
      expect(new Set(notified.map((row) => row.user))).toEqual(new Set([manager.id, officer.id]));
    });
  },
);
