import { asc, gt } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditEvents } from "./audit.table";
import { GENESIS_HASH, eventHash } from "./canonical";

export type ChainReport =
  | { ok: true; count: number }
  | { ok: false; count: number; seq: number; reason: "missing" | "reordered" | "broken_link" | "altered" };

const BATCH = 2000;

/** Walks the whole chain in order; the first event that does not fit is named. */
export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(BATCH);
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          count,
          seq: expectedSeq,
          reason: row.seq > expectedSeq ? "missing" : "reordered",
        };
      }
      if (row.prevHash !== prevHash) return { ok: false, count, seq: row.seq, reason: "broken_link" };
      const hash = eventHash(prevHash, {
        seq: row.seq,
        at: row.at.toISOString(),
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        before: row.before ?? null,
        after: row.after ?? null,
      });
      if (hash !== row.hash) return { ok: false, count, seq: row.seq, reason: "altered" };
      prevHash = row.hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < BATCH) return { ok: true, count };
  }
}
