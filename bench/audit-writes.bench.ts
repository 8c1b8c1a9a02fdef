import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { desc, sql } from "drizzle-orm";
import { auditEvents } from "../server/audit/audit.table";
import { useAuditKey } from "../server/audit/audit-key";
import { GENESIS_HASH, eventHash, type ChainedContent } from "../server/audit/canonical";
import { chainAuditEvents } from "../server/audit/chain-events";
import { recordEvent } from "../server/audit/record-event";
import { verifyAuditChain } from "../server/audit/verify-chain";
import type { Ctx } from "../server/authz/actor";
import { openDatabase, type Db } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { freshDatabase } from "./support";

// Audited writes per second from 20 connections, before and after decisions/0009, in one run: each path on its
// own fresh database. "Before" is the old recordEvent, kept here verbatim but for the table's new columns: one
// advisory lock held to commit, the last event read, the next one linked. "After" is server/audit/record-event.ts
// with the chainer running beside the writers, as in a serving instance. Each write is a transaction that
// changes one row of its worker and records the event, as a command does.
//   npm run bench:audit        (DATABASE_URL or local PostgreSQL; AUDIT_BENCH_SECONDS, default 10 per path)

const CONNECTIONS = 20;
const SECONDS = Number(process.env.AUDIT_BENCH_SECONDS ?? 10);
const OLD_CHAIN_LOCK = 7_342_119;

type Record = (tx: Db, ctx: Ctx, n: number) => Promise<void>;

async function recordEventBefore(tx: Db, ctx: Ctx, n: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${OLD_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const content: ChainedContent = {
    seq: (last?.seq ?? 0) + 1,
    at: ctx.now.toISOString(),
    actorId: null,
    actorLabel: "bench",
    action: "bench.write",
    entity: "bench_items",
    entityId: String(n),
    before: null,
    after: { n },
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx
    .insert(auditEvents)
    .values({ ...content, at: ctx.now, keyed: false, prevHash, hash: eventHash(prevHash, content) });
}

const recordEventAfter: Record = (tx, ctx, n) =>
  recordEvent(tx, ctx, "bench.write", "bench_items", String(n), null, { n });

async function run(label: string, record: Record, withChainer: boolean) {
  const bench = await freshDatabase(`tansiq_bench_audit_${label}`);
  const database = await openDatabase({ engine: "postgres", url: bench.url, poolSize: CONNECTIONS + 2 });
  try {
    await migrateDatabase(database);
    await database.db.execute(sql`create table bench_items (id int primary key, n int not null)`);
    await database.db.execute(
      sql`insert into bench_items select i, 0 from generate_series(0, ${CONNECTIONS - 1}) as i`,
    );
    const ctx: Ctx = { actor: null, now: new Date(), actorLabel: "bench" };
    const until = performance.now() + SECONDS * 1000;
    const latencies: number[] = [];
    let chained = 0;
    let chaining = true;
    const chainer = (async () => {
      while (withChainer && chaining) {
        chained += await chainAuditEvents(database.db);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, worker) => {
        for (let n = 0; performance.now() < until; n++) {
          const t0 = performance.now();
          await database.db.transaction(async (tx) => {
            await tx.execute(sql`update bench_items set n = n + 1 where id = ${worker}`);
            await record(tx, ctx, n);
          });
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    chaining = false;
    await chainer;
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(1);
    const result = {
      path: label,
      writes: latencies.length,
      perSecond: Math.round(latencies.length / elapsed),
      p50ms: at(0.5),
      p95ms: at(0.95),
      p99ms: at(0.99),
    };
    if (withChainer) {
      const t0 = performance.now();
      const report = await verifyAuditChain(database.db);
      Object.assign(result, {
        chainedDuringRun: chained,
        verify: report.ok ? `ok, ${report.count} events` : `FAILED ${report.reason}`,
        verifyMs: Math.round(performance.now() - t0),
      });
    }
    return result;
  } finally {
    await database.close();
    await bench.drop();
  }
}

useAuditKey(randomBytes(32));
console.log(`${CONNECTIONS} connections, ${SECONDS} s per path`);
const before = await run("before", recordEventBefore, false);
console.log(before);
const after = await run("after", recordEventAfter, true);
console.log(after);
console.log(`after / before: ${(after.perSecond / before.perSecond).toFixed(2)}×`);
