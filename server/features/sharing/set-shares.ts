import { and, eq, inArray } from "drizzle-orm";
import type { Actor, Ctx } from "../../authz/actor";
import { recordShares } from "../../authz/shares.table";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { publishChange } from "../../live/publish-change";
import { AppError } from "../../http/app-error";
import { agencies, visibleActiveAgencies } from "../agencies";
import { agenciesVisibleTo } from "../agencies/agencies.policy";
import type { SharedRecord } from "./shared-records";

/** The agencies a record is shared with, among those the actor may see, by Arabic name. */
export async function sharesOf(db: Db, actor: Actor, record: SharedRecord) {
  return db
    .select({ id: agencies.id, nameAr: agencies.nameAr, nameEn: agencies.nameEn })
    .from(recordShares)
    .innerJoin(agencies, eq(agencies.id, recordShares.agencyId))
    .where(
      and(
        eq(recordShares.entity, record.entity),
        eq(recordShares.entityId, record.id),
        agenciesVisibleTo(actor),
      ),
    )
    .orderBy(agencies.nameAr);
}

/**
 * Sets the agencies a restricted record is shared with: those missing are unshared, new ones shared; one audit
 * event with the lists before and after, under the record's own name (the audit view shows it to whoever sees
 * the record). Every agency must be active and visible to the actor, and not the owner.
 */
export async function setShares(tx: Db, ctx: Ctx, actor: Actor, record: SharedRecord, agencyIds: string[]) {
  const wanted = [...new Set(agencyIds)];
  if (wanted.length > 0 && record.sensitivity !== "restricted") {
    throw new AppError("validation_failed", { fields: [{ field: "agencyIds", issue: "not_restricted" }] });
  }
  const where = and(eq(recordShares.entity, record.entity), eq(recordShares.entityId, record.id));
  const before = (
    await tx.select({ agencyId: recordShares.agencyId }).from(recordShares).where(where).for("update")
  )
    .map((r) => r.agencyId)
    .sort();
  // Only new agencies are checked: one kept from before stays shared even if it has since been deactivated.
  const found = await visibleActiveAgencies(
    tx,
    ctx,
    wanted.filter((id) => !before.includes(id)),
  );
  const bad = agencyIds.findIndex((id) => id === record.agencyId || (!before.includes(id) && !found.has(id)));
  if (bad >= 0) {
    throw new AppError("validation_failed", {
      fields: [{ field: `agencyIds.${bad}`, issue: "invalid_value" }],
    });
  }
  const removed = before.filter((id) => !wanted.includes(id));
  const added = wanted.filter((id) => !before.includes(id));
  if (removed.length === 0 && added.length === 0) return;
  if (removed.length > 0)
    await tx.delete(recordShares).where(and(where, inArray(recordShares.agencyId, removed)));
  if (added.length > 0) {
    await tx
      .insert(recordShares)
      .values(added.map((agencyId) => ({ entity: record.entity, entityId: record.id, agencyId })));
  }
  await recordEvent(
    tx,
    ctx,
    "share.set",
    record.audit,
    record.id,
    { sharedWith: before },
    { sharedWith: [...wanted].sort() },
  );
  // A partner's open pages (lists, the dashboard) take in the record it now sees, at commit.
  if (record.live) await publishChange(tx, { entity: record.live, id: record.id });
}
