import { z } from "zod";
import { AGENCY_KINDS } from "../enums";
import { LIMITS } from "../limits";
import { DISTRICT_PCODES } from "../districts";
import { ActiveFilter, Id, Line, PageQuery, Sensitivity, Timestamp, abilities, listOf, oneOf } from "./base";

export const AGENCY_ACTIONS = ["update", "deactivate", "reactivate"] as const;

const agencyFields = {
  kind: z.enum(AGENCY_KINDS),
  parentId: Id.nullable(),
  code: z
    .string()
    .trim()
    .min(2)
    .max(LIMITS.code)
    .regex(/^[A-Z0-9][A-Z0-9_-]*$/),
  nameAr: Line(),
  nameEn: Line(),
  districtPcode: z.enum(DISTRICT_PCODES).nullable(),
  sensitivity: Sensitivity,
};

export const AgencyCreateBody = z.strictObject({
  ...agencyFields,
  parentId: agencyFields.parentId.default(null),
  districtPcode: agencyFields.districtPcode.default(null),
  sensitivity: Sensitivity.default("internal"),
});
export type AgencyCreateBody = z.infer<typeof AgencyCreateBody>;

export const AgencyUpdateBody = z
  .strictObject(agencyFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });
export type AgencyUpdateBody = z.infer<typeof AgencyUpdateBody>;

export const AgencyListQuery = z.strictObject({
  ...PageQuery,
  kind: z.enum(AGENCY_KINDS).optional(),
  parentId: Id.optional(),
  status: ActiveFilter,
});
export type AgencyListQuery = z.infer<typeof AgencyListQuery>;

export const Agency = z.object({
  id: Id,
  reference: z.string(),
  kind: z.enum(AGENCY_KINDS),
  parentId: Id.nullable(),
  code: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  districtPcode: z.string().nullable(),
  sensitivity: Sensitivity,
  isActive: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: abilities(AGENCY_ACTIONS),
});
export type Agency = z.infer<typeof Agency>;

export const AgencyResponse = oneOf(Agency);
export const AgencyListResponse = listOf(Agency);
