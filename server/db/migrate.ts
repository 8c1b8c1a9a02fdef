import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Database } from "./client";

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
const MIGRATION_LOCK = 7_342_118; // advisory lock key: one instance migrates at a time

/**
 * Applies the committed migrations. Extensions are created here first: drizzle-kit's own migrate
 * fails silently on PGlite when a migration needs one.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === "pglite" && database.pglite) {
    const db = drizzlePglite({ client: database.pglite });
    await db.execute(sql`create extension if not exists pg_trgm`);
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  if (!database.pool) throw new Error("postgres database without a pool");
  // Its own connection, without the request timeouts: a migration may take longer than a request may.
  const client = new pg.Client({ ...database.pool.options, statement_timeout: 0, query_timeout: undefined });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query("create extension if not exists pg_trgm");
    await migratePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
