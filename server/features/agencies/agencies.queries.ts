import { and, asc, count, eq, sql } from "drizzle-orm";
import type { AgencyListQuery } from "../../../common/schemas/agencies";
import type { Actor } from "../../authz/actor";
import { queryRows, type Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { activeFilter, matchesSearch, pageWindow } from "../../http/pagination";
import { agenciesVisibleTo } from "./agencies.policy";
import { agencies, type AgencyRow } from "./agencies.table";

/** One agency the actor may see, or `not_found` (existence of a hidden agency is not revealed). */
export async function findAgency(db: Db, actor: Actor, id: string): Promise<AgencyRow> {
  const [row] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.id, id), agenciesVisibleTo(actor)));
  if (!row) throw new AppError("not_found");
  return row;
}

export async function listAgencies(db: Db, actor: Actor, query: AgencyListQuery) {
  const where = and(
    agenciesVisibleTo(actor),
    activeFilter(agencies.isActive, query.status),
    query.kind ? eq(agencies.kind, query.kind) : undefined,
    query.parentId ? eq(agencies.parentId, query.parentId) : undefined,
    matchesSearch(agencies.searchKey, query.q),
  );
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db.select().from(agencies).where(where).orderBy(asc(agencies.code)).limit(limit).offset(offset),
    db.select({ n: count() }).from(agencies).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every visible agency, for the tree (an agency directory is hundreds of rows, not millions). */
export async function listAgencyTree(db: Db, actor: Actor, status: "active" | "inactive" | "all") {
  return db
    .select()
    .from(agencies)
    .where(and(agenciesVisibleTo(actor), activeFilter(agencies.isActive, status)))
    .orderBy(asc(agencies.code))
    .limit(5000);
}

/** True when `candidateParentId` is `agencyId` or one of its descendants (the move would make a cycle). */
export async function isSelfOrDescendant(
  db: Db,
  agencyId: string,
  candidateParentId: string,
): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    db,
    sql`
    with recursive below(id) as (
      select ${agencyId}::uuid
      union
      select a.id from ${agencies} a join below b on a.parent_id = b.id
    )
    select exists(select 1 from below where id = ${candidateParentId}::uuid) as found`,
  );
  return Boolean(rows[0]?.found);
}
