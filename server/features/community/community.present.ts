import type { CommunityReport } from "../../../common/schemas/community";
import type { Actor } from "../../authz/actor";
import { abilitiesFor } from "../../authz/engine";
import { communityPolicy } from "./community.policy";
import type { CommunityReportRow } from "./community.table";

/** A report as the audit log keeps it: no tracking-code hash, and whether a contact was left, not the contact. */
export function auditView(row: CommunityReportRow) {
  const { codeHash: _code, contact, searchKey: _key, ...rest } = row;
  return { ...rest, hasContact: contact !== null };
}

/** A report for the inbox; the contact only for the assigned agency and leadership (the policy's `seeContact`). */
export function presentReport(
  row: CommunityReportRow,
  actor: Actor,
  references: Map<string, string>,
): CommunityReport {
  const can = abilitiesFor(actor, communityPolicy, row);
  const ref = (id: string | null) => (id ? (references.get(id) ?? null) : null);
  return {
    id: row.id,
    reference: row.reference,
    category: row.category,
    text: row.text,
    districtPcode: row.districtPcode,
    townPcode: row.townPcode,
    latitude: row.latitude,
    longitude: row.longitude,
    when: row.when,
    contact: can.seeContact ? row.contact : null,
    hasContact: row.contact !== null,
    status: row.status,
    outcome: row.outcome,
    receivingAgencyId: row.receivingAgencyId,
    assignedAgencyId: row.assignedAgencyId,
    duplicateOfId: row.duplicateOfId,
    duplicateOfReference: ref(row.duplicateOfId),
    similarToId: row.similarToId,
    similarToReference: ref(row.similarToId),
    incidentId: row.incidentId,
    incidentReference: ref(row.incidentId),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can,
  };
}
