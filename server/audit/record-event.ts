import { desc, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { Ctx } from "../authz/actor";
import { auditEvents } from "./audit.table";
import { GENESIS_HASH, eventHash, type ChainedContent } from "./canonical";

const AUDIT_CHAIN_LOCK = 7_342_119; // serialises appends so that the chain never forks
const SECRET_KEYS = new Set(["passwordHash", "totpSecret", "searchKey"]);

/** A record as the audit log keeps it: plain JSON, without secrets. */
export function auditSnapshot(record: unknown): unknown {
  if (record === null || record === undefined) return null;
  return JSON.parse(
    JSON.stringify(record, (key, value: unknown) => (SECRET_KEYS.has(key) ? undefined : value)),
  ) as unknown;
}

/**
 * Appends one event to the hash-chained audit log, inside the caller's transaction: the change and its
 * record commit or roll back together.
 */
export async function recordEvent(
  tx: Db,
  ctx: Ctx,
  action: string,
  entity: string,
  entityId: string | null,
  before: unknown,
  after: unknown,
): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const content: ChainedContent = {
    seq: (last?.seq ?? 0) + 1,
    at: ctx.now.toISOString(),
    actorId: ctx.actor?.userId ?? ctx.actorId ?? null,
    actorLabel: ctx.actor?.username ?? ctx.actorLabel ?? "system",
    action,
    entity,
    entityId,
    before: auditSnapshot(before),
    after: auditSnapshot(after),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvents).values({
    ...content,
    at: ctx.now,
    prevHash,
    hash: eventHash(prevHash, content),
  });
}
