import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isAdmin, visibleWhere } from "../../authz/visibility";
import type { AgencyRow } from "./agencies.table";
import { agencies } from "./agencies.table";

/** An agency "belongs" to itself: its own staff may see it when restricted. */
export const agencyOwner = (agency: Pick<AgencyRow, "id" | "sensitivity">) => ({
  agencyId: agency.id,
  sensitivity: agency.sensitivity,
});

export const agenciesPolicy = definePolicy({
  entity: "agencies",
  routes: {
    read: () => true,
    create: isAdmin,
    update: (actor: Actor) => isAdmin(actor) || actor.role === "manager",
    deactivate: isAdmin,
  },
  record: {
    update: (actor: Actor, agency: AgencyRow) =>
      isAdmin(actor) || (actor.role === "manager" && actor.agencyId === agency.id),
    deactivate: (actor: Actor, agency: AgencyRow) => isAdmin(actor) && agency.isActive,
    reactivate: (actor: Actor, agency: AgencyRow) => isAdmin(actor) && !agency.isActive,
    /** Its place in the tree (kind, parent, code, sensitivity): the admin only; a manager edits the names. */
    restructure: (actor: Actor) => isAdmin(actor),
  },
});

/** Which agencies the actor may see: admin manages the whole directory. */
export const agenciesVisibleTo = (actor: Actor) =>
  visibleWhere(
    actor,
    { id: agencies.id, agencyId: agencies.id, sensitivity: agencies.sensitivity },
    null,
    isAdmin,
  );
