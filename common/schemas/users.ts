import { z } from "zod";
import { CALENDARS, LANGUAGES, NUMERALS, ROLES } from "../enums";
import { LIMITS } from "../limits";
import {
  ActiveFilter,
  Id,
  Line,
  PageQuery,
  Secret,
  Sensitivity,
  Timestamp,
  abilities,
  listOf,
  oneOf,
} from "./base";

export const USER_ACTIONS = ["update", "deactivate", "reactivate", "resetPassword"] as const;

export const Password = Secret(LIMITS.passwordMin, LIMITS.passwordMax);
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(LIMITS.username)
  .regex(LIMITS.usernamePattern);
const Email = z.email().max(LIMITS.email).nullable();

const userFields = {
  displayNameAr: Line(),
  displayNameEn: Line(),
  email: Email,
  agencyId: Id,
  role: z.enum(ROLES),
  language: z.enum(LANGUAGES),
  calendar: z.enum(CALENDARS),
  numerals: z.enum(NUMERALS),
  sensitivity: Sensitivity,
};

export const UserCreateBody = z.strictObject({
  ...userFields,
  username: Username,
  password: Password,
  email: Email.default(null),
  language: userFields.language.default("ar"),
  calendar: userFields.calendar.default("gregorian"),
  numerals: userFields.numerals.default("latn"),
  sensitivity: Sensitivity.default("internal"),
});
export type UserCreateBody = z.infer<typeof UserCreateBody>;

export const UserUpdateBody = z
  .strictObject(userFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });
export type UserUpdateBody = z.infer<typeof UserUpdateBody>;

export const ResetPasswordBody = z.strictObject({ password: Password });

export const UserListQuery = z.strictObject({
  ...PageQuery,
  agencyId: Id.optional(),
  role: z.enum(ROLES).optional(),
  status: ActiveFilter,
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const User = z.object({
  id: Id,
  reference: z.string(),
  username: z.string(),
  displayNameAr: z.string(),
  displayNameEn: z.string(),
  email: z.string().nullable(),
  agencyId: Id,
  role: z.enum(ROLES),
  language: z.enum(LANGUAGES),
  calendar: z.enum(CALENDARS),
  numerals: z.enum(NUMERALS),
  sensitivity: Sensitivity,
  isActive: z.boolean(),
  hasTotp: z.boolean(),
  lastLoginAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: abilities(USER_ACTIONS),
});
export type User = z.infer<typeof User>;

export const UserResponse = oneOf(User);
export const UserListResponse = listOf(User);
