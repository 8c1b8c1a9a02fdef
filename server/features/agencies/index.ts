import { and, eq, inArray } from "drizzle-orm";
import type { Language } from "../../../common/enums";
import type { Ctx } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { agenciesVisibleTo } from "./agencies.policy";
import { agencies } from "./agencies.table";

export { agencies } from "./agencies.table";
export type { AgencyRow } from "./agencies.table";
export { agencyRoutes } from "./agencies.routes";
export { agenciesPolicy, agenciesVisibleTo } from "./agencies.policy";
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

/**
 * Active agencies among these ids that the actor may see (every one for system work: the seed, the CLI), with
 * their names. The one check of a reference to an agency: a hidden agency is as absent as an unknown id.
 */
export async function visibleActiveAgencies(
  db: Db,
  ctx: Ctx,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, { nameAr: string }>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === "string"))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: agencies.id, nameAr: agencies.nameAr })
    .from(agencies)
    .where(
      and(
        inArray(agencies.id, wanted),
        eq(agencies.isActive, true),
        ctx.actor ? agenciesVisibleTo(ctx.actor) : undefined,
      ),
    );
  return new Map(rows.map((r) => [r.id, { nameAr: r.nameAr }]));
}

/**
 * Refuses a reference to an agency that does not exist, is inactive or that the actor may not see, naming the
 * field: the same answer in all three cases, so a refusal tells nothing about a hidden agency.
 */
export async function assertActiveAgency(
  db: Db,
  ctx: Ctx,
  agencyId: string,
  field = "agencyId",
): Promise<void> {
  const found = await visibleActiveAgencies(db, ctx, [agencyId]);
  if (!found.has(agencyId))
    throw new AppError("validation_failed", { fields: [{ field, issue: "invalid_value" }] });
}
