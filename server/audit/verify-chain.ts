import { asc, count, gte, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditEvents } from "./audit.table";
import { auditKey } from "./audit-key";
import { auditChainHead, chainAuditEvents, type ChainHead } from "./chain-events";
import { GENESIS_HASH, chainLink, eventHash, eventMac, type ChainedContent } from "./canonical";

/** A published chain head (`npx tansiq audit anchor`): the chain must still hold this link at this position. */
export type AuditAnchor = { position: number; link: string };

export type ChainFailure =
  | "missing" // a position without its event: an event was removed
  | "broken_link" // an event does not link to the one before it (reordered, or a link forged)
  | "altered" // an event's content does not match its HMAC (or, for an old unkeyed event, its SHA-256 link)
  | "unkeyed" // an unkeyed event after keyed ones: keyed events do not turn back into unkeyed ones
  | "anchor_missing" // the chain is shorter than the anchor: events were removed from its end
  | "anchor_mismatch"; // the chain holds another event at the anchored position

export type ChainReport =
  | { ok: true; count: number; unchained: number; head: ChainHead | null }
  | { ok: false; count: number; position: number; seq: number | null; reason: ChainFailure };

const BATCH = 2000;

function contentOf(row: typeof auditEvents.$inferSelect): ChainedContent {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

/**
 * Links what is pending (unless `chain: false`), then walks the whole chain in order and names the first event
 * that does not fit. With an anchor, the chain must still hold the anchored link at its position.
 */
export async function verifyAuditChain(
  db: Db,
  options: { anchor?: AuditAnchor; chain?: boolean } = {},
): Promise<ChainReport> {
  if (options.chain !== false) await chainAuditEvents(db);
  const key = auditKey();
  const anchor = options.anchor;
  let expected = 1;
  let prevHash = GENESIS_HASH;
  let keyedSeen = false;
  let anchorSeen = false;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gte(auditEvents.position, expected))
      .orderBy(asc(auditEvents.position))
      .limit(BATCH);
    for (const row of rows) {
      const fail = (reason: ChainFailure, seq: number | null = row.seq): ChainReport => ({
        ok: false,
        count: expected - 1,
        position: expected,
        seq,
        reason,
      });
      if (row.position !== expected) return fail("missing", null);
      if (row.prevHash !== prevHash) return fail("broken_link");
      const content = contentOf(row);
      if (!row.keyed) {
        if (keyedSeen) return fail("unkeyed");
        if (row.seq !== row.position || row.hash !== eventHash(prevHash, content) || row.link !== row.hash)
          return fail("altered");
      } else {
        keyedSeen = true;
        if (row.hash !== eventMac(key, content)) return fail("altered");
        if (row.link !== chainLink(key, prevHash, expected, row.hash)) return fail("broken_link");
      }
      if (anchor && anchor.position === expected) {
        if (row.link !== anchor.link) return fail("anchor_mismatch");
        anchorSeen = true;
      }
      prevHash = row.link;
      expected++;
    }
    if (rows.length < BATCH) break;
  }
  const total = expected - 1;
  if (anchor && !anchorSeen)
    return { ok: false, count: total, position: anchor.position, seq: null, reason: "anchor_missing" };
  const [pending] = await db.select({ n: count() }).from(auditEvents).where(isNull(auditEvents.position));
  return { ok: true, count: total, unchained: pending?.n ?? 0, head: await auditChainHead(db) };
}
