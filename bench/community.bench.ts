import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { solveWork } from "../common/community/proof-of-work";
import { normalizeTrackingCode } from "../common/community/tracking-code";
import { useAuditKey } from "../server/audit/audit-key";
import { verifyAuditChain } from "../server/audit/verify-chain";
import { openDatabase, queryRows } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { hashTrackingCode } from "../server/features/community/submit-report";
import { buildAgency, buildUser } from "../server/test/factories";
import { serveProcess, type ServerProcess } from "../server/test/serve";
import { freshDatabase } from "./support";

// Community reports under load (issue 15): 200 submissions a minute from as many client addresses, for 2 minutes,
// across two `tansiq serve` instances on one PostgreSQL (behind a trusted proxy that names each client in
// X-Forwarded-For). Each submission asks a challenge, does the proof of work and sends the report, as the page does.
// Passes when none failed, every acknowledged code is stored exactly once (none lost, none doubled), nothing was
// stored that was not acknowledged, the audit chain verifies, and each server's resident memory at the end is within
// 15 % of what it was after the first 30 seconds.
//   npm run bench:community   (DATABASE_URL or local PostgreSQL; COMMUNITY_RATE per minute, COMMUNITY_MINUTES)

const RATE = Number(process.env.COMMUNITY_RATE ?? 200);
const MINUTES = Number(process.env.COMMUNITY_MINUTES ?? 2);
const WARMUP_MS = 30_000;
const AUDIT_KEY = process.env.TANSIQ_AUDIT_KEY ?? "tansiq-community-bench-key-0123456789abcdef";

const rssKb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function main() {
  useAuditKey(Buffer.from(AUDIT_KEY));
  const bench = await freshDatabase("tansiq_bench_community");
  const database = await openDatabase({ engine: "postgres", url: bench.url, poolSize: 4, operations: true });
  const servers: ServerProcess[] = [];
  try {
    await migrateDatabase(database);
    const directorate = await buildAgency(database.db, { kind: "directorate" });
    await database.db.execute(
      sql`update agencies set district_pcode = 'LY0104' where id = ${directorate.id}`,
    );
    await buildUser(database.db, { role: "manager", agencyId: directorate.id });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: bench.url,
      TANSIQ_AUDIT_KEY: AUDIT_KEY,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      TRUST_PROXY: "127.0.0.1",
    };
    servers.push(...(await Promise.all([serveProcess(env), serveProcess(env)])));
    process.stderr.write(`Two instances: ${servers.map((s) => s.url).join(", ")}\n`);

    const acknowledged: string[] = [];
    const failures: string[] = [];
    const latencies: number[] = [];
    const samples: { at: number; rss: number[] }[] = [];
    const started = performance.now();
    const total = RATE * MINUTES;
    const sampler = setInterval(() => {
      samples.push({ at: performance.now() - started, rss: servers.map((s) => rssKb(s.child.pid!)) });
      const last = samples.at(-1)!;
      process.stderr.write(
        `  ${(last.at / 1000).toFixed(0)} s: ${acknowledged.length} acknowledged, ${failures.length} failed; RSS ${last.rss.map((kb) => `${Math.round(kb / 1024)} MB`).join(", ")}\n`,
      );
    }, 5_000);

    async function submitOne(i: number) {
      const server = servers[i % 2]!;
      const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      const headers = { "x-forwarded-for": address, "accept-language": "ar" };
      const t0 = performance.now();
      try {
        const c = await fetch(`${server.url}/api/public/community/challenge`, { headers });
        if (c.status !== 200) throw new Error(`challenge ${c.status} ${await c.text()}`);
        const { challenge, bits } = ((await c.json()) as { data: { challenge: string; bits: number } }).data;
        const r = await fetch(`${servers[(i + 1) % 2]!.url}/api/public/community/reports`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({
            category: "smuggling",
            text: `بلاغ تحميل رقم ${i}: شاحنة ${Math.random().toString(36).slice(2)} تعبر الطريق الساحلي ليلاً`,
            districtPcode: "LY0104",
            when: "today",
            challenge,
            nonce: solveWork(challenge, bits),
          }),
        });
        const text = await r.text();
        if (r.status !== 201) throw new Error(`submit ${r.status} ${text.slice(0, 200)}`);
        acknowledged.push((JSON.parse(text) as { data: { code: string } }).data.code);
        latencies.push(performance.now() - t0);
      } catch (error) {
        failures.push(String(error));
      }
    }

    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 60_000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(submitOne(i));
    }
    await Promise.all(inFlight);
    clearInterval(sampler);
    const elapsed = (performance.now() - started) / 1000;

    const hashes = acknowledged.map((code) => hashTrackingCode(normalizeTrackingCode(code)!));
    const [stored] = await queryRows<{ rows: string; matched: string; distinct_codes: string }>(
      database.db,
      sql`select (select count(*) from community_reports) as rows,
                 (select count(*) from community_reports where code_hash in (select jsonb_array_elements_text(${JSON.stringify(hashes)}::jsonb))) as matched,
                 (select count(distinct code_hash) from community_reports) as distinct_codes`,
    );
    const chain = await verifyAuditChain(database.db);
    const warm = samples.find((s) => s.at >= WARMUP_MS) ?? samples[0]!;
    const end = samples.at(-1)!;
    const growth = end.rss.map((kb, i) => kb / warm.rss[i]! - 1);
    const sorted = [...latencies].sort((a, b) => a - b);
    const figures = {
      offered: total,
      seconds: Math.round(elapsed),
      perMinute: Math.round((acknowledged.length / elapsed) * 60),
      acknowledged: acknowledged.length,
      failed: failures.length,
      storedRows: Number(stored!.rows),
      acknowledgedFound: Number(stored!.matched),
      distinctCodes: Number(stored!.distinct_codes),
      latencyMs: { p50: Math.round(percentile(sorted, 0.5)), p95: Math.round(percentile(sorted, 0.95)) },
      rssMb: {
        afterWarmup: warm.rss.map((kb) => Math.round(kb / 1024)),
        end: end.rss.map((kb) => Math.round(kb / 1024)),
      },
      rssGrowth: growth.map((g) => `${(g * 100).toFixed(1)} %`),
      auditChain: chain,
    };
    console.log(JSON.stringify(figures, null, 2));
    if (failures.length) console.log(failures.slice(0, 10).join("\n"));
    const ok =
      failures.length === 0 &&
      figures.storedRows === acknowledged.length &&
      figures.acknowledgedFound === acknowledged.length &&
      figures.distinctCodes === acknowledged.length &&
      growth.every((g) => g < 0.15);
    console.log(ok ? "PASS" : "FAIL");
    if (!ok) process.exitCode = 1;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.close();
    await bench.drop();
  }
}

await main();
