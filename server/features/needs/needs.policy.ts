import { and, eq, ne, or, sql, type SQL } from "drizzle-orm";
import type { NeedAction } from "../../../common/enums";
import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isLeadership, visibleWhere } from "../../authz/visibility";
import { DELIVERABLE_STATUSES, nextStatus } from "./need-workflow";
import { recordShares } from "../../authz/shares.table";
import { needTotalsRollup } from "./need-rollups.table";
import { needs, problems, type NeedRow, type ProblemRow } from "./needs.table";

const isStaff = (actor: Actor) => actor.role === "manager" || actor.role === "officer";
const isManager = (actor: Actor) => actor.role === "manager";
const ownsNeed = (actor: Actor, need: Pick<NeedRow, "agencyId">) => need.agencyId === actor.agencyId;
const isResponsibleBody = (actor: Actor, need: Pick<NeedRow, "responsibleAgencyId">) =>
  need.responsibleAgencyId === actor.agencyId;

/** May a manager or officer file a need (or problem) for this agency? Only their own. */
export function canFileFor(actor: Actor, record: { agencyId: string }): boolean {
  return isStaff(actor) && record.agencyId === actor.agencyId;
}

/** Who may take each workflow step, given that the step is open from the need's status. */
const STEP_RULES: Record<NeedAction, (actor: Actor, need: NeedRow) => boolean> = {
  submit: (actor, need) => canFileFor(actor, need),
  endorse: (actor, need) => isManager(actor) && ownsNeed(actor, need),
  review: (actor) => isLeadership(actor),
  approve: (actor) => isLeadership(actor),
  // The agency's manager may turn back what was submitted to them; leadership decides after that.
  reject: (actor, need) =>
    need.status === "submitted" ? isManager(actor) && ownsNeed(actor, need) : isLeadership(actor),
  start: (actor, need) => isLeadership(actor) || (isManager(actor) && isResponsibleBody(actor, need)),
  close_partial: (actor) => isLeadership(actor),
  reopen: (actor) => isLeadership(actor),
};

export function canStep(actor: Actor, need: NeedRow, action: NeedAction): boolean {
  return nextStatus(need.status, action) !== null && STEP_RULES[action](actor, need);
}

/** Leadership, or the staff of the body expected to meet the need, record what is pledged and delivered. */
const canSupply = (actor: Actor, need: NeedRow) =>
  DELIVERABLE_STATUSES.includes(need.status) &&
  (isLeadership(actor) || (isStaff(actor) && isResponsibleBody(actor, need)));

export const needsPolicy = definePolicy({
  entity: "needs",
  routes: {
    read: () => true,
    create: (actor: Actor) => isStaff(actor),
    update: (actor: Actor) => isStaff(actor),
    step: (actor: Actor) => isStaff(actor) || isLeadership(actor),
    supply: (actor: Actor) => isStaff(actor) || isLeadership(actor),
  },
  record: {
    update: (actor: Actor, need: NeedRow) => need.status === "draft" && canFileFor(actor, need),
    submit: (actor: Actor, need: NeedRow) => canStep(actor, need, "submit"),
    endorse: (actor: Actor, need: NeedRow) => canStep(actor, need, "endorse"),
    review: (actor: Actor, need: NeedRow) => canStep(actor, need, "review"),
    approve: (actor: Actor, need: NeedRow) => canStep(actor, need, "approve"),
    reject: (actor: Actor, need: NeedRow) => canStep(actor, need, "reject"),
    start: (actor: Actor, need: NeedRow) => canStep(actor, need, "start"),
    close_partial: (actor: Actor, need: NeedRow) => canStep(actor, need, "close_partial"),
    reopen: (actor: Actor, need: NeedRow) => canStep(actor, need, "reopen"),
    pledge: (actor: Actor, need: NeedRow) => canSupply(actor, need),
    deliver: (actor: Actor, need: NeedRow) => canSupply(actor, need),
  },
});

/** May the actor take this step, status aside (to tell "not allowed to you" from "not from this status")? */
export function mayTakeStep(actor: Actor, need: NeedRow, action: NeedAction): boolean {
  return STEP_RULES[action](actor, need);
}

export function maySupply(actor: Actor, need: NeedRow): boolean {
  return isLeadership(actor) || (isStaff(actor) && isResponsibleBody(actor, need));
}

/**
 * What the actor sees of the register: the one visibility rule, widened to the body responsible for a need,
 * which sees what is asked of it even when restricted (e.g. parliament sees the legislation asked of it).
 */
export function needsVisibleTo(actor: Actor): SQL | undefined {
  const base = visibleWhere(actor, needs, "needs");
  return base ? or(base, eq(needs.responsibleAgencyId, actor.agencyId)) : undefined;
}

/**
 * needsVisibleTo on the register rollup (need_totals), whose owning agency, responsible body and sensitivity are
 * dimensions. Restricted needs of another agency shared with the actor's are not in it: `sharedNeedsVisibleTo`
 * adds them from rows.
 */
export function needTotalsVisibleTo(actor: Actor): SQL | undefined {
  if (isLeadership(actor)) return undefined;
  const t = needTotalsRollup;
  const internal = eq(t.sensitivity, "internal");
  const responsible = eq(t.responsibleAgencyId, actor.agencyId);
  if (actor.role === "observer") return or(internal, responsible);
  return or(internal, eq(t.agencyId, actor.agencyId), responsible);
}

/** The part of needsVisibleTo that needTotalsVisibleTo cannot hold (null when there is none for the actor). */
export function sharedNeedsVisibleTo(actor: Actor): SQL | null {
  if (isLeadership(actor) || actor.role === "observer") return null;
  return and(
    eq(needs.sensitivity, "restricted"),
    ne(needs.agencyId, actor.agencyId),
    ne(needs.responsibleAgencyId, actor.agencyId),
    sql`${needs.id} in (select ${recordShares.entityId} from ${recordShares} where ${and(
      eq(recordShares.entity, "needs"),
      eq(recordShares.agencyId, actor.agencyId),
    )})`,
  )!;
}

export const problemsPolicy = definePolicy({
  entity: "problems",
  routes: {
    read: () => true,
    create: (actor: Actor) => isStaff(actor),
    update: (actor: Actor) => isStaff(actor),
    close: (actor: Actor) => isStaff(actor) || isLeadership(actor),
  },
  record: {
    update: (actor: Actor, p: ProblemRow) => p.status === "open" && canFileFor(actor, p),
    convertToNeed: (actor: Actor, p: ProblemRow) => p.status === "open" && canFileFor(actor, p),
    /** A task led by the problem's own agency: its staff (or leadership) may open it. */
    convertToTask: (actor: Actor, p: ProblemRow) =>
      p.status === "open" && (isLeadership(actor) || (isStaff(actor) && actor.agencyId === p.agencyId)),
    close: (actor: Actor, p: ProblemRow) =>
      p.status === "open" && (canFileFor(actor, p) || isLeadership(actor)),
  },
});

export const problemsVisibleTo = (actor: Actor) => visibleWhere(actor, problems, "problems");
