import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { Db } from "../server/db/client";

// Helpers shared by the benches: a throw-away database, a server in a child process, one autocannon load.

/** The admin connection (creates and drops the bench database): DATABASE_URL, else local PostgreSQL. */
export const ADMIN_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export type BenchDatabase = {
  url: string;
  /**
   * CPU time (ms) used so far by each PostgreSQL backend connected to this database, by pid; null unless local. A
   * difference is taken per backend (`cpuSince`): a sum over the backends alive at each moment went negative when a
   * pool closed connections between the two readings.
   */
  backendCpuMs(): Promise<Map<number, number> | null>;
  drop(): Promise<void>;
  /** Closes the admin connection and leaves the database in place. */
  release(): Promise<void>;
};

/** The CPU the backends used between two readings: each backend's own difference (new ones from zero). */
export function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, used] of after) ms += used - (before.get(pid) ?? 0);
  return ms;
}

const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ, the unit of utime/stime in /proc/<pid>/stat

/** Creates an empty database `name` (dropping a leftover one); `drop()` removes it, even with clients still on it. */
export async function freshDatabase(name: string): Promise<BenchDatabase> {
  return existingDatabase(name, async (admin) => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  });
}

async function existingDatabase(
  name: string,
  prepare?: (admin: pg.Client) => Promise<void>,
): Promise<BenchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await prepare?.(admin);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const host = new URL(ADMIN_URL).hostname;
  const isLocal = ["", "localhost", "127.0.0.1", "[::1]"].includes(host);
  return {
    url: withDatabase(ADMIN_URL, name),
    backendCpuMs: async () => {
      if (!isLocal) return null; // the pids of pg_stat_activity are another machine's
      const { rows } = await admin.query<{ pid: number }>(
        "select pid from pg_stat_activity where datname = $1",
        [name],
      );
      const byPid = new Map<number, number>();
      for (const { pid } of rows) {
        let stat: string;
        try {
          stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        } catch {
          continue; // ended since pg_stat_activity listed it
        }
        // Fields after "(comm)": state is the 3rd field of the stat line, utime the 14th, stime the 15th.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        byPid.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND);
      }
      return byPid;
    },
    drop: async () => {
      try {
        await admin.query(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
      }
    },
    release: () => admin.end(),
  };
}

export type Target = {
  name: string;
  url: string;
  /** CPU time used by the server process so far (process.cpuUsage(), microseconds). */
  cpuUsage(): Promise<NodeJS.CpuUsage>;
  /** Sends `message` to the server process and resolves with the `key` of the first reply that has one. */
  ask<T>(message: string, key: string): Promise<T>;
  stop(): Promise<void>;
};

/**
 * Starts a server in its own process, so that autocannon (in this process) does not share its event loop. The
 * child listens on 127.0.0.1, port 0, and sends `{ port }` once it is ready; it closes and exits on "stop".
 */
export async function startTarget(
  entry: URL,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<Target> {
  // BENCH_CPU_PROF=<dir>: each server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_CPU_PROF]
    : [];
  const child = fork(fileURLToPath(entry), args, {
    execArgv: ["--import", import.meta.resolve("tsx"), "--expose-gc", ...profile],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${args.join(" ")}: not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    child.once("message", (message: { port?: number }) => {
      clearTimeout(timer);
      if (typeof message.port === "number") resolve(message.port);
      else reject(new Error(`${args.join(" ")}: unexpected message ${JSON.stringify(message)}`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(" ")}: exited with ${code} before it was ready`));
    });
  });
  return {
    name: args.join(" "),
    url: `http://127.0.0.1:${port}`,
    cpuUsage: () => ask<NodeJS.CpuUsage>(child, "cpu", "cpu"),
    ask: <T>(message: string, key: string) => ask<T>(child, message, key),
    stop: () => stopChild(child),
  };
}

function ask<T>(child: ChildProcess, message: string, key: string): Promise<T> {
  return new Promise<T>((resolve) => {
    const on = (reply: Record<string, unknown>) => {
      if (reply && typeof reply === "object" && key in reply) {
        child.off("message", on);
        resolve(reply[key] as T);
      }
    };
    child.on("message", on);
    child.send(message);
  });
}

function stopChild(child: ChildProcess, timeoutMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.send("stop");
  });
}

/** For a child process: serve until the parent says "stop" (or goes away), then close and exit. */
export function serveUntilStopped(port: number, close: () => Promise<void>) {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("message", (message) => {
    if (message === "stop") stop();
    else if (message === "cpu") process.send?.({ cpu: process.cpuUsage() });
  });
  process.once("disconnect", stop);
  process.send?.({ port });
}

export type LoadOptions = { connections: number; durationSeconds: number; warmupSeconds: number };

export type LoadFigures = {
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p95: number; p97_5: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
  /** CPU time (user + system) per request, ms: the server process; its PostgreSQL backends (null if not local). */
  cpuMsPerRequest: { server: number; postgres: number | null };
};

/**
 * A warm-up (discarded), then the measured load: GET `path` on the target with `headers`, over keep-alive
 * connections. Also the CPU time per request of the server process and of its PostgreSQL backends.
 */
export async function measure(
  target: Target,
  database: BenchDatabase,
  path: string,
  headers: Record<string, string>,
  options: LoadOptions,
): Promise<LoadFigures> {
  const base = { url: `${target.url}${path}`, headers, connections: options.connections, pipelining: 1 };
  if (options.warmupSeconds > 0) await autocannon({ ...base, duration: options.warmupSeconds });
  const [serverBefore, backendsBefore] = [await target.cpuUsage(), await database.backendCpuMs()];
  // autocannon's histogram has no p95: keep every response time and take it from them.
  const times: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...base, duration: options.durationSeconds }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const [serverAfter, backendsAfter] = [await target.cpuUsage(), await database.backendCpuMs()];
  const requests = r.requests.total;
  const perRequest = (ms: number) => (requests > 0 ? round(ms / requests, 3) : 0);
  const serverMs = (serverAfter.user - serverBefore.user + serverAfter.system - serverBefore.system) / 1000;
  return {
    requestsPerSecond: round(r.requests.average),
    latencyMs: {
      mean: round(r.latency.average),
      p50: r.latency.p50,
      p95: round(percentile(times, 95)),
      p97_5: r.latency.p97_5,
      p99: r.latency.p99,
      max: r.latency.max,
    },
    requests,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerResponse: requests > 0 ? Math.round(r.throughput.total / requests) : 0,
    cpuMsPerRequest: {
      server: perRequest(serverMs),
      postgres:
        backendsBefore === null || backendsAfter === null
          ? null
          : perRequest(cpuSince(backendsBefore, backendsAfter)),
    },
  };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Logs in through the API and returns the session cookie (`name=value`). */
export async function logIn(baseUrl: string, username: string, password: string): Promise<string> {
  const r = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("tansiq_session="));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return cookie;
}

/**
 * A bench database that may be kept between runs: BENCH_KEEP=1 keeps it after the run and reuses it (without
 * loading again) when it is there; otherwise it is made afresh, loaded, and dropped at the end.
 */
export async function keptDatabase(
  name: string,
  loadInto: (url: string) => Promise<void>,
): Promise<BenchDatabase & { reused: boolean }> {
  const keep = process.env.BENCH_KEEP === "1";
  const probe = new pg.Client({ connectionString: ADMIN_URL });
  await probe.connect();
  const exists =
    (await probe.query("select 1 from pg_database where datname = $1", [name]).finally(() => probe.end()))
      .rowCount === 1;
  if (keep && exists) {
    const database = await existingDatabase(name);
    return { ...database, reused: true, drop: async () => database.release() };
  }
  const database = await freshDatabase(name);
  await loadInto(database.url);
  if (!keep) return { ...database, reused: false };
  return { ...database, reused: false, drop: async () => database.release() };
}

/**
 * The incident rollups rebuilt from the rows with the migrations' own GROUP BY (0007, 0014), for a bench that loaded
 * incidents with the triggers off: what the triggers keep (rollups-equality.test.ts), without a trigger per row.
 * The per-type tables are then rewritten in day order (CLUSTER on their keys), as the trigger writes them day after day
 * in an installation: inserting with ORDER BY alone is not enough, the rows reuse the free space the delete left.
 */
export async function rebuildIncidentRollups(db: Db) {
  await db.execute(sql`alter table incident_day_counts disable trigger user`);
  await db.execute(sql`delete from incident_day_counts`);
  await db.execute(sql`insert into incident_day_counts (day, type_id, district_pcode, agency_id, status, sensitivity,
      incidents, arrests, rescued, intercepted, dead, missing, with_seizures)
    select occurred_on, type_id, coalesce(district_pcode, ''), agency_id, status, sensitivity, count(*), sum(arrests),
      sum(rescued), sum(intercepted), sum(dead), sum(missing), count(*) filter (where has_seizures)
    from incidents where is_active group by 1, 2, 3, 4, 5, 6`);
  await db.execute(sql`delete from incident_type_day_counts`);
  await db.execute(sql`insert into incident_type_day_counts (day, type_id, incidents)
    select day, type_id, sum(incidents) from incident_day_counts group by 1, 2 having sum(incidents) <> 0
    order by 1, 2`);
  await db.execute(sql`delete from incident_type_month_counts`);
  await db.execute(sql`insert into incident_type_month_counts (month, type_id, incidents)
    select date_trunc('month', day)::date, type_id, sum(incidents) from incident_day_counts group by 1, 2
    having sum(incidents) <> 0 order by 1, 2`);
  await db.execute(sql`cluster incident_type_day_counts using incident_type_day_counts_day_type_id_pk`);
  await db.execute(sql`cluster incident_type_month_counts using incident_type_month_counts_month_type_id_pk`);
  await db.execute(sql`alter table incident_day_counts enable trigger user`);
}
