import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isAdmin, visibleWhere } from "../../authz/visibility";
import { personnel, type PersonRow } from "./personnel.table";

const isStaff = (actor: Actor) => actor.role === "manager" || actor.role === "officer";

/** Admin keeps the whole register; a manager or officer keeps their own agency's people. */
export function canKeepPerson(actor: Actor, person: Pick<PersonRow, "agencyId">): boolean {
  return isAdmin(actor) || (isStaff(actor) && person.agencyId === actor.agencyId);
}

const canDeactivate = (actor: Actor, person: PersonRow) =>
  isAdmin(actor) || (actor.role === "manager" && person.agencyId === actor.agencyId);

export const personnelPolicy = definePolicy({
  entity: "personnel",
  routes: {
    read: () => true,
    create: (actor: Actor) => isAdmin(actor) || isStaff(actor),
    update: (actor: Actor) => isAdmin(actor) || isStaff(actor),
    deactivate: (actor: Actor) => isAdmin(actor) || actor.role === "manager",
  },
  record: {
    update: (actor: Actor, person: PersonRow) => canKeepPerson(actor, person),
    deactivate: (actor: Actor, person: PersonRow) => canDeactivate(actor, person) && person.isActive,
    reactivate: (actor: Actor, person: PersonRow) => canDeactivate(actor, person) && !person.isActive,
  },
});

export const personnelVisibleTo = (actor: Actor) => visibleWhere(actor, personnel, null, isAdmin);
