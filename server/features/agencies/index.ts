import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { agencies } from "./agencies.table";

export { agencies } from "./agencies.table";
export type { AgencyRow } from "./agencies.table";
export { agencyRoutes } from "./agencies.routes";
export { agenciesPolicy } from "./agencies.policy";
export { createAgency } from "./create-agency";

/** Refuses a reference to an agency that does not exist or is inactive, naming the field. */
export async function assertActiveAgency(db: Db, agencyId: string, field = "agencyId"): Promise<void> {
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.isActive, true)));
  if (!row) throw new AppError("validation_failed", { fields: [{ field, issue: "invalid_value" }] });
}
