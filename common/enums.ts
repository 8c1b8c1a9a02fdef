// Closed lists shared by the database schema, the API schemas and the web forms.

export const AGENCY_KINDS = [
  "ministry",
  "directorate",
  "agency",
  "municipality",
  "parliament",
  "border_crossing",
  "partner",
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const ROLES = ["admin", "leadership", "manager", "officer", "observer", "trainer"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that must use a second factor (TOTP). */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ["admin", "leadership"];

export const SENSITIVITIES = ["internal", "restricted"] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export const LANGUAGES = ["ar", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const CALENDARS = ["gregorian", "hijri"] as const;
export type Calendar = (typeof CALENDARS)[number];

export const NUMERALS = ["latn", "arab"] as const;
export type Numerals = (typeof NUMERALS)[number];

export const TIME_ZONE = "Africa/Tripoli";
