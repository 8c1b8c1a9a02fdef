import { and, eq, inArray } from "drizzle-orm";
import type { Language } from "../../../common/enums";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { agencies } from "./agencies.table";

export { agencies } from "./agencies.table";
export type { AgencyRow } from "./agencies.table";
export { agencyRoutes } from "./agencies.routes";
export { agenciesPolicy } from "./agencies.policy";
export { createAgency } from "./create-agency";

/**
 * Agencies' names in the reader's language (English falls back to Arabic), for exports and documents: those of
 * `ids` in one query, or every agency when `ids` is left out.
 */
export async function agencyNames(
  db: Db,
  language: Language,
  ids?: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = ids && [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted?.length === 0) return new Map();
  const rows = await db
    .select({ id: agencies.id, nameAr: agencies.nameAr, nameEn: agencies.nameEn })
    .from(agencies)
    .where(wanted ? inArray(agencies.id, wanted) : undefined);
  return new Map(rows.map((a) => [a.id, language === "en" ? (a.nameEn ?? a.nameAr) : a.nameAr]));
}

/** Refuses a reference to an agency that does not exist or is inactive, naming the field. */
export async function assertActiveAgency(db: Db, agencyId: string, field = "agencyId"): Promise<void> {
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.isActive, true)));
  if (!row) throw new AppError("validation_failed", { fields: [{ field, issue: "invalid_value" }] });
}
