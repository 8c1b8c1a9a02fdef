import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Actor } from "./actor";
import { isLeadership } from "./visibility";
import type { Db } from "../db/client";
import { agencies } from "../features/agencies";
import { agenciesVisibleTo } from "../features/agencies/agencies.policy";
import { incidentsVisibleTo, referralsVisibleTo } from "../features/incidents/incidents.policy";
import { incidents, seizures, victimReferrals } from "../features/incidents/incidents.table";
import { commitments, meetings, honours } from "../features/meetings";
import { communityReports, communityVisibleTo } from "../features/community";
import { commitmentsVisibleTo } from "../features/meetings/commitments.policy";
import { honoursVisibleTo, meetingsVisibleTo } from "../features/meetings/meetings.policy";
import { needDeliveries, needPledges, needs, needsVisibleTo, problems } from "../features/needs";
import { problemsVisibleTo } from "../features/needs/needs.policy";
import { personnel, personnelVisibleTo } from "../features/personnel";
import { planIndicators, planObjectives, plans } from "../features/plans";
import { plansVisibleTo } from "../features/plans/plans.policy";
import { tasks, tasksVisibleTo } from "../features/tasks";
import {
  certificatesVisibleTo,
  coursesVisibleTo,
  nominationsVisibleTo,
} from "../features/training/training.policy";
import { certificates, courses, nominations } from "../features/training/training.table";
import { users } from "../features/users";
import { usersVisibleTo } from "../features/users/users.policy";

/** Of these ids of one entity, the ones the actor may read (each feature's own visibility rule). */
type Scope = (db: Db, actor: Actor, ids: string[]) => Promise<string[]>;

/** `select id from table [joins] where id in ids and visible`. */
function scope(
  id: PgColumn,
  from: PgTable,
  visible: (actor: Actor) => SQL | undefined,
  join?: (q: ReturnType<typeof base>) => ReturnType<typeof base>,
): Scope {
  function base(db: Db) {
    return db.select({ id }).from(from).$dynamic();
  }
  return async (db, actor, ids) => {
    const q = base(db);
    const rows = await (join ? join(q) : q).where(and(inArray(id, ids), visible(actor)));
    return rows.map((r) => String(r.id));
  };
}

/**
 * Who may read a record, by the entity names every recordEvent call uses, each with its feature's visibility rule:
 * what the audit log shows in full and what the live stream announces. An entity missing here is readable by
 * leadership only (a new feature adds its line).
 */
const SCOPES: Record<string, Scope> = {
  users: scope(users.id, users, usersVisibleTo),
  user: scope(users.id, users, usersVisibleTo),
  agencies: scope(agencies.id, agencies, agenciesVisibleTo),
  personnel: scope(personnel.id, personnel, personnelVisibleTo),
  plan: scope(plans.id, plans, plansVisibleTo),
  objective: scope(planObjectives.id, planObjectives, plansVisibleTo, (q) =>
    q.innerJoin(plans, eq(plans.id, planObjectives.planId)),
  ),
  indicator: scope(planIndicators.id, planIndicators, plansVisibleTo, (q) =>
    q
      .innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId))
      .innerJoin(plans, eq(plans.id, planObjectives.planId)),
  ),
  task: scope(tasks.id, tasks, tasksVisibleTo),
  needs: scope(needs.id, needs, needsVisibleTo),
  need_pledges: scope(needPledges.id, needPledges, needsVisibleTo, (q) =>
    q.innerJoin(needs, eq(needs.id, needPledges.needId)),
  ),
  need_deliveries: scope(needDeliveries.id, needDeliveries, needsVisibleTo, (q) =>
    q.innerJoin(needs, eq(needs.id, needDeliveries.needId)),
  ),
  problems: scope(problems.id, problems, problemsVisibleTo),
  meetings: scope(meetings.id, meetings, meetingsVisibleTo),
  commitments: scope(commitments.id, commitments, commitmentsVisibleTo, (q) =>
    q.innerJoin(meetings, eq(meetings.id, commitments.meetingId)),
  ),
  honours: scope(honours.id, honours, honoursVisibleTo),
  incidents: scope(incidents.id, incidents, incidentsVisibleTo),
  seizures: scope(seizures.id, seizures, incidentsVisibleTo, (q) =>
    q.innerJoin(incidents, eq(incidents.id, seizures.incidentId)),
  ),
  victim_referrals: scope(victimReferrals.id, victimReferrals, referralsVisibleTo),
  courses: scope(courses.id, courses, coursesVisibleTo),
  nominations: scope(nominations.id, nominations, nominationsVisibleTo),
  certificates: scope(certificates.id, certificates, certificatesVisibleTo),
  community_reports: scope(communityReports.id, communityReports, communityVisibleTo),
};

/** Records every signed-in user reads (incident types, training targets, border crossings and their reports). */
const UNSCOPED = new Set(["incident_types", "training_targets", "crossings", "border_reports"]);

type EventRef = { entity: string; entityId: string | null };

/** May the actor read this record? Unknown entities: leadership only. (The live stream asks it per change.) */
export async function mayReadRecord(db: Db, actor: Actor, entity: string, id: string): Promise<boolean> {
  if (isLeadership(actor)) return true;
  const scope = SCOPES[entity];
  if (!scope || !UUID.test(id)) return false;
  return (await scope(db, actor, [id])).length > 0;
}

/**
 * Which of these events the actor may read in full: leadership all; others those about a record they may read
 * (or about no record). The caller redacts the rest.
 */
export async function readableEvents<E extends EventRef>(db: Db, actor: Actor, events: E[]): Promise<Set<E>> {
  if (isLeadership(actor)) return new Set(events);
  const readable = new Set<E>();
  const byEntity = new Map<string, Set<string>>();
  for (const e of events) {
    if (e.entityId === null || UNSCOPED.has(e.entity)) readable.add(e);
    else if (SCOPES[e.entity]) byEntity.set(e.entity, (byEntity.get(e.entity) ?? new Set()).add(e.entityId));
  }
  const seen = new Set<string>();
  for (const [entity, ids] of byEntity) {
    const uuids = [...ids].filter((id) => UUID.test(id));
    if (uuids.length === 0) continue;
    for (const id of await SCOPES[entity]!(db, actor, uuids)) seen.add(`${entity}:${id}`);
  }
  for (const e of events) if (e.entityId !== null && seen.has(`${e.entity}:${e.entityId}`)) readable.add(e);
  return readable;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
