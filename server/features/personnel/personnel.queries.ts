import { and, asc, count, eq } from "drizzle-orm";
import type { PersonListQuery } from "../../../common/schemas/personnel";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { activeFilter, matchesSearch, pageWindow } from "../../http/pagination";
import { personnelVisibleTo } from "./personnel.policy";
import { personnel, type PersonRow } from "./personnel.table";

export async function findPerson(db: Db, actor: Actor, id: string): Promise<PersonRow> {
  const [row] = await db
    .select()
    .from(personnel)
    .where(and(eq(personnel.id, id), personnelVisibleTo(actor)));
  if (!row) throw new AppError("not_found");
  return row;
}

export async function listPersonnel(db: Db, actor: Actor, query: PersonListQuery) {
  const where = and(
    personnelVisibleTo(actor),
    activeFilter(personnel.isActive, query.status),
    query.agencyId ? eq(personnel.agencyId, query.agencyId) : undefined,
    matchesSearch(personnel.searchKey, query.q),
  );
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(personnel)
      .where(where)
      .orderBy(asc(personnel.nameAr), asc(personnel.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(personnel).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
