import type { User } from "../../../common/schemas/users";
import type { Actor } from "../../authz/actor";
import { abilitiesFor } from "../../authz/engine";
import { usersPolicy } from "./users.policy";
import type { UserRow } from "./users.table";

/** A user as the API shows it: never the password hash or the second-factor secret. */
export function presentUser(row: UserRow, actor: Actor): User {
  return {
    id: row.id,
    reference: row.reference,
    username: row.username,
    displayNameAr: row.displayNameAr,
    displayNameEn: row.displayNameEn,
    email: row.email,
    agencyId: row.agencyId,
    role: row.role,
    language: row.language,
    calendar: row.calendar,
    numerals: row.numerals,
    sensitivity: row.sensitivity,
    isActive: row.isActive,
    hasTotp: row.totpEnabledAt !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, usersPolicy, row),
  };
}
