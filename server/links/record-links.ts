import type { RecordOrigin } from "../../common/schemas/origins";
import type { Actor, Ctx } from "../authz/actor";
import type { Db } from "../db/client";

/**
 * The seam between features that turn their records into tasks or needs (meetings: commitment → task / need)
 * and the tasks and needs features themselves, which must not import them. A source feature registers here
 * (see ./index.ts); tasks and needs ask "where did this come from?" and announce "this is closed" without
 * knowing who listens. See docs/decisions/0007-commitment-links.md.
 */
export type LinkedEntity = "task" | "need";

export type LinkSource = {
  name: string;
  /** Where the record came from, as the actor may see it; null when it came from nowhere this source knows. */
  originOf(db: Db, actor: Actor, entity: LinkedEntity, id: string): Promise<RecordOrigin | null>;
  /**
   * Called inside the transaction that completes a linked record (a task done, a need fulfilled), after the
   * record is written: the source completes what it follows, audited, in the same transaction.
   */
  onCompleted(tx: Db, ctx: Ctx, entity: LinkedEntity, id: string): Promise<void>;
};

const sources = new Map<string, LinkSource>();

export function registerLinkSource(source: LinkSource): void {
  if (sources.has(source.name)) throw new Error(`link source ${source.name} registered twice`);
  sources.set(source.name, source);
}

export async function originOf(
  db: Db,
  actor: Actor,
  entity: LinkedEntity,
  id: string,
): Promise<RecordOrigin | null> {
  for (const source of sources.values()) {
    const origin = await source.originOf(db, actor, entity, id);
    if (origin) return origin;
  }
  return null;
}

/** Tells every source that a task was done or a need fulfilled, in the caller's transaction. */
export async function linkedRecordCompleted(tx: Db, ctx: Ctx, entity: LinkedEntity, id: string) {
  for (const source of sources.values()) await source.onCompleted(tx, ctx, entity, id);
}
