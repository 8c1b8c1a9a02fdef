import type { CourseAction, CourseStatus, NominationDecision, NominationStatus } from "../../../common/enums";

// Every status change of a course and of a nomination, as pure functions.

const COURSE_STEPS: Record<CourseAction, { from: readonly CourseStatus[]; to: CourseStatus }> = {
  open: { from: ["planned"], to: "open" },
  start: { from: ["open"], to: "in_progress" },
  complete: { from: ["in_progress"], to: "completed" },
  cancel: { from: ["planned", "open", "in_progress"], to: "cancelled" },
};

/** The status a course moves to by this action, or null when the action is not open from its status. */
export function nextCourseStatus(status: CourseStatus, action: CourseAction): CourseStatus | null {
  const step = COURSE_STEPS[action];
  return step.from.includes(status) ? step.to : null;
}

/** Nominations that hold or wait for a place: they count against a quota. */
export const LIVE_NOMINATION_STATUSES: readonly NominationStatus[] = ["nominated", "accepted", "waitlisted"];

const DECISION_TO: Record<NominationDecision, NominationStatus> = {
  accept: "accepted",
  waitlist: "waitlisted",
  decline: "declined",
};

/** A trainer's decision: from nominated or wait-listed (an accepted place is given up by withdrawing). */
export function nextNominationStatus(
  status: NominationStatus,
  decision: NominationDecision,
): NominationStatus | null {
  if (status !== "nominated" && status !== "waitlisted") return null;
  const to = DECISION_TO[decision];
  return to === status ? null : to;
}

/** Courses that take nominations and decisions on them. */
export const isTakingNominations = (status: CourseStatus) => status === "open";
export const isDeciding = (status: CourseStatus) => status === "open" || status === "in_progress";
export const isRunning = (status: CourseStatus) => status === "in_progress";

/** Two day ranges (inclusive) overlap. */
export const daysOverlap = (
  a: { startsOn: string; endsOn: string },
  b: { startsOn: string; endsOn: string },
) => a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
