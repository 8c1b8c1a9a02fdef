import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";
import { acquireDataDirLock } from "./lock";
import { PREPARABLE, prepareStatements } from "./pglite-statements";
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
  pool?: pg.Pool & { staleConnections: number };
  close(): Promise<void>;
};

export type DatabaseOptions =
  | {
      engine: "postgres";
      url: string;
      poolSize?: number;
      /** Name statements so each connection prepares them once (default: on unless TANSIQ_PG_PREPARE=off). */
      prepare?: boolean;
      /** An operations command (backup, migrate-to-postgres): no request timeouts, a patient connect. */
      operations?: boolean;
    }
  | { engine: "pglite"; dataDir: string | null };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.engine === "postgres") return openPostgres(options);
  return openPglite(options.dataDir);
}

/** How many statements one connection keeps prepared; past it, new texts run unnamed (bounded memory). */
const PREPARED_PER_CONNECTION = 300;

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

/**
 * A statement whose best plan depends on its values, sent unnamed so that PostgreSQL plans it for the values at hand
 * every time. A named statement is planned for its first values five times, then PostgreSQL may keep a generic plan
 * if it looks cheaper: for `exists (… where word like $1)` on a trigram index that plan reads the whole table
 * (53 ms on a million words, against 0.02 ms through the index). The comment keeps it from being named (PREPARABLE).
 */
export function plannedForItsValues(query: SQL): SQL {
  return sql`/* planned for its values */ ${query}`;
}

type QueryConfig = { text?: unknown; name?: string };

/**
 * A connection that names each query by its text (pg's `name` option), so that PostgreSQL parses and plans it
 * once per connection instead of at every request: planning was half of the database's time on a task list
 * (bench/tasks.bench.ts). pg itself keeps track of what each connection has prepared. With `prepare` off no
 * statement is named, not even the ones the code names itself (`.prepare(name)`): nothing is prepared.
 */
function namingClient(prepare: boolean): typeof pg.Client {
  return class NamingClient extends pg.Client {
    readonly #named = new Set<string>();
    override query = ((config: unknown, ...rest: unknown[]) => {
      if (config && typeof config === "object") {
        const { text, name } = config as QueryConfig;
        if (!prepare) {
          if (name) config = { ...config, name: undefined };
        } else if (!name && typeof text === "string" && PREPARABLE.test(text)) {
          const named = statementName(text);
          if (this.#named.has(named) || this.#named.size < PREPARED_PER_CONNECTION) {
            this.#named.add(named);
            config = { ...config, name: named };
          }
        }
      }
      return (super.query as (...args: unknown[]) => unknown)(config, ...rest);
    }) as pg.Client["query"];
  };
}

/**
 * A prepared statement the connection can no longer use: the server lost it (a pooler, DISCARD) or a migration
 * changed what it returns. The connection is dropped (its other statements are as old) and the work retried.
 */
export function isStaleStatement(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 3; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === "26000") return true;
    if (code === "0A000" && typeof message === "string" && message.includes("cached plan")) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The pool: a query or transaction that meets a stale prepared statement is retried on another connection, the
 * stale one being closed (`release(error)`): after a migration each connection fails at most once, unseen.
 */
class Pool extends pg.Pool {
  /** Connections dropped because a statement had gone stale (each cost one retried query or transaction). */
  staleConnections = 0;

  override query = ((config: unknown, ...rest: unknown[]) => {
    const run = (super.query as (...args: unknown[]) => Promise<unknown>).bind(this);
    if (typeof rest.at(-1) === "function") return run(config, ...rest);
    const attempt = (n: number): Promise<unknown> =>
      run(config, ...rest).catch((error: unknown) => {
        // pg-pool closes a connection that failed a query; the retry takes another
        if (!isStaleStatement(error) || n >= this.options.max) throw error;
        this.staleConnections++;
        return attempt(n + 1);
      });
    return attempt(0);
  }) as pg.Pool["query"];

  /** Runs `work` on one connection; a stale statement closes that connection and `work` runs again on another. */
  async withRetries<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let n = 0; ; n++) {
      const client = await this.connect();
      let failure: unknown;
      try {
        return await work(client);
      } catch (error) {
        failure = error;
        if (!isStaleStatement(error) || n >= this.options.max) throw error;
        this.staleConnections++;
      } finally {
        client.release(failure !== undefined && isStaleStatement(failure) ? (failure as Error) : undefined);
      }
    }
  }
}

async function openPostgres(options: Extract<DatabaseOptions, { engine: "postgres" }>): Promise<Database> {
  const prepare = options.prepare ?? process.env.TANSIQ_PG_PREPARE !== "off";
  // JIT off: Tansiq's queries are short; on a register aggregate over 45k rows PostgreSQL spent 17 ms
  // compiling for a 70 ms query (bench/needs.bench.ts). A setting in DATABASE_URL's options still wins.
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    options: "-c jit=off",
    Client: namingClient(prepare),
    ...(options.operations ? { connectionTimeoutMillis: 60_000 } : poolTimeouts()),
  });
  pool.on("error", () => {}); // an idle client lost: the pool replaces it; requests see their own errors
  await pool.query("select 1");
  const db = drizzlePg({ client: pool, schema }) as unknown as NodePgDatabase<Schema>;
  // A transaction holds one connection; drizzle is bound to it once (kept per connection, as it is not free).
  const bound = new WeakMap<pg.PoolClient, NodePgDatabase<Schema>>();
  const onClient = (client: pg.PoolClient) => {
    let clientDb = bound.get(client);
    if (!clientDb) bound.set(client, (clientDb = drizzlePg({ client, schema })));
    return clientDb;
  };
  db.transaction = ((work: never, config?: never) =>
    pool.withRetries((client) => onClient(client).transaction(work, config))) as typeof db.transaction;
  return { db: db as unknown as Db, engine: "postgres", pool, close: () => pool.end() };
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

/** PGlite instances whose queries are prepared (prepareStatements), once each. */
const preparing = new WeakSet<PGlite>();

/** Wraps an open PGlite instance (tests clone a migrated one). */
export function fromPglite(client: PGlite, release: () => void = () => {}): Database {
  if (process.env.TANSIQ_PG_PREPARE !== "off" && !preparing.has(client)) {
    preparing.add(client);
    prepareStatements(client);
  }
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
