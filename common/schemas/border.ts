import { z } from "zod";
import {
  BORDER_FIGURES,
  BORDER_REPORT_ACTIONS,
  BORDER_REPORT_STATUSES,
  BORDER_SHIFTS,
  type BorderFigure,
} from "../enums";
import { LIMITS } from "../limits";
import {
  Day,
  Id,
  Line,
  NO_CONTROL_CHARS,
  OptionalLine,
  Page,
  PageQuery,
  Timestamp,
  abilities,
  oneOf,
} from "./base";

export const BorderShift = z.enum(BORDER_SHIFTS);
export const BorderReportStatus = z.enum(BORDER_REPORT_STATUSES);
export const BorderReportAction = z.enum(BORDER_REPORT_ACTIONS);

// ─── Crossings ──────────────────────────────────────────────────────────────────────────────────────────

/** A P-code of Libya's administrative divisions (LY01 … LY010401): district or municipality. */
const Pcode = z.string().regex(/^LY\d{2}(\d{2}){0,3}$/);

export const CrossingBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,20}$/),
  nameAr: Line(),
  nameEn: Line(),
  pcode: Pcode.nullable().default(null),
  latitude: z.number().min(19).max(34).nullable().default(null),
  longitude: z.number().min(9).max(26).nullable().default(null),
  /** The agency responsible for the crossing: its manager approves the daily reports and locks the day. */
  agencyId: Id,
  /** The agencies that work at the crossing: their staff enter the daily reports. */
  workingAgencyIds: z.array(Id).max(20).default([]),
});
export type CrossingBody = z.infer<typeof CrossingBody>;
export const CrossingUpdateBody = CrossingBody.partial()
  .extend({ isActive: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });
export type CrossingUpdateBody = z.infer<typeof CrossingUpdateBody>;

export const Crossing = z.object({
  id: Id,
  code: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  pcode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  agencyId: Id,
  workingAgencyIds: z.array(Id),
  isActive: z.boolean(),
});
export type Crossing = z.infer<typeof Crossing>;
export const CrossingResponse = oneOf(Crossing);
export const CrossingListResponse = z.object({ data: z.array(Crossing) });

// ─── Daily reports ──────────────────────────────────────────────────────────────────────────────────────

const Figure = z.number().int().min(0).max(LIMITS.incidentCountMax);
const figureShape = Object.fromEntries(BORDER_FIGURES.map((f) => [f, Figure.default(0)])) as {
  [K in BorderFigure]: z.ZodDefault<typeof Figure>;
};
// eslint-disable-next-line no-control-regex -- tabs and newlines are allowed, other control characters are not
const TEXT_CHARS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const Notes = z
  .string()
  .trim()
  .max(LIMITS.text)
  .regex(TEXT_CHARS)
  .transform((s) => (s === "" ? null : s))
  .nullable()
  .default(null);

export const BorderReportCreateBody = z.strictObject({
  crossingId: Id,
  day: Day,
  shift: BorderShift,
  ...figureShape,
  notes: Notes,
});
export type BorderReportCreateBody = z.infer<typeof BorderReportCreateBody>;

const optionalFigures = Object.fromEntries(BORDER_FIGURES.map((f) => [f, Figure.optional()])) as {
  [K in BorderFigure]: z.ZodOptional<typeof Figure>;
};
/** An edit of the figures; after approval only leadership corrects, and says why. */
export const BorderReportUpdateBody = z
  .strictObject({
    ...optionalFigures,
    notes: Notes.optional(),
    reason: OptionalLine(LIMITS.text).optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== "reason"), { message: "empty" });
export type BorderReportUpdateBody = z.infer<typeof BorderReportUpdateBody>;

export const BorderReportStepParams = z.strictObject({ id: Id, action: BorderReportAction });
export const BorderReportStepBody = z
  .strictObject({ reason: OptionalLine(LIMITS.text).default(null) })
  .default({ reason: null });
export type BorderReportStepBody = z.infer<typeof BorderReportStepBody>;

export const BorderReportListQuery = z.strictObject({
  crossingId: Id.optional(),
  from: Day.optional(),
  to: Day.optional(),
  shift: BorderShift.optional(),
  status: BorderReportStatus.optional(),
  q: z.string().trim().max(LIMITS.search).regex(NO_CONTROL_CHARS).optional(),
  page: PageQuery.page,
  pageSize: PageQuery.pageSize,
});
export type BorderReportListQuery = z.infer<typeof BorderReportListQuery>;

/** A figure far from its usual level: the ratio to the median of the crossing's last 30 days. */
export const FigureWarning = z.object({
  field: z.enum(BORDER_FIGURES),
  value: z.number(),
  median: z.number(),
  ratio: z.number(),
});
export type FigureWarning = z.infer<typeof FigureWarning>;

export const BORDER_REPORT_RECORD_ACTIONS = ["update", "correct", ...BORDER_REPORT_ACTIONS] as const;

const figureOutput = Object.fromEntries(BORDER_FIGURES.map((f) => [f, z.number()])) as {
  [K in BorderFigure]: z.ZodNumber;
};
export const BorderReport = z.object({
  id: Id,
  reference: z.string(),
  crossingId: Id,
  agencyId: Id,
  day: z.string(),
  shift: BorderShift,
  ...figureOutput,
  notes: z.string().nullable(),
  status: BorderReportStatus,
  statusReason: z.string().nullable(),
  warnings: z.array(FigureWarning),
  submittedAt: Timestamp.nullable(),
  approvedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  can: abilities(BORDER_REPORT_RECORD_ACTIONS),
});
export type BorderReport = z.infer<typeof BorderReport>;
export const BorderReportResponse = oneOf(BorderReport);
export const BorderReportListResponse = z.object({ data: z.array(BorderReport), page: Page });
