import type { Agency } from "../../../common/schemas/agencies";
import type { Actor } from "../../authz/actor";
import { abilitiesFor } from "../../authz/engine";
import { agenciesPolicy } from "./agencies.policy";
import type { AgencyRow } from "./agencies.table";

export function presentAgency(row: AgencyRow, actor: Actor): Agency {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    parentId: row.parentId,
    code: row.code,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    districtPcode: row.districtPcode,
    sensitivity: row.sensitivity,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, agenciesPolicy, row),
  };
}
