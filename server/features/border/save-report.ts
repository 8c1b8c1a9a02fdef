import { eq } from "drizzle-orm";
import { searchKey } from "../../../common/arabic";
import { BORDER_FIGURES, type BorderFigure } from "../../../common/enums";
import type { BorderReportCreateBody, BorderReportUpdateBody } from "../../../common/schemas/border";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { withUniqueFields } from "../../db/errors";
import { nextReference } from "../../db/references";
import { AppError } from "../../http/app-error";
import { publishChange } from "../../live/publish-change";
import { tripoliDayOf } from "../incidents/create-incident";
import type { BorderReportSubject } from "./border.policy";
import { figureWarnings, type CrossingWithAgencies } from "./border.queries";
import { borderReports, type BorderReportRow } from "./border.table";

type Figures = Record<BorderFigure, number>;

/** The figures must agree with each other: trucks are vehicles, persons handed over were intercepted. */
function assertConsistent(f: Figures) {
  const field = f.trucksIn > f.vehiclesIn ? "trucksIn" : f.trucksOut > f.vehiclesOut ? "trucksOut" : null;
  if (field) throw new AppError("validation_failed", { fields: [{ field, issue: "trucks_over_vehicles" }] });
  if (f.personsHandedOver > f.migrantsIntercepted)
    throw new AppError("validation_failed", {
      fields: [{ field: "personsHandedOver", issue: "handed_over_above_intercepted" }],
    });
}

const figuresOf = (r: Figures): Figures =>
  Object.fromEntries(BORDER_FIGURES.map((f) => [f, r[f]])) as Figures;

type Named = Pick<CrossingWithAgencies, "code" | "nameAr" | "nameEn">;
export const reportSearchKey = (reference: string, crossing: Named, notes: string | null) =>
  searchKey([reference, crossing.code, crossing.nameAr, crossing.nameEn, notes]);

/**
 * Enters a shift's report as a draft: one per crossing, day and shift (a second → 409 duplicate naming the
 * shift); a day still to come is refused. Figures far from the last 30 days are kept as warnings, not refused.
 * Permission is the caller's (the route asks the policy).
 */
export async function createReport(
  tx: Db,
  ctx: Ctx,
  crossing: CrossingWithAgencies,
  agencyId: string,
  input: BorderReportCreateBody,
): Promise<BorderReportRow> {
  if (input.day > tripoliDayOf(ctx.now))
    throw new AppError("validation_failed", { fields: [{ field: "day", issue: "in_future" }] });
  assertConsistent(input);
  const warnings = await figureWarnings(tx, input);
  const reference = await nextReference(tx, "BRD", ctx.now);
  const [row] = await withUniqueFields({ border_reports_shift_uq: "shift" }, () =>
    tx
      .insert(borderReports)
      .values({
        ...input,
        reference,
        agencyId,
        status: "draft",
        warnings,
        searchKey: reportSearchKey(reference, crossing, input.notes),
        createdBy: ctx.actor?.userId ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning(),
  );
  if (!row) throw new Error("insert returned nothing");
  await recordEvent(tx, ctx, "border_report.create", "border_reports", row.id, null, row);
  await publishChange(tx, { entity: "border_report", id: row.id });
  return row;
}

/**
 * Edits a report's figures and notes: a draft by the staff who work at the crossing, an approved (locked) one
 * only as leadership's correction, which needs a reason and is audited with before and after.
 */
export async function updateReport(
  tx: Db,
  ctx: Ctx,
  report: BorderReportSubject,
  input: BorderReportUpdateBody,
): Promise<BorderReportRow> {
  const correcting = report.status === "approved";
  const reason = input.reason ?? null;
  if (correcting && !reason) throw new AppError("reason_required");
  const { reason: _reason, ...changes } = input;
  const next = { ...figuresOf(report), ...changes } as Figures & { notes?: string | null };
  assertConsistent(next);
  const warnings = await figureWarnings(tx, {
    ...next,
    id: report.id,
    crossingId: report.crossingId,
    day: report.day,
  });
  const notes = changes.notes === undefined ? report.notes : changes.notes;
  const [after] = await tx
    .update(borderReports)
    .set({
      ...changes,
      warnings,
      ...(correcting ? { statusReason: reason } : {}),
      searchKey: reportSearchKey(report.reference, report.crossing, notes),
      updatedAt: ctx.now,
    })
    .where(eq(borderReports.id, report.id))
    .returning();
  if (!after) throw new AppError("not_found");
  const { crossing: _crossing, ...before } = report;
  await recordEvent(
    tx,
    ctx,
    correcting ? "border_report.correct" : "border_report.update",
    "border_reports",
    after.id,
    before,
    after,
  );
  await publishChange(tx, { entity: "border_report", id: after.id });
  return after;
}
