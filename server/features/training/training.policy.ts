import { eq, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isLeadership, visibleWhere } from "../../authz/visibility";
import {
  LIVE_NOMINATION_STATUSES,
  isDeciding,
  isRunning,
  isTakingNominations,
  nextCourseStatus,
  nextNominationStatus,
} from "./course-workflow";
import {
  certificates,
  courses,
  nominations,
  type CertificateRow,
  type CourseRow,
  type NominationRow,
} from "./training.table";

const isTrainer = (actor: Actor) => actor.role === "trainer";
const isManager = (actor: Actor) => actor.role === "manager";
const isStaff = (actor: Actor) => actor.role === "manager" || actor.role === "officer";

/** The training department keeps the courses its agency organises. */
export const keepsCourse = (actor: Actor, course: Pick<CourseRow, "agencyId">) =>
  isTrainer(actor) && course.agencyId === actor.agencyId;

/** Who may put a person forward: their agency's manager, or leadership for anyone. */
export const mayNominate = (actor: Actor, person: { agencyId: string }) =>
  isLeadership(actor) || (isManager(actor) && person.agencyId === actor.agencyId);

/** Who may withdraw a nomination: whoever may nominate the person, or the trainer keeping the course. */
export const mayWithdraw = (actor: Actor, course: CourseRow, nomination: NominationRow) =>
  mayNominate(actor, nomination) || keepsCourse(actor, course);

const stepRule = (action: "open" | "start" | "complete" | "cancel") => (actor: Actor, course: CourseRow) =>
  keepsCourse(actor, course) && nextCourseStatus(course.status, action) !== null;

export const coursesPolicy = definePolicy({
  entity: "courses",
  routes: {
    read: () => true,
    manage: (actor: Actor) => isTrainer(actor),
    nominate: (actor: Actor) => isManager(actor) || isLeadership(actor),
    withdraw: (actor: Actor) => isManager(actor) || isLeadership(actor) || isTrainer(actor),
  },
  record: {
    update: (actor: Actor, course: CourseRow) =>
      keepsCourse(actor, course) && course.status !== "completed" && course.status !== "cancelled",
    open: stepRule("open"),
    start: stepRule("start"),
    complete: stepRule("complete"),
    cancel: stepRule("cancel"),
    setQuotas: (actor: Actor, course: CourseRow) =>
      keepsCourse(actor, course) && (course.status === "planned" || course.status === "open"),
    nominate: (actor: Actor, course: CourseRow) =>
      (isManager(actor) || isLeadership(actor)) && isTakingNominations(course.status),
    decide: (actor: Actor, course: CourseRow) => keepsCourse(actor, course) && isDeciding(course.status),
    attendance: (actor: Actor, course: CourseRow) => keepsCourse(actor, course) && isRunning(course.status),
    results: (actor: Actor, course: CourseRow) => keepsCourse(actor, course) && isRunning(course.status),
  },
});

export type NominationRecord = { course: CourseRow; nomination: NominationRow };

export const nominationsPolicy = definePolicy({
  entity: "nominations",
  routes: {},
  record: {
    decide: (actor: Actor, { course, nomination }: NominationRecord) =>
      keepsCourse(actor, course) &&
      isDeciding(course.status) &&
      (nextNominationStatus(nomination.status, "accept") !== null ||
        nextNominationStatus(nomination.status, "decline") !== null),
    withdraw: (actor: Actor, { course, nomination }: NominationRecord) =>
      mayWithdraw(actor, course, nomination) &&
      isDeciding(course.status) &&
      LIVE_NOMINATION_STATUSES.includes(nomination.status),
  },
});

export const certificatesPolicy = definePolicy({
  entity: "certificates",
  routes: {
    read: (actor: Actor) => isStaff(actor) || isLeadership(actor) || isTrainer(actor),
    revoke: (actor: Actor) => isTrainer(actor),
  },
  record: {
    revoke: (actor: Actor, c: CertificateRow) => isTrainer(actor) && c.revokedAt === null,
  },
});

export const trainingPolicy = definePolicy({
  entity: "training",
  routes: {
    coverage: (actor: Actor) => isStaff(actor) || isLeadership(actor) || isTrainer(actor),
    setTargets: (actor: Actor) => isTrainer(actor),
  },
  record: {},
});

/**
 * Certificates counted in the coverage figures a person sees: all for leadership and trainers; for others the
 * internal ones and their own agency's. `scope` names who shares the same figures (they are kept per scope).
 */
export function coverageCountedFor(actor: Actor): { where: SQL | undefined; scope: string } {
  if (isLeadership(actor) || isTrainer(actor)) return { where: undefined, scope: "all" };
  return {
    where: or(eq(certificates.sensitivity, "internal"), eq(certificates.agencyId, actor.agencyId)),
    scope: actor.agencyId,
  };
}

/** The catalogue a person sees: the one visibility rule, widened to the training department. */
export const coursesVisibleTo = (actor: Actor): SQL | undefined =>
  visibleWhere(actor, courses, "courses", isTrainer);

/** Nominations a person sees on a course: leadership and trainers all; others their own agency's. */
export function nominationsVisibleTo(actor: Actor): SQL | undefined {
  if (isLeadership(actor) || isTrainer(actor)) return undefined;
  return eq(nominations.agencyId, actor.agencyId);
}

/**
 * Certificates a person sees: leadership and trainers all; the staff of the holder's agency theirs (a restricted
 * course's certificates are restricted to the holder's agency, the training department and leadership).
 */
export function certificatesVisibleTo(actor: Actor): SQL | undefined {
  if (isLeadership(actor) || isTrainer(actor)) return undefined;
  if (!isStaff(actor)) return sql`false`;
  return eq(certificates.agencyId, actor.agencyId);
}
