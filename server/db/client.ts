import { createHash } from "node:crypto";
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
import { poolTimeouts } from "./timeouts";

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
      ...poolTimeouts(),
    });
    pool.on("error", () => {}); // an idle client lost: the pool replaces it; requests see their own errors
    pool.on("connect", preparedByText);
    await pool.query("select 1");
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { db, engine: "postgres", pool, close: () => pool.end() };
  }
  return openPglite(options.dataDir);
}

/** How many statements one connection keeps prepared; past it, new texts run unnamed (bounded memory). */
const PREPARED_PER_CONNECTION = 300;
/** Only queries are prepared: not DDL (migrations), transaction control, SET, or several statements in one text. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b[^;]*$/i;
/** The server no longer has the statement, or its plan no longer fits the table (DDL since it was prepared). */
const STALE_STATEMENT = new Set(["26000", "0A000"]);

/**
 * Every query a connection runs is prepared once under a name derived from its text, then reused: PostgreSQL
 * parses and plans it once per connection instead of at every request. Planning was half of the database's time
 * on a task list (1.5 of 3.1 ms at 100k tasks, bench/tasks.bench.ts). Statements keep their parameters, so the
 * texts are few; a connection stops naming new ones past PREPARED_PER_CONNECTION. A statement the server has
 * lost (a pooler in transaction mode, DISCARD) or whose plan a migration made stale is forgotten and run again
 * unnamed. TANSIQ_PG_PREPARE=off turns this off (e.g. behind PgBouncer in transaction mode).
 */
/** Statement names by text, shared by the connections: each text is hashed once per process, not per query. */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `t${createHash("sha1").update(text).digest("base64url")}`;
    if (statementNames.size < PREPARED_PER_CONNECTION * 4) statementNames.set(text, name);
  }
  return name;
}

function preparedByText(client: pg.PoolClient) {
  if (process.env.TANSIQ_PG_PREPARE === "off") return;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const connection = (client as unknown as { connection: { parsedStatements: Record<string, string> } })
    .connection;
  const names = new Set<string>();
  (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    const text = config && typeof config === "object" ? (config as { text?: unknown }).text : undefined;
    const named = (config as { name?: string } | null)?.name;
    if (typeof text !== "string" || named || !PREPARABLE.test(text) || typeof rest.at(-1) === "function")
      return query(config, ...rest);
    const name = statementName(text);
    if (!names.has(name) && names.size >= PREPARED_PER_CONNECTION) return query(config, ...rest);
    names.add(name);
    return (query({ ...(config as object), name }, ...rest) as Promise<unknown>).catch((error: unknown) => {
      const code = (error as { code?: string }).code;
      if (!code || !STALE_STATEMENT.has(code)) throw error;
      names.delete(name);
      delete connection.parsedStatements[name];
      return query(config, ...rest);
    });
  };
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
