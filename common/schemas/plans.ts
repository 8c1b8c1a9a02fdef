import { z } from "zod";
import {
  BORDER_FIGURES,
  INCIDENT_MEASURES,
  INCIDENT_STATUSES,
  INCIDENT_TYPE_GROUPS,
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  INDICATOR_SOURCES,
  PLAN_STATUSES,
} from "../enums";
import { LIMITS } from "../limits";
import {
  Day,
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

export const PLAN_ACTIONS = ["update", "activate", "complete", "archive", "addObjective", "addTask"] as const;
export const OBJECTIVE_ACTIONS = ["update", "addIndicator"] as const;
export const INDICATOR_ACTIONS = ["update", "measure"] as const;

export const DateOnly = Day;
export const PlanStatus = z.enum(PLAN_STATUSES);
const Text = z.string().trim().max(LIMITS.text).nullable().default(null);

const planFields = {
  titleAr: Line(),
  titleEn: OptionalLine(),
  description: z.string().trim().max(LIMITS.text).nullable(),
  districtPcode: z
    .string()
    .regex(/^LY\d{4}$/)
    .nullable(),
  startsOn: DateOnly,
  endsOn: DateOnly,
  agencyId: Id,
  sensitivity: Sensitivity,
};
const periodOk = (b: { startsOn?: string; endsOn?: string }) =>
  !b.startsOn || !b.endsOn || b.startsOn <= b.endsOn;
const periodIssue = { message: "endsOn", path: ["endsOn"] };

export const PlanCreateBody = z
  .strictObject({
    ...planFields,
    titleEn: planFields.titleEn.default(null),
    description: Text,
    districtPcode: planFields.districtPcode.default(null),
    sensitivity: Sensitivity.default("internal"),
  })
  .refine(periodOk, periodIssue);
export type PlanCreateBody = z.infer<typeof PlanCreateBody>;

export const PlanUpdateBody = z
  .strictObject({ ...planFields, agencyId: planFields.agencyId.optional() })
  .omit({ agencyId: true })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" })
  .refine(periodOk, periodIssue);
export type PlanUpdateBody = z.infer<typeof PlanUpdateBody>;

export const PlanListQuery = z.strictObject({
  ...PageQuery,
  status: PlanStatus.optional(),
  agencyId: Id.optional(),
  sort: z.enum(["startsOn", "endsOn", "title", "progress"]).default("startsOn"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});
export type PlanListQuery = z.infer<typeof PlanListQuery>;

export const Plan = z.object({
  id: Id,
  reference: z.string(),
  titleAr: z.string(),
  titleEn: z.string().nullable(),
  description: z.string().nullable(),
  districtPcode: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  agencyId: Id,
  status: PlanStatus,
  sensitivity: Sensitivity,
  /** Roll-up: mean progress of the plan's tasks that are not cancelled (0–100), and counts. */
  progress: z.number(),
  taskCount: z.number(),
  overdueCount: z.number(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: abilities(PLAN_ACTIONS),
});
export type Plan = z.infer<typeof Plan>;
export const PlanResponse = oneOf(Plan);
export const PlanListResponse = listOf(Plan);

export const ObjectiveBody = z.strictObject({
  titleAr: Line(),
  titleEn: OptionalLine().default(null),
  description: Text,
});
export type ObjectiveBody = z.infer<typeof ObjectiveBody>;
export const ObjectiveUpdateBody = ObjectiveBody.partial();

/** An indicator computed from the incidents: a count or the sum of one outcome, of the incidents that match. */
export const IncidentIndicatorSpec = z.strictObject({
  measure: z.enum(INCIDENT_MEASURES),
  typeId: Id.nullable().default(null),
  group: z.enum(INCIDENT_TYPE_GROUPS).nullable().default(null),
  district: z
    .string()
    .regex(/^LY\d{4}$/)
    .nullable()
    .default(null),
  agencyId: Id.nullable().default(null),
  status: z.enum(INCIDENT_STATUSES).nullable().default(null),
});
export type IncidentIndicatorSpec = z.infer<typeof IncidentIndicatorSpec>;
/** An indicator computed from a crossing's daily reports: the sum of one figure. */
export const BorderIndicatorSpec = z.strictObject({ crossingId: Id, figure: z.enum(BORDER_FIGURES) });
export type BorderIndicatorSpec = z.infer<typeof BorderIndicatorSpec>;
export const IndicatorSpec = z.union([IncidentIndicatorSpec, BorderIndicatorSpec]);
export type IndicatorSpec = z.infer<typeof IndicatorSpec>;

/** A computed source needs its spec, of its own shape; a manual one has none. */
const specFits = (b: { source?: string; spec?: IndicatorSpec | null }) =>
  b.source === undefined && b.spec === undefined
    ? true
    : b.source === "incidents"
      ? !!b.spec && "measure" in b.spec
      : b.source === "border"
        ? !!b.spec && "figure" in b.spec
        : !b.spec;
const specIssue = { message: "spec", path: ["spec"] };

const indicatorFields = {
  nameAr: Line(),
  nameEn: OptionalLine(),
  unit: Line(LIMITS.code * 2),
  baseline: z.number().finite(),
  target: z.number().finite(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  frequency: z.enum(INDICATOR_FREQUENCIES),
  source: z.enum(INDICATOR_SOURCES),
  spec: IndicatorSpec.nullable(),
};
export const IndicatorBody = z
  .strictObject({
    ...indicatorFields,
    nameEn: indicatorFields.nameEn.default(null),
    source: indicatorFields.source.default("manual"),
    spec: indicatorFields.spec.default(null),
  })
  .refine(specFits, specIssue);
export type IndicatorBody = z.infer<typeof IndicatorBody>;
/** An edit; changing the source or the spec sends both. */
export const IndicatorUpdateBody = z
  .strictObject(indicatorFields)
  .partial()
  .refine((b) => (b.source === undefined) === (b.spec === undefined), specIssue)
  .refine(specFits, specIssue);
export type IndicatorUpdateBody = z.infer<typeof IndicatorUpdateBody>;

/** One period of a computed indicator: its first and last day and the figure over it. */
export const IndicatorPoint = z.object({ from: z.string(), to: z.string(), value: z.number() });
export type IndicatorPoint = z.infer<typeof IndicatorPoint>;

export const MeasurementBody = z.strictObject({
  measuredOn: DateOnly,
  value: z.number().finite(),
  note: OptionalLine(LIMITS.text).default(null),
});
export type MeasurementBody = z.infer<typeof MeasurementBody>;

export const Measurement = z.object({
  id: Id,
  measuredOn: z.string(),
  value: z.number(),
  note: z.string().nullable(),
  recordedBy: Id.nullable(),
  createdAt: Timestamp,
});

export const Indicator = z.object({
  id: Id,
  objectiveId: Id,
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  unit: z.string(),
  baseline: z.number(),
  target: z.number(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  frequency: z.enum(INDICATOR_FREQUENCIES),
  source: z.enum(INDICATOR_SOURCES),
  spec: IndicatorSpec.nullable(),
  /** Computed indicators: one point per period of the frequency, from the plan's start to today (what the reader may list). */
  series: z.array(IndicatorPoint),
  /** Latest value and how far from baseline to target it stands (0–100). */
  current: z.number().nullable(),
  achievement: z.number().nullable(),
  measurements: z.array(Measurement),
  abilities: abilities(INDICATOR_ACTIONS),
});
export type Indicator = z.infer<typeof Indicator>;

export const Objective = z.object({
  id: Id,
  planId: Id,
  position: z.number(),
  titleAr: z.string(),
  titleEn: z.string().nullable(),
  description: z.string().nullable(),
  progress: z.number(),
  taskCount: z.number(),
  indicators: z.array(Indicator),
  abilities: abilities(OBJECTIVE_ACTIONS),
});
export type Objective = z.infer<typeof Objective>;

export const PlanDetail = Plan.extend({ objectives: z.array(Objective) });
export const PlanDetailResponse = oneOf(PlanDetail);
export const ObjectiveResponse = oneOf(Objective);
export const IndicatorResponse = oneOf(Indicator);
export const PlanIdParams = z.strictObject({ id: Id });

export const RegionOverviewResponse = z.object({
  data: z.object({
    plans: z.array(Plan),
    overdueByAgency: z.array(
      z.object({ agencyId: Id, overdue: z.number(), dueSoon: z.number(), open: z.number() }),
    ),
  }),
});
