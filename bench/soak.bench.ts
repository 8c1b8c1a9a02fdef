import { createWriteStream, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { useAuditKey } from "../server/audit/audit-key";
import { verifyAuditChain } from "../server/audit/verify-chain";
import { openDatabase, queryRows } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { TEST_PASSWORD, buildAgency, buildTask, buildUser } from "../server/test/factories";
import { serveProcess, type ServerProcess } from "../server/test/serve";
import { freshDatabase } from "./support";

// Soak: mixed reads and writes from 20 connections across two `tansiq serve` instances on one PostgreSQL for
// 10 minutes. Passes when no request failed, every acknowledged write is in the database afterwards (and its
// audit event; the chain verifies), and each server's memory stayed flat: resident size at the end within 10 % of
// what it was after the warm-up. Each instance gets a pool of 20 connections (DATABASE_POOL_SIZE), as many as
// requests can be in flight on it, and each connection pauses about SOAK_THINK_MS (100 ms) between requests.
//   npm run bench:soak      (DATABASE_URL or local PostgreSQL; SOAK_MINUTES, default 10; SOAK_WARMUP_MINUTES, 2)

const CONNECTIONS = 20;
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const WARMUP_MINUTES = Number(process.env.SOAK_WARMUP_MINUTES ?? Math.min(2, MINUTES / 5));
const SAMPLE_EVERY_MS = 5_000;
/** A pause between one connection's requests (a person at a desk, not a flood): SOAK_THINK_MS, default 100. */
const THINK_MS = Number(process.env.SOAK_THINK_MS ?? 100);
const AUDIT_KEY = process.env.TANSIQ_AUDIT_KEY ?? "tansiq-soak-audit-key-0123456789abcdef";

function rssKb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) : NaN;
}
const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function main() {
  useAuditKey(Buffer.from(AUDIT_KEY));
  const bench = await freshDatabase("tansiq_bench_soak");
  const database = await openDatabase({ engine: "postgres", url: bench.url, poolSize: 4, operations: true });
  const servers: ServerProcess[] = [];
  try {
    await migrateDatabase(database);
    const agency = await buildAgency(database.db);
    const users = [];
    for (let i = 0; i < CONNECTIONS; i++)
      users.push(await buildUser(database.db, { role: "manager", agencyId: agency.id }));
    for (let i = 0; i < 200; i++) await buildTask(database.db, { agencyId: agency.id, dueOn: "2027-01-15" });

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: bench.url,
      TANSIQ_AUDIT_KEY: AUDIT_KEY,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: process.env.SOAK_LOG_LEVEL ?? "silent",
      LOGIN_MAX_PER_ADDRESS: "1000",
      // as many connections per instance as requests can be in flight on it: none waits for a free one
      DATABASE_POOL_SIZE: String(CONNECTIONS),
    };
    servers.push(...(await Promise.all([serveProcess(env), serveProcess(env)])));
    if (process.env.SOAK_LOG_DIR)
      servers.forEach((s, i) => {
        const log = createWriteStream(`${process.env.SOAK_LOG_DIR}/soak-server-${i === 0 ? "A" : "B"}.log`);
        s.child.stdout!.pipe(log);
        s.child.stderr!.pipe(log);
      });
    process.stderr.write(
      `Two instances: ${servers.map((s) => `${s.url} (pid ${s.child.pid})`).join(", ")}\n`,
    );

    const cookies: string[] = [];
    for (const [i, user] of users.entries()) {
      const response = await fetch(`${servers[i % 2]!.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: user.username, password: TEST_PASSWORD }),
      });
      const cookie = /tansiq_session=[^;]+/.exec(response.headers.get("set-cookie") ?? "");
      if (!cookie) throw new Error(`login ${response.status}`);
      cookies.push(cookie[0]);
    }

    const counts = { requests: 0, errors: 0, reads: 0, writes: 0 };
    const errors: string[] = [];
    const latencies: number[] = [];
    const acknowledged: string[] = [];
    const known: string[] = [];
    const started = performance.now();
    const endAt = started + MINUTES * 60_000;
    const warmEnd = started + WARMUP_MINUTES * 60_000;
    const samples: { at: number; rss: number[] }[] = [];
    const sampler = setInterval(() => {
      samples.push({ at: performance.now(), rss: servers.map((s) => rssKb(s.child.pid!)) });
      const last = samples.at(-1)!;
      process.stderr.write(
        `  ${((last.at - started) / 60_000).toFixed(1)} min: ${counts.requests} requests, ${counts.errors} errors, ` +
          `${acknowledged.length} writes; RSS ${last.rss.map((kb) => `${Math.round(kb / 1024)} MB`).join(", ")}\n`,
      );
    }, SAMPLE_EVERY_MS);

    async function request(worker: number, method: string, path: string, body?: unknown) {
      // each connection alternates its instance: a session made on one is used on both
      const server = servers[(worker + counts.requests) % 2]!;
      const t0 = performance.now();
      try {
        const response = await fetch(`${server.url}${path}`, {
          method,
          headers: { cookie: cookies[worker]!, ...(body ? { "content-type": "application/json" } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        const text = await response.text();
        latencies.push(performance.now() - t0);
        counts.requests++;
        if (response.status >= 400) {
          counts.errors++;
          if (errors.length < 20) errors.push(`${method} ${path} → ${response.status} ${text.slice(0, 200)}`);
          return null;
        }
        return text ? (JSON.parse(text) as { data: unknown }) : null;
      } catch (error) {
        counts.requests++;
        counts.errors++;
        if (errors.length < 20) errors.push(`${method} ${path} → ${String(error)}`);
        return null;
      }
    }

    async function worker(w: number) {
      let n = 0;
      while (performance.now() < endAt) {
        n++;
        await new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random())));
        const roll = Math.random();
        if (roll < 0.25) {
          const body = await request(w, "POST", "/api/v1/tasks", {
            titleAr: `مهمة التحمل ${w}-${n}`,
            agencyId: agency.id,
            dueOn: "2027-02-01",
          });
          counts.writes++;
          const id = (body?.data as { id?: string } | undefined)?.id;
          if (id) {
            acknowledged.push(id);
            known.push(id);
          }
        } else {
          counts.reads++;
          const id = known.length > 0 ? known[Math.floor(Math.random() * known.length)] : undefined;
          if (roll < 0.45) await request(w, "GET", "/api/v1/tasks?pageSize=25");
          else if (roll < 0.6) await request(w, "GET", "/api/v1/tasks/board");
          else if (roll < 0.75 && id) await request(w, "GET", `/api/v1/tasks/${id}`);
          else if (roll < 0.85 && id) await request(w, "GET", `/api/v1/tasks/${id}/timeline`);
          else if (roll < 0.93) await request(w, "GET", "/api/v1/notifications");
          else await request(w, "GET", "/api/auth/me");
        }
      }
    }

    await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)));
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;

    // Every acknowledged write is there, with its audit event; the chain verifies.
    const present = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from tasks t
          join json_array_elements_text(${JSON.stringify(acknowledged)}::json) a(id) on t.id = a.id::uuid`,
    );
    const audited = await queryRows<{ n: number }>(
      database.db,
      sql`select count(distinct e.entity_id)::int as n from audit_events e
          join json_array_elements_text(${JSON.stringify(acknowledged)}::json) a(id) on e.entity_id = a.id
          where e.action = 'task.create'`,
    );
    const chain = await verifyAuditChain(database.db);

    const afterWarmup = samples.filter((s) => s.at >= warmEnd && s.at < warmEnd + 60_000);
    const lastMinute = samples.filter((s) => s.at >= samples.at(-1)!.at - 60_000);
    const memory = servers.map((_, i) => {
      const base = median(afterWarmup.map((s) => s.rss[i]!));
      const end = median(lastMinute.map((s) => s.rss[i]!));
      return { baseMb: base / 1024, endMb: end / 1024, growth: (end - base) / base };
    });
    latencies.sort((x, y) => x - y);

    const result = {
      minutes: MINUTES,
      connections: CONNECTIONS,
      instances: 2,
      requests: counts.requests,
      perSecond: Math.round(counts.requests / seconds),
      reads: counts.reads,
      writes: counts.writes,
      errors: counts.errors,
      latencyMs: {
        p50: Math.round(percentile(latencies, 0.5)),
        p95: Math.round(percentile(latencies, 0.95)),
        p99: Math.round(percentile(latencies, 0.99)),
        max: Math.round(latencies.at(-1) ?? 0),
      },
      writesAcknowledged: acknowledged.length,
      writesPresent: present[0]!.n,
      writesAudited: audited[0]!.n,
      auditChain: chain.ok ? `intact (${chain.count} events)` : `broken: ${chain.reason}`,
      memory: memory.map((m, i) => ({
        instance: i === 0 ? "A" : "B",
        afterWarmupMb: Math.round(m.baseMb),
        endMb: Math.round(m.endMb),
        growthPercent: Number((m.growth * 100).toFixed(1)),
      })),
    };
    console.log(JSON.stringify(result, null, 2));
    if (errors.length > 0) console.error(`First errors:\n${errors.join("\n")}`);
    const ok =
      counts.errors === 0 &&
      result.writesPresent === acknowledged.length &&
      result.writesAudited === acknowledged.length &&
      chain.ok &&
      memory.every((m) => m.growth <= 0.1);
    console.log(ok ? "Soak passed." : "Soak FAILED.");
    process.exitCode = ok ? 0 : 1;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.close();
    await bench.drop();
  }
}

await main();
