import { eq } from "drizzle-orm";
import { searchKey } from "../../../common/arabic";
import type { ProblemCreateBody, ProblemToNeedBody } from "../../../common/schemas/needs";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import { derivedSensitivity } from "../../authz/derived";
import type { Db } from "../../db/client";
import { nextReference } from "../../db/references";
import { AppError } from "../../http/app-error";
import { assertActiveAgency } from "../agencies";
import { createNeed } from "./save-need";
import { problems, type NeedRow, type ProblemRow } from "./needs.table";

export async function createProblem(tx: Db, ctx: Ctx, input: ProblemCreateBody): Promise<ProblemRow> {
  await assertActiveAgency(tx, ctx, input.agencyId);
  const reference = await nextReference(tx, "PRB", ctx.now);
  const [row] = await tx
    .insert(problems)
    .values({
      ...input,
      reference,
      searchKey: searchKey([reference, input.title, input.description, input.location]),
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordEvent(tx, ctx, "problem.create", "problems", row.id, null, row);
  return row;
}

async function saveProblem(
  tx: Db,
  ctx: Ctx,
  before: ProblemRow,
  changes: Partial<ProblemRow>,
  action: string,
) {
  const [after] = await tx
    .update(problems)
    .set({ ...changes, updatedAt: ctx.now })
    .where(eq(problems.id, before.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, action, "problems", after.id, before, after);
  return after;
}

export function closeProblem(tx: Db, ctx: Ctx, problem: ProblemRow) {
  if (problem.status !== "open") throw new AppError("conflict");
  return saveProblem(tx, ctx, problem, { status: "closed" }, "problem.close");
}

/** Turns an open problem into a draft need of the same agency; each links to the other. */
export async function convertProblemToNeed(
  tx: Db,
  ctx: Ctx,
  problem: ProblemRow,
  input: ProblemToNeedBody,
): Promise<{ problem: ProblemRow; need: NeedRow }> {
  if (problem.status !== "open") throw new AppError("conflict");
  const need = await createNeed(
    tx,
    ctx,
    {
      ...input,
      agencyId: problem.agencyId,
      title: input.title ?? problem.title,
      description: problem.description,
      sensitivity: derivedSensitivity(problem, input.sensitivity, ctx.actor),
    },
    { problemId: problem.id },
  );
  const after = await saveProblem(
    tx,
    ctx,
    problem,
    { status: "converted", needId: need.id },
    "problem.convert",
  );
  return { problem: after, need };
}

/**
 * Seam for the plans module: a problem turned into a task keeps the task's id in `problems.task_id`. To be
 * wired to the task commands when the modules are merged.
 */
export async function linkProblemToTask(tx: Db, ctx: Ctx, problem: ProblemRow, taskId: string) {
  if (problem.status !== "open") throw new AppError("conflict");
  return saveProblem(tx, ctx, problem, { status: "converted", taskId }, "problem.convert_task");
}
