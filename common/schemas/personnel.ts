import { z } from "zod";
import { LIMITS } from "../limits";
import {
  ActiveFilter,
  Id,
  Line,
  OptionalLine,
  PageQuery,
  Sensitivity,
  Timestamp,
  abilities,
  listOf,
  oneOf,
} from "./base";

export const PERSON_ACTIONS = ["update", "deactivate", "reactivate"] as const;

const personFields = {
  nameAr: Line(),
  nameEn: OptionalLine(),
  rank: OptionalLine(LIMITS.code * 2),
  positionAr: OptionalLine(),
  positionEn: OptionalLine(),
  agencyId: Id,
  serviceNumber: OptionalLine(LIMITS.code),
  sensitivity: Sensitivity,
};

export const PersonCreateBody = z.strictObject({
  ...personFields,
  nameEn: personFields.nameEn.default(null),
  rank: personFields.rank.default(null),
  positionAr: personFields.positionAr.default(null),
  positionEn: personFields.positionEn.default(null),
  serviceNumber: personFields.serviceNumber.default(null),
  sensitivity: Sensitivity.default("internal"),
});
export type PersonCreateBody = z.infer<typeof PersonCreateBody>;

export const PersonUpdateBody = z
  .strictObject(personFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });
export type PersonUpdateBody = z.infer<typeof PersonUpdateBody>;

export const PersonListQuery = z.strictObject({
  ...PageQuery,
  agencyId: Id.optional(),
  status: ActiveFilter,
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;

export const Person = z.object({
  id: Id,
  reference: z.string(),
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  rank: z.string().nullable(),
  positionAr: z.string().nullable(),
  positionEn: z.string().nullable(),
  agencyId: Id,
  serviceNumber: z.string().nullable(),
  sensitivity: Sensitivity,
  isActive: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: abilities(PERSON_ACTIONS),
});
export type Person = z.infer<typeof Person>;

export const PersonResponse = oneOf(Person);
export const PersonListResponse = listOf(Person);
