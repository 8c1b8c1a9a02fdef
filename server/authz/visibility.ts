import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Sensitivity, ShareEntity } from "../../common/enums";
import { inline } from "../db/inline";
import type { Actor } from "./actor";
import { recordShares } from "./shares.table";

export type Owned = { agencyId: string; sensitivity: Sensitivity };

export const isLeadership = (actor: Actor) => actor.role === "leadership";
export const isAdmin = (actor: Actor) => actor.role === "admin";
export const isOwnAgency = (actor: Actor, record: { agencyId: string }) => record.agencyId === actor.agencyId;

/**
 * The one visibility rule: internal records are seen by every signed-in user; restricted ones by their agency
 * and the agencies it shares them with (observers excepted), and by leadership. `entity` is the name shares are
 * kept under (SHARE_ENTITIES), or null for records that are never shared. `alsoSeesAll` widens it for a
 * feature (e.g. admin over the directory of agencies and users).
 */
export function visibleWhere(
  actor: Actor,
  table: { id: PgColumn; agencyId: PgColumn; sensitivity: PgColumn },
  entity: ShareEntity | null,
  alsoSeesAll: (actor: Actor) => boolean = () => false,
): SQL | undefined {
  if (isLeadership(actor) || alsoSeesAll(actor)) return undefined;
  // The values are written into the statement (inline): each reader's lists keep one plan.
  const internal = eq(table.sensitivity, inline("internal"));
  if (actor.role === "observer") return internal;
  const own = eq(table.agencyId, inline(actor.agencyId));
  if (entity === null) return or(internal, own);
  const shared = sql`exists (select 1 from ${recordShares} where ${and(
    eq(recordShares.entity, inline(entity)),
    eq(recordShares.entityId, table.id),
    eq(recordShares.agencyId, inline(actor.agencyId)),
  )})`;
  return or(internal, own, shared);
}
