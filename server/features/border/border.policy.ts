import type { BorderReportAction } from "../../../common/enums";
import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { isAdmin, isLeadership } from "../../authz/visibility";
import type { BorderReportRow } from "./border.table";

/** A crossing as the rules see it: its responsible agency and the agencies that work there. */
export type CrossingSubject = {
  code: string;
  nameAr: string;
  nameEn: string;
  agencyId: string;
  workingAgencyIds: string[];
};
/** A daily report with its crossing. */
export type BorderReportSubject = BorderReportRow & { crossing: CrossingSubject };

const isStaff = (actor: Actor) => actor.role === "manager" || actor.role === "officer";
/** The responsible agency's manager: approves, returns, and so locks the day. */
const supervises = (actor: Actor, crossing: CrossingSubject) =>
  actor.role === "manager" && actor.agencyId === crossing.agencyId;
const worksAt = (actor: Actor, crossing: CrossingSubject) =>
  actor.agencyId === crossing.agencyId || crossing.workingAgencyIds.includes(actor.agencyId);

/** May this manager or officer enter a report for the crossing? Staff of an agency that works there. */
export const canReportAt = (actor: Actor, crossing: CrossingSubject) =>
  isStaff(actor) && worksAt(actor, crossing);

/** Who may take each step, status aside (to tell "not yours" (403) from "not now" (409)). */
const STEP_RULES: Record<BorderReportAction, (actor: Actor, report: BorderReportSubject) => boolean> = {
  submit: (actor, report) => canReportAt(actor, report.crossing),
  approve: (actor, report) => isLeadership(actor) || supervises(actor, report.crossing),
  return: (actor, report) => isLeadership(actor) || supervises(actor, report.crossing),
};
const FROM: Record<BorderReportAction, BorderReportRow["status"]> = {
  submit: "draft",
  approve: "submitted",
  return: "submitted",
};
export const mayTakeReportStep = (actor: Actor, report: BorderReportSubject, action: BorderReportAction) =>
  STEP_RULES[action](actor, report);
export const reportStepOpen = (report: BorderReportRow, action: BorderReportAction) =>
  report.status === FROM[action];

/** Before approval the staff who work there edit; after it, only leadership corrects (with a reason). */
export const mayEditReport = (actor: Actor, report: BorderReportSubject) =>
  isLeadership(actor) || canReportAt(actor, report.crossing);
export const editNeedsCorrection = (report: BorderReportRow) => report.status === "approved";

export const crossingsPolicy = definePolicy({
  entity: "crossings",
  routes: {
    read: () => true,
    manage: (actor: Actor) => isAdmin(actor),
  },
  record: {},
});

export const borderReportsPolicy = definePolicy({
  entity: "borderReports",
  routes: {
    read: () => true,
    create: (actor: Actor) => isStaff(actor),
    update: (actor: Actor) => isStaff(actor) || isLeadership(actor),
    step: (actor: Actor) => isStaff(actor) || isLeadership(actor),
  },
  record: {
    update: (actor: Actor, report: BorderReportSubject) =>
      report.status === "draft" && canReportAt(actor, report.crossing),
    correct: (actor: Actor, report: BorderReportSubject) =>
      report.status === "approved" && isLeadership(actor),
    submit: (actor: Actor, report: BorderReportSubject) =>
      reportStepOpen(report, "submit") && mayTakeReportStep(actor, report, "submit"),
    approve: (actor: Actor, report: BorderReportSubject) =>
      reportStepOpen(report, "approve") && mayTakeReportStep(actor, report, "approve"),
    return: (actor: Actor, report: BorderReportSubject) =>
      reportStepOpen(report, "return") && mayTakeReportStep(actor, report, "return"),
  },
});
