import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { NEED_CATEGORIES, NEED_PRIORITIES, NEED_STATUSES } from "../common/enums";
import { searchKey } from "../common/arabic";
import { openDatabase } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { seedDemo } from "../server/demo/seed-demo";

// 50k needs on PostgreSQL:
//  1. the filtered register with its totals (GET /api/v1/needs?…, as director.tobruk, a manager: visibility
//     applies), 20 connections, p95 latency must be ≤ 50 ms;
//  2. the Excel export streamed at two sizes (10k and 50k rows): the server's peak RSS and heap must not grow
//     with the number of rows (allowance: +40 MB RSS, heap ×1.5 from 10k to 50k).
// DATABASE_URL: the admin connection (default postgres://postgres@127.0.0.1:5432/postgres). Prints the figures;
// exit code 1 when a bar is missed. BENCH_NEEDS (50000), BENCH_CONNECTIONS (20), BENCH_DURATION (10 s).

const ADMIN_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const NAME = "tansiq_bench_needs";
const TOTAL = Number(process.env.BENCH_NEEDS ?? 50_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const PASSWORD = "bench-password-1";
const P95_BAR_MS = 50;

const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${NAME}`;
  return u.toString();
})();

async function admin<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** 50k needs over the demo agencies, one in five a vehicles need (the 10k export), 10 % restricted. */
async function load(): Promise<void> {
  const database = await openDatabase({ engine: "postgres", url: dbUrl, poolSize: 2 });
  await migrateDatabase(database);
  await seedDemo(database.db, new Date("2026-11-29T08:00:00Z"), PASSWORD);
  const pool = database.pool!;
  const { rows: agencies } = await pool.query<{ id: string }>("select id from agencies order by code");
  const others = NEED_CATEGORIES.filter((c) => c !== "vehicles");
  const start = Date.parse("2026-01-01T00:00:00Z");
  const chunk = 5_000;
  for (let from = 0; from < TOTAL; from += chunk) {
    const batch = [];
    for (let i = from; i < Math.min(TOTAL, from + chunk); i++) {
      const title = `احتياج تجريبي رقم ${i}`;
      const reference = `NEED-2025-${String(i + 1).padStart(6, "0")}`;
      const quantity = 1 + (i % 40);
      batch.push({
        id: uuidv7(),
        reference,
        sensitivity: i % 10 === 0 ? "restricted" : "internal",
        search_key: searchKey([reference, title]),
        agency_id: agencies[i % agencies.length]!.id,
        category: i % 5 === 0 ? "vehicles" : others[i % others.length],
        title,
        quantity,
        unit: "وحدة",
        unit_cost: 100 + (i % 97) * 25,
        priority: NEED_PRIORITIES[i % NEED_PRIORITIES.length],
        responsible_agency_id: agencies[(i * 7) % agencies.length]!.id,
        status: NEED_STATUSES[i % NEED_STATUSES.length],
        delivered_quantity: i % 3 === 0 ? Math.floor(quantity / 2) : 0,
        created_at: new Date(start + ((i * 9_973_117) % (330 * 86_400_000))).toISOString(),
      });
    }
    await pool.query(
      `insert into needs (id, reference, sensitivity, search_key, agency_id, category, title, quantity, unit, unit_cost,
         priority, responsible_agency_id, status, delivered_quantity, created_at, updated_at)
       select id, reference, sensitivity, search_key, agency_id, category, title, quantity, unit, unit_cost, priority,
         responsible_agency_id, status, delivered_quantity, created_at, created_at
       from json_to_recordset($1::json) as x(id uuid, reference text, sensitivity text, search_key text, agency_id uuid,
         category text, title text, quantity numeric, unit text, unit_cost numeric, priority text,
         responsible_agency_id uuid, status text, delivered_quantity numeric, created_at timestamptz)`,
      [JSON.stringify(batch)],
    );
  }
  // As autovacuum would: statistics, and the visibility map that lets the totals use index-only scans.
  await pool.query("vacuum analyze needs");
  await database.close();
}

type Server = {
  url: string;
  child: ChildProcess;
  ask<T>(message: string, key: string): Promise<T>;
  stop(): Promise<void>;
};

async function startServer(): Promise<Server> {
  const child = fork(fileURLToPath(new URL("./needs.server.ts", import.meta.url)), [], {
    execArgv: ["--import", import.meta.resolve("tsx"), "--expose-gc"],
    env: { ...process.env, BENCH_DATABASE_URL: dbUrl },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: { port: number }) => resolve(m.port));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    ask: <T>(message: string, key: string) =>
      new Promise<T>((resolve) => {
        const on = (m: Record<string, unknown>) => {
          if (key in m) {
            child.off("message", on);
            resolve(m[key] as T);
          }
        };
        child.on("message", on);
        child.send(message);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.send("stop");
      }),
  };
}

async function logIn(url: string, username: string): Promise<string> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("tansiq_session="));
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

async function registerLoad(server: Server, cookie: string, path: string) {
  const check = await fetch(`${server.url}${path}`, { headers: { cookie } });
  const body = (await check.json()) as { data: unknown[]; totals: { count: number } };
  if (check.status !== 200) throw new Error(`${path}: ${check.status}`);
  const base = { url: `${server.url}${path}`, headers: { cookie }, connections: CONNECTIONS };
  await autocannon({ ...base, duration: 2 });
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...base, duration: DURATION }, (error, r) =>
      error ? reject(error) : resolve(r),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    path,
    matched: body.totals.count,
    rows: body.data.length,
    requestsPerSecond: Math.round(result.requests.average),
    p50: Math.round(percentile(times, 50) * 10) / 10,
    p95: Math.round(percentile(times, 95) * 10) / 10,
    p99: Math.round(percentile(times, 99) * 10) / 10,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function exportRun(path: string) {
  const server = await startServer();
  try {
    const cookie = await logIn(server.url, "minister");
    await server.ask("reset", "reset");
    const started = Date.now();
    const r = await fetch(`${server.url}${path}`, { headers: { cookie } });
    if (r.status !== 200 || !r.body) throw new Error(`${path}: ${r.status}`);
    let bytes = 0;
    const reader = r.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read())
      bytes += part.value.byteLength;
    const seconds = (Date.now() - started) / 1000;
    const peak = await server.ask<{ rss: number; heapUsed: number; external: number }>("memory", "peak");
    return {
      path,
      bytes,
      seconds,
      peakRssMB: mb(peak.rss),
      peakHeapMB: mb(peak.heapUsed),
      peakExternalMB: mb(peak.external),
    };
  } finally {
    await server.stop();
  }
}

// BENCH_KEEP=1 keeps the loaded database for the next run (and reuses it); BENCH_ONLY=register|export.
const KEEP = process.env.BENCH_KEEP === "1";
const ONLY = process.env.BENCH_ONLY ?? "";
const exists = await admin(
  async (c) => (await c.query("select 1 from pg_database where datname = $1", [NAME])).rowCount === 1,
);
const reuse = KEEP && exists;
if (!reuse)
  await admin(async (c) => {
    await c.query(`drop database if exists ${NAME} with (force)`);
    await c.query(`create database ${NAME}`);
  });
let failed = false;
try {
  const t0 = Date.now();
  if (!reuse) await load();
  console.log(
    `loaded ${TOTAL} needs in ${((Date.now() - t0) / 1000).toFixed(1)} s (json_to_recordset, 5k per statement)`,
  );

  if (ONLY !== "export") {
    const server = await startServer();
    const director = await logIn(server.url, "director.tobruk");
    const loads = [];
    try {
      for (const path of [
        "/api/v1/needs?category=equipment&status=approved&from=2026-03-01&to=2026-09-30",
        "/api/v1/needs?responsibleAgencyId=&priority=critical&from=2026-06-01",
        "/api/v1/needs",
      ]) {
        const clean = path.replace("responsibleAgencyId=&", "");
        loads.push(await registerLoad(server, director, clean));
      }
    } finally {
      await server.stop();
    }
    console.log(
      `\nRegister with totals, director.tobruk (manager), ${CONNECTIONS} connections, ${DURATION} s after 2 s warm-up; load average at the end ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}:`,
    );
    for (const l of loads) {
      console.log(
        `  ${l.path}\n    ${l.matched} matching (page of ${l.rows}): ${l.requestsPerSecond} req/s, p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, non-2xx ${l.non2xx}, errors ${l.errors}`,
      );
    }
    const filtered = loads[0]!;
    if (filtered.p95 > P95_BAR_MS || filtered.non2xx > 0 || filtered.errors > 0) {
      console.error(`FAILED: filtered register p95 ${filtered.p95} ms > ${P95_BAR_MS} ms (or errors)`);
      failed = true;
    }
  }
  if (ONLY !== "register") {
    const small = await exportRun("/api/v1/needs/export.xlsx?category=vehicles");
    const large = await exportRun("/api/v1/needs/export.xlsx");
    console.log("\nExcel export (minister: every row), fresh server each, peaks sampled every 5 ms:");
    for (const e of [small, large])
      console.log(
        `  ${e.path}: ${mb(e.bytes)} MB in ${e.seconds.toFixed(1)} s; peak RSS ${e.peakRssMB} MB, peak heap ${e.peakHeapMB} MB, peak external+buffers ${e.peakExternalMB} MB`,
      );
    if (large.peakRssMB > small.peakRssMB + 40 || large.peakHeapMB > small.peakHeapMB * 1.5) {
      console.error("FAILED: export memory grows with the number of rows");
      failed = true;
    }
    console.log(
      `\n${JSON.stringify({ date: new Date().toISOString(), cpus: os.cpus().length, load: os.loadavg()[0], needs: TOTAL, exports: [small, large] })}`,
    );
  }
} finally {
  if (!KEEP) await admin((c) => c.query(`drop database if exists ${NAME} with (force)`));
}
if (failed) process.exitCode = 1;
