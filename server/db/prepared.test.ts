import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { fixedClock } from "../clock";
import { loadConfig } from "../config";
import { tasks } from "../features/tasks/tasks.table";
import { call, TEST_NOW } from "../test/app";
import { createTestDatabase } from "../test/database";
import { buildTask, signedIn } from "../test/factories";
import { openDatabase, plannedForItsValues, queryRows, type Database, type Db } from "./client";

// The pg pool names each query by its text (pg's `name`), so each connection prepares it once. PostgreSQL only
// (the PostgreSQL pass of CI): PGlite has no connections to prepare on.
describe.runIf(process.env.DATABASE_URL)(
  "statements prepared per connection (PostgreSQL)",
  { timeout: 120_000 },
  () => {
    let template: Database;
    let url: string;
    const opened: Database[] = [];
    beforeAll(async () => {
      template = await createTestDatabase();
      url = template.pool!.options.connectionString!;
      await buildTask(template.db);
    });
    afterAll(async () => {
      for (const database of opened) await database.close();
      await template.close();
    });

    async function appOn(options: { poolSize: number; prepare?: boolean }) {
      const database = await openDatabase({ engine: "postgres", url, ...options });
      opened.push(database);
      const config = loadConfig({}, { logLevel: "silent", database: { engine: "pglite", dataDir: null } });
      const app = await buildApp({ config, database, clock: fixedClock(TEST_NOW), plugins: [] });
      await app.ready();
      const { session } = await signedIn(app, database.db, "officer");
      return { app, database, session };
    }

    const LISTS = [
      "/api/v1/tasks",
      "/api/v1/tasks/board",
      "/api/v1/needs",
      "/api/v1/agencies",
      "/api/v1/meetings",
    ];
    const prepared = (db: Db) =>
      queryRows<{ statement: string }>(db, sql`select statement from pg_prepared_statements`).then((rows) =>
        rows.map((r) => r.statement),
      );

    it("(a) the list queries are prepared on the connection that ran them", async () => {
      const { app, database, session } = await appOn({ poolSize: 1 });
      for (const url of LISTS) expect((await call(app, session, "GET", url)).statusCode, url).toBe(200);
      const statements = await prepared(database.db);
      for (const table of ["tasks", "task_supports", "needs", "agencies", "meetings"])
        expect(
          statements.some((s) => s.includes(`from "${table}"`)),
          table,
        ).toBe(true);
      expect(statements.every((s) => !/^\s*(begin|commit|rollback|create|alter|set)\b/i.test(s))).toBe(true);
      await app.close();
    });

    it("a statement planned for its values is not prepared (a generic plan of it could read a whole table)", async () => {
      const database = await openDatabase({ engine: "postgres", url, poolSize: 1 });
      opened.push(database);
      const marker = "planned_for_its_values_probe";
      await queryRows(database.db, plannedForItsValues(sql`select ${marker}::text as probe`));
      await queryRows(database.db, sql`select ${marker}::text as named_probe`);
      const statements = await prepared(database.db);
      expect(statements.some((s) => s.includes("named_probe"))).toBe(true);
      expect(statements.some((s) => s.includes("planned for its values"))).toBe(false);
    });

    it("(b) a migration changing a selected column's type costs at most one retry per connection, no error", async () => {
      const { app, database, session } = await appOn({ poolSize: 2 });
      const pool = database.pool!;
      const titles = (db: Db) => db.select({ title: tasks.titleAr }).from(tasks).limit(5);
      // Both connections prepare the query (two transactions at once hold one each), and the list route.
      const onBoth = async () => {
        let arrived = 0;
        let bothIn = () => {};
        const barrier = new Promise<void>((resolve) => (bothIn = resolve));
        return Promise.all(
          [0, 1].map(() =>
            database.db.transaction(async (tx) => {
              const rows = await titles(tx);
              if (++arrived === 2) bothIn();
              await barrier;
              return rows;
            }),
          ),
        );
      };
      await onBoth();
      await Promise.all([0, 1, 2, 3].map(() => call(app, session, "GET", "/api/v1/tasks")));
      expect(pool.staleConnections).toBe(0);

      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query("alter table tasks alter column title_ar type varchar(2000)");
      await admin.end();

      const [a, b] = await onBoth();
      expect(a!.length).toBeGreaterThan(0);
      expect(b).toEqual(a);
      const statuses = await Promise.all([0, 1, 2, 3].map(() => call(app, session, "GET", "/api/v1/tasks")));
      expect(statuses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
      expect(await titles(database.db)).toEqual(a);
      expect(pool.staleConnections).toBeGreaterThan(0);
      expect(pool.staleConnections).toBeLessThanOrEqual(2); // the pool's two connections, once each
      for (let i = 0; i < 4; i++)
        expect((await call(app, session, "GET", "/api/v1/tasks")).statusCode).toBe(200);
      await onBoth();
      expect(pool.staleConnections).toBeLessThanOrEqual(2);
      await app.close();
    });

    it("a statement the server dropped (DISCARD, a pooler) is prepared again", async () => {
      const database = await openDatabase({ engine: "postgres", url, poolSize: 1 });
      opened.push(database);
      const count = () => database.db.select({ id: tasks.id }).from(tasks).limit(1);
      expect(await count()).toHaveLength(1);
      await database.pool!.query("deallocate all");
      expect(await count()).toHaveLength(1);
      await database.pool!.query("deallocate all");
      // In a transaction the failed statement aborts it: the whole transaction runs again on a new connection.
      expect(
        await database.db.transaction((tx) => tx.select({ id: tasks.id }).from(tasks).limit(1)),
      ).toHaveLength(1);
      expect(database.pool!.staleConnections).toBe(2);
    });

    it("(c) with TANSIQ_PG_PREPARE=off nothing is prepared", async () => {
      process.env.TANSIQ_PG_PREPARE = "off";
      const { app, database, session } = await appOn({ poolSize: 1 }).finally(() => {
        delete process.env.TANSIQ_PG_PREPARE;
      });
      for (const url of LISTS) expect((await call(app, session, "GET", url)).statusCode, url).toBe(200);
      expect(await prepared(database.db)).toEqual([]);
      await app.close();
    });
  },
);
