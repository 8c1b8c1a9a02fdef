import { and, asc, eq, sql } from "drizzle-orm";
import type { SeizureRegisterQuery } from "../../../common/schemas/incidents";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { incidentFilters } from "./incidents.queries";
import { incidentsVisibleTo, referralsVisibleTo } from "./incidents.policy";
import { incidents, seizures, victimReferrals, type ReferralRow, type SeizureRow } from "./incidents.table";

/** A seizure whose incident the actor may see, with the incident's agency (custody is that agency's). */
export async function findSeizureForUpdate(
  tx: Db,
  actor: Actor,
  id: string,
): Promise<SeizureRow & { agencyId: string }> {
  const [row] = await tx
    .select({ seizure: seizures, agencyId: incidents.agencyId })
    .from(seizures)
    .innerJoin(incidents, eq(incidents.id, seizures.incidentId))
    .where(and(eq(seizures.id, id), incidentsVisibleTo(actor)))
    .for("update", { of: seizures });
  if (!row) throw new AppError("not_found");
  return { ...row.seizure, agencyId: row.agencyId };
}

/** A referral the actor may see (its agency's, or leadership), locked for a change. */
export async function findReferralForUpdate(tx: Db, actor: Actor, id: string): Promise<ReferralRow> {
  const [row] = await tx
    .select()
    .from(victimReferrals)
    .where(and(eq(victimReferrals.id, id), referralsVisibleTo(actor)))
    .for("update");
  if (!row) throw new AppError("not_found");
  return row;
}

/** The seizures register: count, quantity and value by item (and its kind and unit) and custody status. */
export async function seizureTotals(db: Db, actor: Actor, query: SeizureRegisterQuery) {
  const { item, custodyStatus, ...filters } = query;
  const rows = await db
    .select({
      item: seizures.item,
      kind: seizures.kind,
      unit: seizures.unit,
      custodyStatus: seizures.custodyStatus,
      count: sql<number>`count(*)::int`,
      quantity: sql<number>`coalesce(sum(${seizures.quantity}), 0)::float8`,
      estimatedValueLyd: sql<number>`coalesce(sum(${seizures.estimatedValueLyd}), 0)::float8`,
    })
    .from(seizures)
    .innerJoin(incidents, eq(incidents.id, seizures.incidentId))
    .where(
      and(
        incidentFilters(actor, filters),
        item ? eq(seizures.item, item) : undefined,
        custodyStatus ? eq(seizures.custodyStatus, custodyStatus) : undefined,
      ),
    )
    .groupBy(seizures.item, seizures.kind, seizures.unit, seizures.custodyStatus)
    .orderBy(asc(seizures.item), asc(seizures.kind), asc(seizures.unit), asc(seizures.custodyStatus));
  return rows;
}
