import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isLeadership, visibleWhere } from "../../authz/visibility";
import { honours, type HonourRow } from "./honours.table";
import { meetings, type MeetingRow } from "./meetings.table";

// Who may do what with meetings and honours. Commitments have their own file (commitments.policy.ts).

const isStaff = (actor: Actor) => actor.role === "manager" || actor.role === "officer";

/** Who reads reports to propose meetings: everyone who keeps records (not observers or trainers). */
const keepsMeetings = (actor: Actor) => actor.role === "admin" || isLeadership(actor) || isStaff(actor);

/** Officers and managers record meetings (and honours) of their own agency; leadership of any agency. */
export function canRecordFor(actor: Actor, record: { agencyId: string }): boolean {
  return isLeadership(actor) || (isStaff(actor) && record.agencyId === actor.agencyId);
}

/** The managers of the record's agency edit it; leadership edits any. */
export function canEditFor(actor: Actor, record: { agencyId: string }): boolean {
  return isLeadership(actor) || (actor.role === "manager" && record.agencyId === actor.agencyId);
}

export const meetingsPolicy = definePolicy({
  entity: "meetings",
  routes: {
    /** Read an Arabic report and propose a meeting; nothing is written. */
    extract: keepsMeetings,
    read: () => true,
    create: (actor: Actor) => isLeadership(actor) || isStaff(actor),
    update: (actor: Actor) => isLeadership(actor) || actor.role === "manager",
  },
  record: {
    /** Edit the meeting and its parts: attendees, agenda, statements. */
    update: (actor: Actor, m: MeetingRow) => canEditFor(actor, m),
    addCommitment: (actor: Actor, m: MeetingRow) => canEditFor(actor, m),
    /** Honours at the meeting are recorded like any honour of its agency. */
    addHonour: (actor: Actor, m: MeetingRow) => canRecordFor(actor, m),
  },
});

/** The one visibility rule (internal to all, restricted to the agency, its shares and leadership). */
export const meetingsVisibleTo = (actor: Actor) => visibleWhere(actor, meetings, "meetings");

export const honoursPolicy = definePolicy({
  entity: "honours",
  routes: {
    read: () => true,
    create: (actor: Actor) => isLeadership(actor) || isStaff(actor),
    update: (actor: Actor) => isLeadership(actor) || actor.role === "manager",
  },
  record: {
    update: (actor: Actor, h: HonourRow) => canEditFor(actor, h),
  },
});

export const honoursVisibleTo = (actor: Actor) => visibleWhere(actor, honours, "honours");
