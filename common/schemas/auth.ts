import { z } from "zod";
import { CALENDARS, LANGUAGES, NUMERALS, ROLES } from "../enums";
import { LIMITS } from "../limits";
import { Id, Secret } from "./base";
import { Password } from "./users";

export const LoginBody = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(LIMITS.username),
  password: Secret(1, LIMITS.passwordMax),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: Secret(1, LIMITS.passwordMax),
  newPassword: Password,
});

export const PreferencesBody = z
  .strictObject({
    language: z.enum(LANGUAGES),
    calendar: z.enum(CALENDARS),
    numerals: z.enum(NUMERALS),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });

export const TotpCodeBody = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
export const TotpDisableBody = z.strictObject({ password: Secret(1, LIMITS.passwordMax) });
export const TotpSetupResponse = z.object({ data: z.object({ secret: z.string(), uri: z.string() }) });

export const Me = z.object({
  id: Id,
  username: z.string(),
  displayNameAr: z.string(),
  displayNameEn: z.string(),
  agencyId: Id,
  agencyNameAr: z.string(),
  agencyNameEn: z.string(),
  role: z.enum(ROLES),
  language: z.enum(LANGUAGES),
  calendar: z.enum(CALENDARS),
  numerals: z.enum(NUMERALS),
  hasTotp: z.boolean(),
  /** Admin and leadership must enrol a second factor before anything else. */
  mustEnrollTotp: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Modules the user may open, for the navigation. */
  modules: z.array(z.string()),
  /** Collection-level permissions (e.g. "users.create"), for buttons that act on no record yet. */
  permissions: z.array(z.string()),
  /** True when the server runs in demo mode (npm start): the UI shows a banner. */
  demoMode: z.boolean(),
});
export type Me = z.infer<typeof Me>;
export const MeResponse = z.object({ data: Me });
export const OkResponse = z.object({ ok: z.literal(true) });
