import { eq, or, sql, type SQL } from "drizzle-orm";
import type { CommitmentAction, CommitmentStatus } from "../../../common/enums";
import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isLeadership } from "../../authz/visibility";
import { commitments, type CommitmentRow } from "./commitments.table";
import { canEditFor, meetingsVisibleTo } from "./meetings.policy";
import type { MeetingRow } from "./meetings.table";

/** A commitment with what its rules read of its meeting. */
export type CommitmentRecord = CommitmentRow & {
  meeting: Pick<
    MeetingRow,
    "id" | "reference" | "titleAr" | "titleEn" | "startsAt" | "agencyId" | "sensitivity"
  >;
  /** May the reader see the meeting? (An owner agency sees its commitments of a restricted meeting, not the meeting.) */
  meetingVisible: boolean;
  ownerName: string | null;
};

const isStaff = (actor: Actor) => actor.role === "manager" || actor.role === "officer";
const isManagerOf = (actor: Actor, agencyId: string | null) =>
  actor.role === "manager" && agencyId !== null && actor.agencyId === agencyId;
export const isOpenCommitment = (c: Pick<CommitmentRow, "status">) =>
  c.status === "open" || c.status === "in_progress";

/** The agency that keeps the commitment: its owner agency, else the meeting's. */
export const keeperOf = (c: CommitmentRecord) => c.ownerAgencyId ?? c.meeting.agencyId;

/** Status steps: the keeping agency's officers and managers, and leadership. */
const mayStep = (actor: Actor, c: CommitmentRecord) =>
  isLeadership(actor) || (isStaff(actor) && actor.agencyId === keeperOf(c));

/** Converting: a manager of the owner agency or of the meeting's agency, or leadership. */
const mayConvert = (actor: Actor, c: CommitmentRecord) =>
  isLeadership(actor) || isManagerOf(actor, c.ownerAgencyId) || isManagerOf(actor, c.meeting.agencyId);

/** The workflow: open → in_progress → done | dropped; done or dropped → (reopen) open. */
export const COMMITMENT_TRANSITIONS: Record<
  CommitmentAction,
  { from: readonly CommitmentStatus[]; to: CommitmentStatus }
> = {
  start: { from: ["open"], to: "in_progress" },
  complete: { from: ["open", "in_progress"], to: "done" },
  drop: { from: ["open", "in_progress"], to: "dropped" },
  reopen: { from: ["done", "dropped"], to: "open" },
};

export function nextCommitmentStatus(status: CommitmentStatus, action: CommitmentAction) {
  const rule = COMMITMENT_TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}

/** Who may take a step, status aside (to tell "not allowed to you" from "not from this status"). */
export const STEP_RULES: Record<CommitmentAction, (actor: Actor, c: CommitmentRecord) => boolean> = {
  start: mayStep,
  complete: mayStep,
  drop: mayStep,
  // Reopening: the meeting agency's manager, or leadership.
  reopen: (actor, c) => isLeadership(actor) || isManagerOf(actor, c.meeting.agencyId),
};

const canStep = (action: CommitmentAction) => (actor: Actor, c: CommitmentRecord) =>
  nextCommitmentStatus(c.status, action) !== null && STEP_RULES[action](actor, c);

export const commitmentsPolicy = definePolicy({
  entity: "commitments",
  routes: {
    read: () => true,
    update: (actor: Actor) => isLeadership(actor) || isStaff(actor),
    convert: (actor: Actor) => isLeadership(actor) || actor.role === "manager",
  },
  record: {
    /** Edit the text, owner and due date: whoever edits the meeting, while it is open. */
    update: (actor: Actor, c: CommitmentRecord) => isOpenCommitment(c) && canEditFor(actor, c.meeting),
    start: canStep("start"),
    complete: canStep("complete"),
    drop: canStep("drop"),
    reopen: canStep("reopen"),
    convertToTask: (actor: Actor, c: CommitmentRecord) =>
      isOpenCommitment(c) && c.taskId === null && mayConvert(actor, c),
    convertToNeed: (actor: Actor, c: CommitmentRecord) =>
      isOpenCommitment(c) && c.needId === null && mayConvert(actor, c),
  },
});

/**
 * Who sees a commitment: whoever sees its meeting (the one visibility rule), widened to its owner agency, which
 * sees what is asked of it even when the meeting is restricted — observers excepted. Expects `meetings` joined.
 */
export function commitmentsVisibleTo(actor: Actor): SQL | undefined {
  const base = meetingsVisibleTo(actor);
  if (!base || actor.role === "observer") return base;
  return or(base, eq(commitments.ownerAgencyId, actor.agencyId));
}

/** The meeting-visibility flag of a commitment row, as a selected column (true for leadership). */
export function meetingVisibleColumn(actor: Actor): SQL<boolean> {
  const base = meetingsVisibleTo(actor);
  return base ? sql<boolean>`coalesce((${base}), false)` : sql<boolean>`true`;
}
