import { DISTRICTS } from "../../../common/districts";
import type { CommunityConvertBody } from "../../../common/schemas/community";
import { townByPcode } from "../../../common/towns";
import type { Ctx } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { createIncident, type IncidentSubject } from "../incidents";
import type { CommunityReportRow } from "./community.table";
import { updateReport } from "./triage-report";

const WHEN_DAYS_AGO = { now: 0, today: 0, yesterday: 1, this_week: 0, earlier: 0 } as const;

/**
 * Makes an incident of the assigned agency from a report: the resident's words become its narrative unchanged (the
 * source), its place the town or district, its source `community` with the report's reference; the report points
 * to the incident and the incident's source link points back to the report.
 */
export async function convertReport(
  tx: Db,
  ctx: Ctx,
  report: CommunityReportRow,
  input: CommunityConvertBody,
): Promise<{ report: CommunityReportRow; incident: IncidentSubject }> {
  if (!report.assignedAgencyId) throw new AppError("invalid_transition");
  const town = report.townPcode ? townByPcode(report.townPcode) : undefined;
  const district = DISTRICTS.find((d) => d.pcode === report.districtPcode);
  const occurred = new Date(report.createdAt.getTime() - WHEN_DAYS_AGO[report.when] * 86_400_000);
  const incident = await createIncident(
    tx,
    ctx,
    {
      agencyId: report.assignedAgencyId,
      typeId: input.typeId,
      occurredOn: new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Tripoli" }).format(occurred),
      occurredTime: null,
      districtPcode: report.districtPcode,
      placeName: town?.nameAr ?? district?.nameAr ?? report.districtPcode,
      latitude: report.latitude,
      longitude: report.longitude,
      narrative: report.text,
      sensitivity: input.sensitivity,
      arrests: 0,
      rescued: 0,
      intercepted: 0,
      nationalities: [],
      dead: 0,
      missing: 0,
    },
    { source: "community", sourceId: report.reference, sourceUrl: `/community/${report.id}` },
  );
  const after = await updateReport(tx, ctx, report, "convert", {
    incidentId: incident.id,
    status: "converted",
  });
  return { report: after, incident };
}
