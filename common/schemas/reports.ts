import { z } from "zod";
import { INCIDENT_SOURCES, NEED_CATEGORIES } from "../enums";
import { ISO_WEEK, isoWeekDays } from "../periods";
import { Id } from "./base";
import { ListLink } from "./dashboard";
import { DistrictPcode } from "./meetings";

/** An ISO 8601 week, e.g. "2026-W48" (Monday to Sunday). */
export const IsoWeek = z
  .string()
  .regex(ISO_WEEK)
  .refine((w) => isoWeekDays(w) !== null);

export const WEEKLY_REPORT_FORMATS = ["pdf", "xlsx"] as const;

/** The week (by default the last whole week before today, Africa/Tripoli) and, optionally, one district. */
export const WeeklyReportQuery = z.strictObject({
  week: IsoWeek.optional(),
  district: DistrictPcode.optional(),
});
export type WeeklyReportQuery = z.infer<typeof WeeklyReportQuery>;

const Figure = z.object({ value: z.number(), link: ListLink });
const Named = { nameAr: z.string(), nameEn: z.string() };

/**
 * The weekly security report of one reader: each figure with the list it counts (the same filters and the same
 * visibility, so its total equals the figure). Incidents and crossings are of the week (and district); tasks,
 * commitments and needs are their state when the report is drawn, region-wide.
 */
export const WeeklyReport = z.object({
  week: z.string(),
  from: z.string(),
  to: z.string(),
  district: z.object({ pcode: DistrictPcode, ...Named }).nullable(),
  generatedAt: z.string(),
  incidents: Figure.extend({
    previousWeek: z.number(),
    arrests: z.number(),
    rescued: z.number(),
    intercepted: z.number(),
    dead: z.number(),
    missing: z.number(),
    withSeizures: Figure,
  }),
  byType: z.array(Figure.extend({ typeId: Id, ...Named })),
  byDistrict: z.array(Figure.extend({ pcode: DistrictPcode, ...Named })),
  crossings: z.array(
    z.object({
      id: Id,
      ...Named,
      reports: Figure,
      arrivals: z.number(),
      departures: z.number(),
      vehicles: z.number(),
      migrantsIntercepted: z.number(),
    }),
  ),
  /** Each indicator of the active plans the reader may list, where it stands against its target (as the plan page). */
  indicators: z.array(
    z.object({
      planId: Id,
      planTitleAr: z.string(),
      planTitleEn: z.string().nullable(),
      indicatorId: Id,
      nameAr: z.string(),
      nameEn: z.string().nullable(),
      unit: z.string(),
      baseline: z.number(),
      target: z.number(),
      current: z.number().nullable(),
      achievement: z.number().nullable(),
    }),
  ),
  overdueByAgency: z.array(Figure.extend({ agencyId: Id, ...Named })),
  commitmentsOverdue: Figure,
  commitmentsDueSoon: Figure,
  openNeeds: z.array(Figure.extend({ category: z.enum(NEED_CATEGORIES), estimatedCostLyd: z.number() })),
  /** Where the week's incidents came from (Tansiq, IOM Missing Migrants, ACLED, community reports). */
  sources: z.array(z.object({ source: z.enum(INCIDENT_SOURCES), count: z.number() })),
  /** The audit chain's head when the report was drawn: a later check shows nothing before it was changed. */
  auditHead: z.object({ position: z.number(), link: z.string() }).nullable(),
});
export type WeeklyReport = z.infer<typeof WeeklyReport>;
export const WeeklyReportResponse = z.object({ data: WeeklyReport });

/** The reader's weekly e-mail of the report: whether they receive it, for which district (null: the region). */
export const ReportSubscription = z.object({
  subscribed: z.boolean(),
  district: DistrictPcode.nullable(),
  lastSentWeek: z.string().nullable(),
});
export type ReportSubscription = z.infer<typeof ReportSubscription>;
export const ReportSubscriptionResponse = z.object({ data: ReportSubscription });
/** `subscribed: false` stops the e-mails (Tansiq has no DELETE routes: every change is a PUT, PATCH or POST). */
export const ReportSubscriptionBody = z.strictObject({
  subscribed: z.boolean().default(true),
  district: DistrictPcode.nullable().default(null),
});
