import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { inject } from "vitest";
import { fromPglite, openDatabase, type Database } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { withDatabase } from "./global-setup";

let pgliteDump: Blob | undefined;

/** A migrated PGlite: loaded from the run's dump (global-setup), migrated here when there is none. */
async function migratedPglite(): Promise<PGlite> {
  const file = inject("pgliteTemplate");
  if (!file) {
    const client = await PGlite.create({ extensions: { pg_trgm } });
    await migrateDatabase(fromPglite(client));
    return client;
  }
  pgliteDump ??= new Blob([readFileSync(file)]);
  return PGlite.create({ loadDataDir: pgliteDump, extensions: { pg_trgm } });
}

/**
 * A fresh, migrated database for one test file: a copy of a migrated template on PostgreSQL (DATABASE_URL),
 * a clone of a migrated in-memory PGlite otherwise.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    return fromPglite(await migratedPglite());
  }
  const name = `tansiq_t_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject("pgTemplate")}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ engine: "postgres", url: withDatabase(url, name), poolSize: 8 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await dropper.end();
    },
  };
}
