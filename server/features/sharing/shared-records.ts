import { eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { ShareEntity } from "../../../common/enums";
import type { Actor } from "../../authz/actor";
import { mayReadRecord } from "../../authz/readable-records";
import type { Owned } from "../../authz/visibility";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { incidents } from "../incidents/incidents.table";
import { honours, meetings } from "../meetings";
import { needs, problems } from "../needs";
import { plans } from "../plans";
import { tasks } from "../tasks";
import { courses } from "../training/training.table";

type Shareable = PgTable & { id: PgColumn; agencyId: PgColumn; sensitivity: PgColumn };

/**
 * Each shareable kind of record: its table, the name its audit events and readable-records know it by, and the
 * name its live changes carry (server/live), where open pages follow it live.
 */
const SHAREABLE: Record<ShareEntity, { table: Shareable; audit: string; live?: string }> = {
  plans: { table: plans, audit: "plan", live: "plan" },
  tasks: { table: tasks, audit: "task", live: "task" },
  needs: { table: needs, audit: "needs" },
  problems: { table: problems, audit: "problems" },
  meetings: { table: meetings, audit: "meetings", live: "meeting" },
  honours: { table: honours, audit: "honours" },
  incidents: { table: incidents, audit: "incidents", live: "incident" },
  courses: { table: courses, audit: "courses", live: "course" },
};

export type SharedRecord = Owned & { id: string; entity: ShareEntity; audit: string; live?: string };

/** The record as the actor may see it (404 otherwise, as if it did not exist), with its owner and sensitivity. */
export async function findShareable(
  db: Db,
  actor: Actor,
  entity: ShareEntity,
  id: string,
): Promise<SharedRecord> {
  const { table, audit, live } = SHAREABLE[entity];
  if (!(await mayReadRecord(db, actor, audit, id))) throw new AppError("not_found");
  const [row] = await db
    .select({ agencyId: table.agencyId, sensitivity: table.sensitivity })
    .from(table)
    .where(eq(table.id, id));
  if (!row) throw new AppError("not_found");
  return {
    id,
    entity,
    audit,
    ...(live ? { live } : {}),
    agencyId: row.agencyId as string,
    sensitivity: row.sensitivity as Owned["sensitivity"],
  };
}
