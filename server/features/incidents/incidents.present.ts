import type {
  Incident,
  IncidentDetail,
  IncidentType,
  Referral,
  Seizure,
} from "../../../common/schemas/incidents";
import type { Actor } from "../../authz/actor";
import { abilitiesFor } from "../../authz/engine";
import { incidentsPolicy, referralsPolicy, seizuresPolicy, type IncidentSubject } from "./incidents.policy";
import type {
  CustodyRow,
  IncidentHistoryRow,
  IncidentTypeRow,
  ReferralRow,
  SeizureRow,
} from "./incidents.table";
import type { Named } from "./incidents.queries";

export function presentIncidentType(row: IncidentTypeRow): IncidentType {
  return {
    id: row.id,
    code: row.code,
    group: row.group,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    sortOrder: row.sortOrder,
    isActive: row.isActive,
  };
}

export function presentIncident(row: IncidentSubject, actor: Actor): Incident {
  return {
    id: row.id,
    reference: row.reference,
    agencyId: row.agencyId,
    typeId: row.typeId,
    typeGroup: row.typeGroup,
    occurredOn: row.occurredOn,
    occurredTime: row.occurredTime,
    reportedAt: row.reportedAt.toISOString(),
    districtPcode: row.districtPcode,
    placeName: row.placeName,
    latitude: row.latitude,
    longitude: row.longitude,
    narrative: row.narrative,
    status: row.status,
    statusReason: row.statusReason,
    sensitivity: row.sensitivity,
    arrests: row.arrests,
    rescued: row.rescued,
    intercepted: row.intercepted,
    nationalities: row.nationalities,
    dead: row.dead,
    missing: row.missing,
    hasSeizures: row.hasSeizures,
    source: row.source,
    sourceId: row.sourceId,
    sourceUrl: row.sourceUrl,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, incidentsPolicy, row),
  };
}

export function presentSeizure(
  row: SeizureRow,
  custody: Named<CustodyRow>[],
  incident: { agencyId: string },
  actor: Actor,
): Seizure {
  return {
    id: row.id,
    incidentId: row.incidentId,
    item: row.item,
    kind: row.kind,
    description: row.description,
    quantity: row.quantity,
    unit: row.unit,
    estimatedValueLyd: row.estimatedValueLyd,
    custodyStatus: row.custodyStatus,
    custody: custody.map((c) => ({
      id: c.id,
      fromStatus: c.fromStatus,
      toStatus: c.toStatus,
      toWhom: c.toWhom,
      note: c.note,
      actorLabel: c.actorLabel,
      actorName: c.actorName,
      at: c.at.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    abilities: abilitiesFor(actor, seizuresPolicy, { ...row, agencyId: incident.agencyId }),
  };
}

export function presentReferral(row: ReferralRow, actor: Actor): Referral {
  return {
    id: row.id,
    incidentId: row.incidentId,
    agencyId: row.agencyId,
    women: row.women,
    men: row.men,
    girls: row.girls,
    boys: row.boys,
    referredTo: row.referredTo,
    referredOn: row.referredOn,
    status: row.status,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, referralsPolicy, row),
  };
}

export function presentIncidentDetail(
  row: IncidentSubject,
  actor: Actor,
  parts: {
    history: Named<IncidentHistoryRow>[];
    seizures: SeizureRow[];
    custody: Map<string, Named<CustodyRow>[]>;
    referrals: ReferralRow[];
  },
): IncidentDetail {
  return {
    ...presentIncident(row, actor),
    history: parts.history.map((h) => ({
      id: h.id,
      action: h.action,
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      reason: h.reason,
      actorLabel: h.actorLabel,
      actorName: h.actorName,
      at: h.at.toISOString(),
    })),
    seizures: parts.seizures.map((s) => presentSeizure(s, parts.custody.get(s.id) ?? [], row, actor)),
    referrals: parts.referrals.map((r) => presentReferral(r, actor)),
  };
}
