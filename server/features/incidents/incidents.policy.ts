import { and, eq, ne, or, sql, type SQL } from "drizzle-orm";
import { REFERRAL_TYPE_GROUPS, type IncidentAction, type IncidentTypeGroup } from "../../../common/enums";
import type { Actor } from "../../authz/actor";
import { definePolicy } from "../../authz/engine";
import { recordShares } from "../../authz/shares.table";
import { isAdmin, isLeadership, visibleWhere } from "../../authz/visibility";
import { inline } from "../../db/inline";
import { incidentDayCounts } from "./incident-rollups.table";
import { nextIncidentStatus } from "./incident-workflow";
import {
  incidents,
  victimReferrals,
  type IncidentRow,
  type ReferralRow,
  type SeizureRow,
} from "./incidents.table";

const isStaff = (actor: Actor) => actor.role === "manager" || actor.role === "officer";
const isManager = (actor: Actor) => actor.role === "manager";
const ownsRecord = (actor: Actor, record: { agencyId: string }) => record.agencyId === actor.agencyId;

/** An incident as a policy sees it: its row and the group of its type (referrals depend on it). */
export type IncidentSubject = Omit<IncidentRow, "searchKey"> & { typeGroup: IncidentTypeGroup };

/** May a manager or officer record an incident for this agency? Only their own. */
export function canRecordFor(actor: Actor, record: { agencyId: string }): boolean {
  return isStaff(actor) && ownsRecord(actor, record);
}

/** Who may take each status step, given that the step is open from the incident's status. */
const STEP_RULES: Record<IncidentAction, (actor: Actor, incident: IncidentSubject) => boolean> = {
  investigate: (actor, incident) => canRecordFor(actor, incident),
  refer: (actor, incident) => canRecordFor(actor, incident),
  close: (actor, incident) => isLeadership(actor) || (isManager(actor) && ownsRecord(actor, incident)),
  reopen: (actor, incident) => isLeadership(actor) || (isManager(actor) && ownsRecord(actor, incident)),
};

/** May the actor take this step, status aside (to tell "not allowed to you" (403) from "not now" (409))? */
export const mayTakeStep = (actor: Actor, incident: IncidentSubject, action: IncidentAction) =>
  STEP_RULES[action](actor, incident);
const canStep = (actor: Actor, incident: IncidentSubject, action: IncidentAction) =>
  nextIncidentStatus(incident.status, action) !== null && mayTakeStep(actor, incident, action);

const isOpen = (incident: IncidentSubject) => incident.status !== "closed";
export const takesReferrals = (incident: IncidentSubject) =>
  REFERRAL_TYPE_GROUPS.includes(incident.typeGroup);

export const incidentsPolicy = definePolicy({
  entity: "incidents",
  routes: {
    read: () => true,
    create: (actor: Actor) => isStaff(actor),
    update: (actor: Actor) => isStaff(actor),
    step: (actor: Actor) => isStaff(actor) || isLeadership(actor),
    seizures: (actor: Actor) => isStaff(actor),
    referrals: (actor: Actor) => isStaff(actor),
    import: (actor: Actor) => isStaff(actor) || isLeadership(actor) || isAdmin(actor),
  },
  record: {
    update: (actor: Actor, incident: IncidentSubject) => isOpen(incident) && canRecordFor(actor, incident),
    investigate: (actor: Actor, incident: IncidentSubject) => canStep(actor, incident, "investigate"),
    refer: (actor: Actor, incident: IncidentSubject) => canStep(actor, incident, "refer"),
    close: (actor: Actor, incident: IncidentSubject) => canStep(actor, incident, "close"),
    reopen: (actor: Actor, incident: IncidentSubject) => canStep(actor, incident, "reopen"),
    addSeizure: (actor: Actor, incident: IncidentSubject) =>
      isOpen(incident) && canRecordFor(actor, incident),
    addReferral: (actor: Actor, incident: IncidentSubject) =>
      takesReferrals(incident) && canRecordFor(actor, incident),
  },
});

/** Custody of what was seized is kept by the staff of the agency that seized it, closed incident or not. */
export const seizuresPolicy = definePolicy({
  entity: "seizures",
  routes: {
    read: () => true,
    custody: (actor: Actor) => isStaff(actor),
  },
  record: {
    custody: (actor: Actor, seizure: SeizureRow & { agencyId: string }) => canRecordFor(actor, seizure),
  },
});

export const referralsPolicy = definePolicy({
  entity: "referrals",
  routes: {
    update: (actor: Actor) => isStaff(actor),
  },
  record: {
    update: (actor: Actor, referral: ReferralRow) => canRecordFor(actor, referral),
  },
});

/** Incident types: everyone reads them; the administrator keeps the list. */
export const incidentTypesPolicy = definePolicy({
  entity: "incidentTypes",
  routes: {
    read: () => true,
    manage: (actor: Actor) => isAdmin(actor),
  },
  record: {},
});

/** What the actor sees of incidents: the one visibility rule (restricted: own agency, shares, leadership). */
export const incidentsVisibleTo = (actor: Actor): SQL | undefined =>
  visibleWhere(actor, incidents, "incidents");

/**
 * Readers who see the same incidents under `incidentsVisibleTo` share this key (leadership; observers; each other
 * agency's staff): figures computed for one of them may be served to the others (the figures cache).
 */
export function incidentVisibilityKey(actor: Actor): string {
  if (isLeadership(actor)) return "all";
  if (actor.role === "observer") return "internal";
  return `agency:${actor.agencyId}`;
}

/**
 * The same rule over the day rollup (`incident_day_counts`), whose agency and sensitivity are dimensions: internal
 * for everyone, restricted of the actor's own agency (observers excepted), everything for leadership. Restricted
 * incidents of another agency shared with the actor's are not in it: `sharedIncidentsVisibleTo` adds them from rows.
 */
export function incidentRollupVisibleTo(actor: Actor): SQL | undefined {
  if (isLeadership(actor)) return undefined;
  const internal = eq(incidentDayCounts.sensitivity, "internal");
  if (actor.role === "observer") return internal;
  return or(internal, eq(incidentDayCounts.agencyId, actor.agencyId));
}

/**
 * Whether the actor may list every incident (of every agency and sensitivity): then its counts by type may be read
 * from the per-type rollups (`incident_type_day_counts`, `incident_type_month_counts`), which hold no agency or
 * sensitivity to filter on.
 */
export const readsEveryIncident = (actor: Actor): boolean => isLeadership(actor);

/** The incidents the actor sees only by a share (restricted, of another agency); null when there are none to see. */
export function sharedIncidentsVisibleTo(actor: Actor): SQL | null {
  if (isLeadership(actor) || actor.role === "observer") return null;
  return and(
    eq(incidents.sensitivity, "restricted"),
    ne(incidents.agencyId, actor.agencyId),
    sql`exists (select 1 from ${recordShares} where ${and(
      eq(recordShares.entity, "incidents"),
      eq(recordShares.entityId, incidents.id),
      eq(recordShares.agencyId, actor.agencyId),
    )})`,
  )!;
}

/**
 * Referrals are seen by the recording agency (observers excepted) and leadership only, whatever the incident's
 * sensitivity and whatever is shared: a share of the incident never widens them.
 */
export function referralsVisibleTo(actor: Actor): SQL | undefined {
  if (isLeadership(actor)) return undefined;
  if (actor.role === "observer") return sql`false`;
  return eq(victimReferrals.agencyId, inline(actor.agencyId));
}
/** Readers who see the same referrals under `referralsVisibleTo` share this key (for statements kept per class). */
export function referralVisibilityKey(actor: Actor): string {
  if (isLeadership(actor)) return "all";
  if (actor.role === "observer") return "none";
  return `agency:${actor.agencyId}`;
}
export const seesReferralsOf = (actor: Actor, agencyId: string) =>
  isLeadership(actor) || (actor.role !== "observer" && actor.agencyId === agencyId);

/** May the actor import incidents into this agency? Staff for their own; leadership and admins for any they choose. */
export function canImportFor(actor: Actor, agencyId: string): boolean {
  return canRecordFor(actor, { agencyId }) || isLeadership(actor) || isAdmin(actor);
}
