import type { Person } from "../../../common/schemas/personnel";
import type { Actor } from "../../authz/actor";
import { abilitiesFor } from "../../authz/engine";
import { personnelPolicy } from "./personnel.policy";
import type { PersonRow } from "./personnel.table";

export function presentPerson(row: PersonRow, actor: Actor): Person {
  return {
    id: row.id,
    reference: row.reference,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    rank: row.rank,
    positionAr: row.positionAr,
    positionEn: row.positionEn,
    agencyId: row.agencyId,
    serviceNumber: row.serviceNumber,
    sensitivity: row.sensitivity,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, personnelPolicy, row),
  };
}
