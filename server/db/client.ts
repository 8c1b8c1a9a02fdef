import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";
import { acquireDataDirLock } from "./lock";

export type Schema = typeof schema;
/** A database or a transaction: data functions take either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = "pglite" | "postgres";

export type Database = {
  db: Db;
  engine: Engine;
  /** The PGlite instance (embedded engine) or the pool (PostgreSQL), for LISTEN/NOTIFY and raw access. */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
};

export type DatabaseOptions =
  { engine: "postgres"; url: string; poolSize?: number } | { engine: "pglite"; dataDir: string | null };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.engine === "postgres") {
    // JIT off: Tansiq's queries are short; on a register aggregate over 45k rows PostgreSQL spent 17 ms
    // compiling for a 70 ms query (bench/needs.bench.ts). A setting in DATABASE_URL's options still wins.
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      options: "-c jit=off",
    });
    pool.on("error", () => {}); // an idle client lost: the pool replaces it; requests see their own errors
    await pool.query("select 1");
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { db, engine: "postgres", pool, close: () => pool.end() };
  }
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  let release = () => {};
  let client: PGlite;
  if (dataDir === null) {
    client = await PGlite.create({ extensions: { pg_trgm } });
  } else {
    const dir = path.resolve(dataDir);
    mkdirSync(dir, { recursive: true }); // PGlite does not create parent folders
    release = acquireDataDirLock(dir);
    try {
      client = await PGlite.create(path.join(dir, "pgdata"), { extensions: { pg_trgm } });
    } catch (error) {
      release();
      throw error;
    }
  }
  return fromPglite(client, release);
}

/** Wraps an open PGlite instance (tests clone a migrated one). */
export function fromPglite(client: PGlite, release: () => void = () => {}): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    pglite: client,
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/** Rows of a raw query, on either engine. Cast counts in SQL (`::int`): engines differ on bigint. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
