import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Append-only log of every change (a trigger refuses UPDATE and DELETE; docs/decisions/0009). A writer appends
 * its event in its own transaction: `seq` comes from a sequence (increasing, gaps where a transaction rolled
 * back) and `hash` is the event's HMAC. The chainer (chain-events.ts) later links committed events in the order
 * it finds them: `position` (1, 2, 3 … without gaps), `prevHash` (the previous event's `link`) and `link`, an
 * HMAC over both. Events written before the chain was keyed have `keyed` false: their `hash` is the old
 * SHA-256 link and `link` repeats it.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    keyed: boolean("keyed").notNull().default(true),
    hash: text("hash").notNull(),
    position: bigint("position", { mode: "number" }),
    prevHash: text("prev_hash"),
    link: text("link"),
  },
  (t) => [
    index("audit_entity_idx").on(t.entity, t.entityId),
    index("audit_actor_idx").on(t.actorId),
    index("audit_at_idx").on(t.at),
    uniqueIndex("audit_position_idx").on(t.position),
    index("audit_unchained_idx")
      .on(t.seq)
      .where(sql`position is null`),
  ],
);
