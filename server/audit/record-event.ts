import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { queryRows } from "../db/client";
import type { Ctx } from "../authz/actor";
import { auditEvents } from "./audit.table";
import { auditKey } from "./audit-key";
import { eventMac, type ChainedContent } from "./canonical";

const SECRET_KEYS = new Set(["passwordHash", "totpSecret", "searchKey"]);

/** A record as the audit log keeps it: plain JSON, without secrets. */
export function auditSnapshot(record: unknown): unknown {
  if (record === null || record === undefined) return null;
  return JSON.parse(
    JSON.stringify(record, (key, value: unknown) => (SECRET_KEYS.has(key) ? undefined : value)),
  ) as unknown;
}

/**
 * Appends one event to the audit log inside the caller's transaction: the change and its record commit or roll
 * back together. No lock is taken: the event gets the next number of a sequence and its HMAC here, and the
 * chainer (chain-events.ts) links it into the chain once it is committed (docs/decisions/0009).
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
  const [next] = await queryRows<{ seq: string }>(
    tx,
    sql`select nextval('audit_events_seq_seq')::text as seq`,
  );
  if (!next) throw new Error("nextval returned nothing");
  const content: ChainedContent = {
    seq: Number(next.seq),
    at: ctx.now.toISOString(),
    actorId: ctx.actor?.userId ?? ctx.actorId ?? null,
    actorLabel: ctx.actor?.username ?? ctx.actorLabel ?? "system",
    action,
    entity,
    entityId,
    before: auditSnapshot(before),
    after: auditSnapshot(after),
  };
  await tx.insert(auditEvents).values({ ...content, at: ctx.now, hash: eventMac(auditKey(), content) });
}
