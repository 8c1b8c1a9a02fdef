import { eq } from "drizzle-orm";
import type { Ctx } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { findPlan, planObjectives } from "../plans";
import { findTask, tasks } from "../tasks";

/**
 * A need may point at the plan objective or task it serves: the target must exist and be visible to whoever
 * files the need (a restricted task of another agency cannot be named by id guessing).
 */
export async function assertPlanLinks(
  tx: Db,
  ctx: Ctx,
  links: { objectiveId?: string | null | undefined; taskId?: string | null | undefined },
): Promise<void> {
  const refuse = (field: string) =>
    new AppError("validation_failed", { fields: [{ field, issue: "invalid_value" }] });
  if (links.taskId) {
    if (ctx.actor) await findTask(tx, ctx.actor, links.taskId).catch(() => Promise.reject(refuse("taskId")));
    else if ((await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, links.taskId))).length === 0)
      throw refuse("taskId");
  }
  if (links.objectiveId) {
    const [objective] = await tx
      .select({ planId: planObjectives.planId })
      .from(planObjectives)
      .where(eq(planObjectives.id, links.objectiveId));
    if (!objective) throw refuse("objectiveId");
    if (ctx.actor)
      await findPlan(tx, ctx.actor, objective.planId).catch(() => Promise.reject(refuse("objectiveId")));
  }
}
