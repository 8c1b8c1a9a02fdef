import { z } from "zod";
import {
  CASH_CURRENCIES,
  CUSTODY_STATUSES,
  DRUG_KINDS,
  INCIDENT_ACTIONS,
  INCIDENT_SORTS,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  INCIDENT_TYPE_GROUPS,
  REFERRAL_STATUSES,
  SEIZURE_ITEMS,
  SEIZURE_ITEM_UNITS,
  SEIZURE_UNITS,
} from "../enums";
import { LIMITS } from "../limits";
import {
  Id,
  Instant,
  Line,
  NO_CONTROL_CHARS,
  OptionalLine,
  Page,
  PageQuery,
  Sensitivity,
  Timestamp,
  abilities,
  oneOf,
} from "./base";
import { DistrictPcode } from "./meetings";
import { Day } from "./needs";

export const IncidentTypeGroup = z.enum(INCIDENT_TYPE_GROUPS);
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export const IncidentAction = z.enum(INCIDENT_ACTIONS);
export const IncidentSource = z.enum(INCIDENT_SOURCES);
export const SeizureItem = z.enum(SEIZURE_ITEMS);
export const SeizureUnit = z.enum(SEIZURE_UNITS);
export const CustodyStatus = z.enum(CUSTODY_STATUSES);
export const ReferralStatus = z.enum(REFERRAL_STATUSES);

// eslint-disable-next-line no-control-regex -- tabs and newlines are allowed, other control characters are not
const TEXT_CHARS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const OptionalText = (max: number = LIMITS.text) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(TEXT_CHARS)
    .transform((s) => (s === "" ? null : s))
    .nullable();
const Reason = OptionalText().default(null);
const Count = z.number().int().min(0).max(LIMITS.incidentCountMax);
const area = LIMITS.incidentArea;

// ─── Incident types ─────────────────────────────────────────────────────────────────────────────────────

export const IncidentType = z.object({
  id: Id,
  code: z.string(),
  group: IncidentTypeGroup,
  nameAr: z.string(),
  nameEn: z.string(),
  sortOrder: z.number(),
  isActive: z.boolean(),
});
export type IncidentType = z.infer<typeof IncidentType>;
export const IncidentTypeListResponse = z.object({ data: z.array(IncidentType) });
export const IncidentTypeResponse = oneOf(IncidentType);

export const IncidentTypeCreateBody = z.strictObject({
  code: Line(LIMITS.code).regex(/^[a-z][a-z0-9_]*$/),
  group: IncidentTypeGroup,
  nameAr: Line(),
  nameEn: Line(),
  sortOrder: z.number().int().min(0).max(10_000).default(500),
});
export type IncidentTypeCreateBody = z.infer<typeof IncidentTypeCreateBody>;
export const IncidentTypeUpdateBody = z
  .strictObject({
    group: IncidentTypeGroup,
    nameAr: Line(),
    nameEn: Line(),
    sortOrder: z.number().int().min(0).max(10_000),
    isActive: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });
export type IncidentTypeUpdateBody = z.infer<typeof IncidentTypeUpdateBody>;

// ─── Incidents ──────────────────────────────────────────────────────────────────────────────────────────

/** Migrants intercepted by nationality (ISO 3166-1 alpha-2); the counts add up to at most the total. */
export const NationalityCount = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/),
  count: z.number().int().min(1).max(LIMITS.incidentCountMax),
});

const incidentFields = {
  agencyId: Id,
  typeId: Id,
  occurredOn: Day,
  /** Local time of day (Africa/Tripoli), when known. */
  occurredTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullable(),
  districtPcode: DistrictPcode.nullable(),
  placeName: Line(),
  latitude: z.number().min(area.south).max(area.north).nullable(),
  longitude: z.number().min(area.west).max(area.east).nullable(),
  narrative: OptionalText(LIMITS.narrative),
  sensitivity: Sensitivity,
  arrests: Count,
  rescued: Count,
  intercepted: Count,
  nationalities: z.array(NationalityCount).max(LIMITS.nationalitiesMax),
  dead: Count,
  missing: Count,
};

type Outcomes = {
  latitude?: number | null;
  longitude?: number | null;
  intercepted?: number;
  nationalities?: { country: string; count: number }[];
};
/** Coordinates come as a pair; a nationality appears once and the breakdown never exceeds the total. */
function checkIncident(b: Outcomes, ctx: z.RefinementCtx) {
  if (
    b.latitude !== undefined &&
    b.longitude !== undefined &&
    (b.latitude === null) !== (b.longitude === null)
  )
    ctx.addIssue({
      code: "custom",
      message: "one_of",
      path: [b.latitude === null ? "latitude" : "longitude"],
    });
  if (b.nationalities) {
    const countries = b.nationalities.map((n) => n.country);
    if (new Set(countries).size !== countries.length)
      ctx.addIssue({ code: "custom", message: "duplicate", path: ["nationalities"] });
    const sum = b.nationalities.reduce((s, n) => s + n.count, 0);
    if (b.intercepted !== undefined && sum > b.intercepted)
      ctx.addIssue({ code: "custom", message: "over_total", path: ["nationalities"] });
  }
}

export const IncidentCreateBody = z
  .strictObject({
    ...incidentFields,
    occurredTime: incidentFields.occurredTime.default(null),
    districtPcode: incidentFields.districtPcode.default(null),
    latitude: incidentFields.latitude.default(null),
    longitude: incidentFields.longitude.default(null),
    narrative: incidentFields.narrative.default(null),
    sensitivity: Sensitivity.default("internal"),
    arrests: Count.default(0),
    rescued: Count.default(0),
    intercepted: Count.default(0),
    nationalities: incidentFields.nationalities.default([]),
    dead: Count.default(0),
    missing: Count.default(0),
  })
  .superRefine(checkIncident);
export type IncidentCreateBody = z.infer<typeof IncidentCreateBody>;

export const IncidentUpdateBody = z
  .strictObject(incidentFields)
  .omit({ agencyId: true })
  .partial()
  .superRefine((b, ctx) => {
    if (Object.keys(b).length === 0) ctx.addIssue({ code: "custom", message: "empty", path: [] });
    checkIncident(b, ctx);
  });
export type IncidentUpdateBody = z.infer<typeof IncidentUpdateBody>;

/** A status step; closing and reopening need a reason (refused as `reason_required` otherwise). */
export const IncidentStepBody = z.strictObject({ reason: Reason }).default({ reason: null });
export type IncidentStepBody = z.infer<typeof IncidentStepBody>;
export const IncidentStepParams = z.strictObject({ id: Id, action: IncidentAction });

const Bool = z.enum(["true", "false"]);

/** An area of the map, "west,south,east,north" in degrees: the incidents whose coordinates lie inside it. */
export const Bbox = z
  .string()
  .max(100)
  .regex(/^-?\d{1,3}(\.\d{1,8})?(,-?\d{1,3}(\.\d{1,8})?){3}$/)
  .refine((value) => {
    const [west, south, east, north] = parseBbox(value);
    return west < east && south < north && south >= -90 && north <= 90 && west >= -180 && east <= 180;
  }, "invalid_value");
export function parseBbox(value: string): [number, number, number, number] {
  const [west = 0, south = 0, east = 0, north = 0] = value.split(",").map(Number);
  return [west, south, east, north];
}

/** A district, or `none`: incidents in no district (at sea, across a border, or not placed). */
export const NO_DISTRICT = "none";
export const IncidentListFilters = {
  typeId: Id.optional(),
  group: IncidentTypeGroup.optional(),
  district: z.union([DistrictPcode, z.literal(NO_DISTRICT)]).optional(),
  /** A place name, matched like the search (folded Arabic). */
  place: z.string().trim().max(LIMITS.name).regex(NO_CONTROL_CHARS).optional(),
  from: Day.optional(),
  to: Day.optional(),
  status: IncidentStatus.optional(),
  agencyId: Id.optional(),
  sensitivity: Sensitivity.optional(),
  hasSeizures: Bool.optional(),
  bbox: Bbox.optional(),
  q: PageQuery.q,
};
export const IncidentListQuery = z.strictObject({
  ...IncidentListFilters,
  sort: z.enum(INCIDENT_SORTS).default("occurred_desc"),
  page: PageQuery.page,
  pageSize: PageQuery.pageSize,
});
export type IncidentListQuery = z.infer<typeof IncidentListQuery>;
export const IncidentFilterQuery = z.strictObject(IncidentListFilters);
export type IncidentFilterQuery = z.infer<typeof IncidentFilterQuery>;

/** The map's data for the list's filters: `zoom` chooses between counts by district and points of the visible area. */
export const IncidentMapQuery = z.strictObject({
  ...IncidentListFilters,
  zoom: z.coerce.number().int().min(0).max(22).default(5),
});
export type IncidentMapQuery = z.infer<typeof IncidentMapQuery>;
export const MapCluster = z.object({
  longitude: z.number(),
  latitude: z.number(),
  count: z.number().int(),
  /** What the cluster holds, as the list's filters: a district (country view) or an area (closer views). */
  district: DistrictPcode.nullable(),
  bbox: z.string().nullable(),
  /** A cluster of one incident names it. */
  incidentId: Id.nullable(),
  reference: z.string().nullable(),
});
export const IncidentMapResponse = z.object({
  /** Counts by district for the filters over all of Libya (the choropleth), and those with no district. */
  districts: z.array(z.object({ pcode: DistrictPcode, count: z.number().int() })),
  withoutDistrict: z.number().int(),
  /** "districts": one cluster per district at its centre plus the located incidents outside every district. */
  mode: z.enum(["districts", "points"]),
  clusters: z.array(MapCluster),
  /** True when the visible area held more clusters than are sent (the densest are kept). */
  truncated: z.boolean(),
  /** How many of the counted incidents came from other organisations' data (IOM, ACLED), to attribute them. */
  imported: z.array(z.object({ source: z.enum(["acled", "iom"]), count: z.number().int() })),
});
export type IncidentMapResponse = z.infer<typeof IncidentMapResponse>;

export const INCIDENT_RECORD_ACTIONS = ["update", ...INCIDENT_ACTIONS, "addSeizure", "addReferral"] as const;

export const Incident = z.object({
  id: Id,
  reference: z.string(),
  agencyId: Id,
  typeId: Id,
  typeGroup: IncidentTypeGroup,
  occurredOn: z.string(),
  occurredTime: z.string().nullable(),
  reportedAt: Timestamp,
  districtPcode: DistrictPcode.nullable(),
  placeName: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  narrative: z.string().nullable(),
  status: IncidentStatus,
  statusReason: z.string().nullable(),
  sensitivity: Sensitivity,
  arrests: z.number(),
  rescued: z.number(),
  intercepted: z.number(),
  nationalities: z.array(z.object({ country: z.string(), count: z.number() })),
  dead: z.number(),
  missing: z.number(),
  hasSeizures: z.boolean(),
  source: IncidentSource,
  sourceId: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: abilities(INCIDENT_RECORD_ACTIONS),
});
export type Incident = z.infer<typeof Incident>;
export const IncidentResponse = oneOf(Incident);
export const IncidentListResponse = z.object({ data: z.array(Incident), page: Page });

// ─── Seizures ───────────────────────────────────────────────────────────────────────────────────────────

const Quantity = z.number().positive().max(LIMITS.seizureQuantityMax).multipleOf(0.001);
const ValueLyd = z.number().min(0).max(LIMITS.seizureValueMax).multipleOf(0.01);

/** The unit must be one the item is counted in; drugs name their kind, cash its currency. */
function checkSeizure(b: { item: string; unit: string; kind: string | null }, ctx: z.RefinementCtx) {
  const item = b.item as (typeof SEIZURE_ITEMS)[number];
  if (!SEIZURE_ITEM_UNITS[item].includes(b.unit as (typeof SEIZURE_UNITS)[number]))
    ctx.addIssue({ code: "custom", message: "unit_for_item", path: ["unit"] });
  const kinds: readonly string[] | null =
    item === "drugs" ? DRUG_KINDS : item === "cash" ? CASH_CURRENCIES : null;
  if (kinds ? b.kind === null || !kinds.includes(b.kind) : b.kind !== null)
    ctx.addIssue({ code: "custom", message: kinds ? "required" : "invalid", path: ["kind"] });
}

export const SeizureCreateBody = z
  .strictObject({
    item: SeizureItem,
    /** Drugs: one of DRUG_KINDS; cash: one of CASH_CURRENCIES; other items: null. */
    kind: z.string().max(LIMITS.code).nullable().default(null),
    description: OptionalLine().default(null),
    quantity: Quantity,
    unit: SeizureUnit,
    estimatedValueLyd: ValueLyd.nullable().default(null),
  })
  .superRefine(checkSeizure);
export type SeizureCreateBody = z.infer<typeof SeizureCreateBody>;

/** A custody change: handing over or returning names to whom. */
export const CustodyBody = z
  .strictObject({
    status: CustodyStatus,
    toWhom: OptionalLine().default(null),
    /** When it happened (defaults to now). */
    at: Instant.nullable().default(null),
    note: OptionalText().default(null),
  })
  .superRefine((b, ctx) => {
    if ((b.status === "handed_over" || b.status === "returned") && b.toWhom === null)
      ctx.addIssue({ code: "custom", message: "one_of", path: ["toWhom"] });
  });
export type CustodyBody = z.infer<typeof CustodyBody>;

export const CustodyEntry = z.object({
  id: Id,
  fromStatus: CustodyStatus.nullable(),
  toStatus: CustodyStatus,
  toWhom: z.string().nullable(),
  note: z.string().nullable(),
  actorLabel: z.string(),
  /** The person's names; null for an automatic process (its label is then named by audit.systemActors). */
  actorName: z.object({ ar: z.string(), en: z.string() }).nullable(),
  at: Timestamp,
});

export const Seizure = z.object({
  id: Id,
  incidentId: Id,
  item: SeizureItem,
  kind: z.string().nullable(),
  description: z.string().nullable(),
  quantity: z.number(),
  unit: SeizureUnit,
  estimatedValueLyd: z.number().nullable(),
  custodyStatus: CustodyStatus,
  custody: z.array(CustodyEntry),
  createdAt: Timestamp,
  abilities: abilities(["custody"] as const),
});
export type Seizure = z.infer<typeof Seizure>;
export const SeizureResponse = oneOf(Seizure);

export const SeizureRegisterQuery = z.strictObject({
  ...IncidentListFilters,
  item: SeizureItem.optional(),
  custodyStatus: CustodyStatus.optional(),
});
export type SeizureRegisterQuery = z.infer<typeof SeizureRegisterQuery>;
export const SeizureTotal = z.object({
  item: SeizureItem,
  kind: z.string().nullable(),
  unit: SeizureUnit,
  custodyStatus: CustodyStatus,
  count: z.number(),
  quantity: z.number(),
  estimatedValueLyd: z.number(),
});
export const SeizureRegisterResponse = z.object({ data: z.array(SeizureTotal) });

// ─── Victim protection referrals ────────────────────────────────────────────────────────────────────────

/** Counts by sex and age group only: no names, photographs, identity documents or biometrics, ever. */
const referralFields = {
  women: Count,
  men: Count,
  girls: Count,
  boys: Count,
  referredTo: Line(),
  referredOn: Day,
  status: ReferralStatus,
  notes: OptionalText(),
};
const hasSomeone = (b: { women?: number; men?: number; girls?: number; boys?: number }) =>
  (b.women ?? 0) + (b.men ?? 0) + (b.girls ?? 0) + (b.boys ?? 0) > 0;

export const ReferralCreateBody = z
  .strictObject({
    ...referralFields,
    women: Count.default(0),
    men: Count.default(0),
    girls: Count.default(0),
    boys: Count.default(0),
    status: ReferralStatus.default("in_progress"),
    notes: referralFields.notes.default(null),
  })
  .refine(hasSomeone, { message: "one_of", path: ["women"] });
export type ReferralCreateBody = z.infer<typeof ReferralCreateBody>;
export const ReferralUpdateBody = z
  .strictObject(referralFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });
export type ReferralUpdateBody = z.infer<typeof ReferralUpdateBody>;

export const Referral = z.object({
  id: Id,
  incidentId: Id,
  agencyId: Id,
  women: z.number(),
  men: z.number(),
  girls: z.number(),
  boys: z.number(),
  referredTo: z.string(),
  referredOn: z.string(),
  status: ReferralStatus,
  notes: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: abilities(["update"] as const),
});
export type Referral = z.infer<typeof Referral>;
export const ReferralResponse = oneOf(Referral);

// ─── The incident page ──────────────────────────────────────────────────────────────────────────────────

export const IncidentHistoryEntry = z.object({
  id: Id,
  action: z.string(),
  fromStatus: IncidentStatus.nullable(),
  toStatus: IncidentStatus,
  reason: z.string().nullable(),
  actorLabel: z.string(),
  actorName: z.object({ ar: z.string(), en: z.string() }).nullable(),
  at: Timestamp,
});

export const IncidentDetail = Incident.extend({
  history: z.array(IncidentHistoryEntry),
  seizures: z.array(Seizure),
  /** Only to the recording agency and leadership; empty for everyone else. */
  referrals: z.array(Referral),
});
export type IncidentDetail = z.infer<typeof IncidentDetail>;
export const IncidentDetailResponse = oneOf(IncidentDetail);
