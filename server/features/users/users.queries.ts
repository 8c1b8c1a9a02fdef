import { and, asc, count, eq } from "drizzle-orm";
import type { UserListQuery } from "../../../common/schemas/users";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { activeFilter, matchesSearch, pageWindow } from "../../http/pagination";
import { usersVisibleTo } from "./users.policy";
import { users, type UserRow } from "./users.table";

export async function findUser(db: Db, actor: Actor, id: string): Promise<UserRow> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), usersVisibleTo(actor)));
  if (!row) throw new AppError("not_found");
  return row;
}

export async function listUsers(db: Db, actor: Actor, query: UserListQuery) {
  const where = and(
    usersVisibleTo(actor),
    activeFilter(users.isActive, query.status),
    query.agencyId ? eq(users.agencyId, query.agencyId) : undefined,
    query.role ? eq(users.role, query.role) : undefined,
    matchesSearch(users.searchKey, query.q),
  );
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db.select().from(users).where(where).orderBy(asc(users.username)).limit(limit).offset(offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
