import { asc, desc, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditEvents } from "./audit.table";
import { auditKey } from "./audit-key";
import { GENESIS_HASH, chainLink } from "./canonical";

const CHAIN_LOCK = 7_342_119; // one chainer at a time, across instances; writers never take it
const BATCH = 1000;
const CHAIN_EVERY_MS = 1000;

export type ChainHead = { position: number; link: string; seq: number; at: string };

/**
 * Links the committed events not yet in the chain, in the order found (by sequence within one pass): each gets
 * the next position, the previous link, and its own link. Runs in short transactions of its own, under a lock
 * only chainers take. Returns how many events it linked.
 */
export async function chainAuditEvents(db: Db): Promise<number> {
  const key = auditKey();
  let linked = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
      const pending = await tx
        .select({ seq: auditEvents.seq, hash: auditEvents.hash })
        .from(auditEvents)
        .where(isNull(auditEvents.position))
        .orderBy(asc(auditEvents.seq))
        .limit(BATCH);
      if (pending.length === 0) return 0;
      const [head] = await tx
        .select({ position: auditEvents.position, link: auditEvents.link })
        .from(auditEvents)
        .where(isNotNull(auditEvents.position))
        .orderBy(desc(auditEvents.position))
        .limit(1);
      let position = head?.position ?? 0;
      let prevHash = head?.link ?? GENESIS_HASH;
      const rows = pending.map((event) => {
        position++;
        const link = chainLink(key, prevHash, position, event.hash);
        const row = { seq: event.seq, position, prev_hash: prevHash, link };
        prevHash = link;
        return row;
      });
      await tx.execute(sql`
        update audit_events a
        set position = v.position, prev_hash = v.prev_hash, link = v.link
        from json_to_recordset(${JSON.stringify(rows)}::json)
          as v(seq bigint, position bigint, prev_hash text, link text)
        where a.seq = v.seq`);
      return rows.length;
    });
    linked += n;
    if (n < BATCH) return linked;
  }
}

/** The newest chained event: what `audit anchor` publishes and the weekly report prints. */
export async function auditChainHead(db: Db): Promise<ChainHead | null> {
  const [head] = await db
    .select({
      position: auditEvents.position,
      link: auditEvents.link,
      seq: auditEvents.seq,
      at: auditEvents.at,
    })
    .from(auditEvents)
    .where(isNotNull(auditEvents.position))
    .orderBy(desc(auditEvents.position))
    .limit(1);
  if (!head || head.position === null || head.link === null) return null;
  return { position: head.position, link: head.link, seq: head.seq, at: head.at.toISOString() };
}

/** A serving instance links new events within about a second of their commit. Returns the stop function. */
export function startAuditChainer(db: Db, onError: (error: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    chainAuditEvents(db)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, CHAIN_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
