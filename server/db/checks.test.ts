import { eq, sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needs } from "../features/needs/needs.table";
import { tasks } from "../features/tasks/tasks.table";
import { users } from "../features/users/users.table";
import { createTestDatabase } from "../test/database";
import { buildAgency, buildTask, buildUser } from "../test/factories";
import { queryRows, type Database } from "./client";
import * as schema from "./schema";

const CHECK_VIOLATION = { cause: expect.objectContaining({ code: "23514" }) as unknown };

describe("integrity in the database", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("every closed-list text column of every table has a CHECK constraint on it (enumChecks)", async () => {
    const checks = await queryRows<{ table: string; definition: string }>(
      database.db,
      sql`select conrelid::regclass::text as table, pg_get_constraintdef(oid) as definition
          from pg_constraint where contype = 'c'`,
    );
    const missing: string[] = [];
    let closedListColumns = 0;
    for (const table of Object.values(schema) as PgTable[]) {
      const config = getTableConfig(table);
      for (const column of config.columns) {
        if (!column.enumValues?.length) continue;
        closedListColumns++;
        const mentions = new RegExp(`(^|[^a-z_])"?${column.name}"?([^a-z_]|$)`);
        const covered = checks.some((c) => c.table === config.name && mentions.test(c.definition));
        if (!covered) missing.push(`${config.name}.${column.name}`);
      }
    }
    expect(closedListColumns).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it("refuses a value outside a closed list and numbers out of range", async () => {
    const db = database.db;
    const task = await buildTask(db);
    await expect(
      db.execute(sql`update tasks set status = 'bogus' where id = ${task.id}`),
    ).rejects.toMatchObject(CHECK_VIOLATION);
    await expect(db.update(tasks).set({ progress: 101 }).where(eq(tasks.id, task.id))).rejects.toMatchObject(
      CHECK_VIOLATION,
    );
    await expect(db.update(tasks).set({ progress: -1 }).where(eq(tasks.id, task.id))).rejects.toMatchObject(
      CHECK_VIOLATION,
    );
    const user = await buildUser(db, { role: "officer" });
    await expect(
      db.update(users).set({ failedLogins: -1 }).where(eq(users.id, user.id)),
    ).rejects.toMatchObject(CHECK_VIOLATION);
    await expect(db.execute(sql`update users set role = 'king' where id = ${user.id}`)).rejects.toMatchObject(
      CHECK_VIOLATION,
    );

    const agency = await buildAgency(db);
    const need = {
      reference: "NED-2026-999999",
      agencyId: agency.id,
      responsibleAgencyId: agency.id,
      category: "vehicles" as const,
      title: "Vehicles",
      unit: "vehicle",
    };
    await expect(db.insert(needs).values({ ...need, quantity: 0 })).rejects.toMatchObject(CHECK_VIOLATION);
    const [row] = await db
      .insert(needs)
      .values({ ...need, quantity: 4 })
      .returning();
    await expect(
      db.update(needs).set({ deliveredQuantity: 5 }).where(eq(needs.id, row!.id)),
    ).rejects.toMatchObject(CHECK_VIOLATION);
    await db.update(needs).set({ deliveredQuantity: 4 }).where(eq(needs.id, row!.id));
    // needs.problem_id now references problems.
    await expect(
      db
        .update(needs)
        .set({ problemId: "0190a000-0000-7000-8000-000000000000" })
        .where(eq(needs.id, row!.id)),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: "23503" }) as unknown });
  });
});
