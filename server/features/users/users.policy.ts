import type { Role } from "../../../common/enums";
import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isAdmin, visibleWhere } from "../../authz/visibility";
import { users, type UserRow } from "./users.table";

/** The roles a manager may give to, and manage for, people of their own agency. */
export const ROLES_A_MANAGER_MANAGES: readonly Role[] = ["officer", "observer", "trainer"];

const isManager = (actor: Actor) => actor.role === "manager";

/** May the actor manage an account with this agency and role (as it is, or as it would become)? */
export function canManageAccount(actor: Actor, account: Pick<UserRow, "agencyId" | "role">): boolean {
  if (isAdmin(actor)) return true;
  return (
    isManager(actor) && account.agencyId === actor.agencyId && ROLES_A_MANAGER_MANAGES.includes(account.role)
  );
}

export const usersPolicy = definePolicy({
  entity: "users",
  routes: {
    read: () => true,
    create: (actor: Actor) => isAdmin(actor) || isManager(actor),
    update: (actor: Actor) => isAdmin(actor) || isManager(actor),
    deactivate: (actor: Actor) => isAdmin(actor) || isManager(actor),
    resetPassword: (actor: Actor) => isAdmin(actor) || isManager(actor),
  },
  record: {
    update: (actor: Actor, user: UserRow) => canManageAccount(actor, user),
    deactivate: (actor: Actor, user: UserRow) =>
      canManageAccount(actor, user) && user.isActive && user.id !== actor.userId,
    reactivate: (actor: Actor, user: UserRow) => canManageAccount(actor, user) && !user.isActive,
    resetPassword: (actor: Actor, user: UserRow) => canManageAccount(actor, user) && user.id !== actor.userId,
  },
});

export const usersVisibleTo = (actor: Actor) => visibleWhere(actor, users, null, isAdmin);
