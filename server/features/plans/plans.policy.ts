import type { IndicatorSource } from "../../../common/enums";
import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isLeadership, visibleWhere } from "../../authz/visibility";
import { plans, type PlanRow } from "./plans.table";

type PlanLike = Pick<PlanRow, "agencyId" | "status">;

/** The owner agency's managers create and edit plans; leadership may do everything. */
export const canManagePlan = (actor: Actor, plan: Pick<PlanRow, "agencyId">) =>
  isLeadership(actor) || (actor.role === "manager" && plan.agencyId === actor.agencyId);

const canEdit = (actor: Actor, plan: PlanLike) => canManagePlan(actor, plan) && plan.status !== "archived";
/** Measurements are recorded by the owner agency's staff. */
const canMeasure = (actor: Actor, plan: PlanLike) =>
  plan.status !== "archived" &&
  (isLeadership(actor) ||
    ((actor.role === "manager" || actor.role === "officer") && plan.agencyId === actor.agencyId));

export const plansPolicy = definePolicy({
  entity: "plans",
  routes: {
    read: () => true,
    create: (actor: Actor) => isLeadership(actor) || actor.role === "manager",
    update: (actor: Actor) => isLeadership(actor) || actor.role === "manager",
    measure: (actor: Actor) => isLeadership(actor) || actor.role === "manager" || actor.role === "officer",
  },
  record: {
    update: canEdit,
    activate: (actor: Actor, plan: PlanLike) => canManagePlan(actor, plan) && plan.status === "draft",
    complete: (actor: Actor, plan: PlanLike) => canManagePlan(actor, plan) && plan.status === "active",
    archive: (actor: Actor, plan: PlanLike) => canEdit(actor, plan),
    addObjective: canEdit,
    addTask: canEdit,
  },
});

/** Objectives and indicators follow their plan. */
export const objectivesPolicy = definePolicy({
  entity: "objectives",
  routes: {},
  record: {
    update: (actor: Actor, o: { plan: PlanLike }) => canEdit(actor, o.plan),
    addIndicator: (actor: Actor, o: { plan: PlanLike }) => canEdit(actor, o.plan),
  },
});

export const indicatorsPolicy = definePolicy({
  entity: "indicators",
  routes: {},
  record: {
    update: (actor: Actor, i: { plan: PlanLike }) => canEdit(actor, i.plan),
    /** Only manual indicators are typed in; computed ones measure themselves. */
    measure: (actor: Actor, i: { plan: PlanLike; source: IndicatorSource }) =>
      i.source === "manual" && canMeasure(actor, i.plan),
  },
});

export const plansVisibleTo = (actor: Actor) => visibleWhere(actor, plans, "plans");
