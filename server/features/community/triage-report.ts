import { eq } from "drizzle-orm";
import type { CommunityMessageKind, CommunityOutcome } from "../../../common/enums";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { assertActiveAgency } from "../agencies";
import { auditView } from "./community.present";
import { communityMessages, communityReports, type CommunityReportRow } from "./community.table";

// The inbox's commands. Each takes a report the caller has found (in the actor's inbox) and authorized, changes it
// and writes one audit event in the caller's transaction.

export async function updateReport(
  tx: Db,
  ctx: Ctx,
  report: CommunityReportRow,
  action: string,
  set: Partial<CommunityReportRow>,
): Promise<CommunityReportRow> {
  const [after] = await tx
    .update(communityReports)
    .set({ ...set, updatedAt: ctx.now })
    .where(eq(communityReports.id, report.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(
    tx,
    ctx,
    `community_report.${action}`,
    "community_reports",
    after.id,
    auditView(report),
    auditView(after),
  );
  return after;
}

/** Hands the report to an agency (whose managers then see it, and its contact). */
export async function assignReport(tx: Db, ctx: Ctx, report: CommunityReportRow, agencyId: string) {
  await assertActiveAgency(tx, ctx, agencyId);
  return updateReport(tx, ctx, report, "assign", { assignedAgencyId: agencyId, status: "assigned" });
}

/** A public reply (shown on /track) or an internal note (staff only). */
export async function addMessage(
  tx: Db,
  ctx: Ctx,
  report: CommunityReportRow,
  kind: CommunityMessageKind,
  text: string,
) {
  const [message] = await tx
    .insert(communityMessages)
    .values({ reportId: report.id, kind, text, authorId: ctx.actor?.userId ?? null, createdAt: ctx.now })
    .returning();
  if (!message) throw new Error("insert returned nothing");
  await recordEvent(tx, ctx, `community_report.${kind}`, "community_reports", report.id, null, message);
  const [after] = await tx
    .update(communityReports)
    .set({ updatedAt: ctx.now })
    .where(eq(communityReports.id, report.id))
    .returning();
  return after ?? report;
}

/** Marks the report a duplicate of another the actor handles, and closes it. */
export async function markDuplicate(
  tx: Db,
  ctx: Ctx,
  report: CommunityReportRow,
  original: CommunityReportRow,
) {
  if (original.id === report.id)
    throw new AppError("validation_failed", { fields: [{ field: "duplicateOfId", issue: "invalid_value" }] });
  return updateReport(tx, ctx, report, "duplicate", {
    duplicateOfId: original.id,
    status: "closed",
    outcome: "duplicate",
  });
}

export async function closeReport(tx: Db, ctx: Ctx, report: CommunityReportRow, outcome: CommunityOutcome) {
  return updateReport(tx, ctx, report, "close", { status: "closed", outcome });
}
