import { eq } from "drizzle-orm";
import type { BorderReportAction } from "../../../common/enums";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { publishChange } from "../../live/publish-change";
import type { BorderReportSubject } from "./border.policy";
import { borderReports, type BorderReportRow } from "./border.table";

/**
 * Submits a draft, approves a submitted report (which locks the day: only leadership corrects it from then on),
 * or returns a submitted report to draft with a reason. The caller has checked permission and status.
 */
export async function stepReport(
  tx: Db,
  ctx: Ctx,
  report: BorderReportSubject,
  action: BorderReportAction,
  reason: string | null,
): Promise<BorderReportRow> {
  if (action === "return" && !reason) throw new AppError("reason_required");
  const by = ctx.actor?.userId ?? null;
  const set =
    action === "submit"
      ? { status: "submitted" as const, submittedAt: ctx.now, submittedBy: by, statusReason: null }
      : action === "approve"
        ? { status: "approved" as const, approvedAt: ctx.now, approvedBy: by, statusReason: null }
        : { status: "draft" as const, submittedAt: null, submittedBy: null, statusReason: reason };
  const [after] = await tx
    .update(borderReports)
    .set({ ...set, updatedAt: ctx.now })
    .where(eq(borderReports.id, report.id))
    .returning();
  if (!after) throw new AppError("not_found");
  const { crossing: _crossing, ...before } = report;
  await recordEvent(tx, ctx, `border_report.${action}`, "border_reports", after.id, before, after);
  await publishChange(tx, { entity: "border_report", id: after.id });
  return after;
}
