import { BORDER_FIGURES, type BorderFigure } from "../../../common/enums";
import type { BorderReport, Crossing } from "../../../common/schemas/border";
import type { Actor } from "../../authz/actor";
import { abilitiesFor } from "../../authz/engine";
import { borderReportsPolicy, type BorderReportSubject } from "./border.policy";
import type { CrossingWithAgencies } from "./border.queries";

export function presentCrossing(row: CrossingWithAgencies): Crossing {
  return {
    id: row.id,
    code: row.code,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    pcode: row.pcode,
    latitude: row.latitude,
    longitude: row.longitude,
    agencyId: row.agencyId,
    workingAgencyIds: row.workingAgencyIds,
    isActive: row.isActive,
  };
}

export function presentReport(row: BorderReportSubject, actor: Actor): BorderReport {
  const figures = Object.fromEntries(BORDER_FIGURES.map((f) => [f, row[f]])) as Record<BorderFigure, number>;
  return {
    id: row.id,
    reference: row.reference,
    crossingId: row.crossingId,
    agencyId: row.agencyId,
    day: row.day,
    shift: row.shift,
    ...figures,
    notes: row.notes,
    status: row.status,
    statusReason: row.statusReason,
    warnings: row.warnings,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: abilitiesFor(actor, borderReportsPolicy, row),
  };
}
