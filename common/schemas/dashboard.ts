import { z } from "zod";
import { INCIDENT_SOURCES, NEED_CATEGORIES } from "../enums";
import { Id } from "./base";

/** The lists a dashboard figure summarises: its API list is /api/v1/<list>, its page LIST_PAGES[list]. */
export const DASHBOARD_LISTS = [
  "plans",
  "tasks",
  "commitments",
  "needs",
  "incidents",
  "border-reports",
] as const;
export type DashboardList = (typeof DASHBOARD_LISTS)[number];
export const LIST_PAGES: Record<DashboardList, string> = {
  plans: "/plans",
  tasks: "/tasks",
  commitments: "/commitments",
  needs: "/needs",
  incidents: "/incidents",
  "border-reports": "/border",
};

export const DashboardQuery = z.strictObject({ unit: z.enum(["week", "month"]).default("week") });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** The list a figure counts, with the same filters: its total equals the figure. */
export const ListLink = z.object({ list: z.enum(DASHBOARD_LISTS), query: z.record(z.string(), z.string()) });
export type ListLink = z.infer<typeof ListLink>;

const Figure = z.object({ value: z.number(), link: ListLink });

export const Dashboard = z.object({
  /** Twelve weeks or months up to today (Africa/Tripoli): the first day of each, and the whole span. */
  unit: z.enum(["week", "month"]),
  from: z.string(),
  to: z.string(),
  periods: z.array(z.object({ from: z.string(), to: z.string() })),
  activePlans: Figure,
  plans: z.array(
    z.object({
      id: Id,
      titleAr: z.string(),
      titleEn: z.string().nullable(),
      progress: z.number(),
      taskCount: z.number(),
      overdueCount: z.number(),
    }),
  ),
  overdueByAgency: z.array(Figure.extend({ agencyId: Id })),
  commitmentsDueSoon: Figure,
  openNeeds: z.array(Figure.extend({ category: z.enum(NEED_CATEGORIES), estimatedCostLyd: z.number() })),
  /** Incidents by type: a value per period, and the total over the span (the figure the link counts). */
  incidentsByType: z.array(
    Figure.extend({ typeId: Id, nameAr: z.string(), nameEn: z.string(), values: z.array(z.number()) }),
  ),
  /** Where the span's incidents came from: the sources (IOM, ACLED) are attributed beside the chart. */
  incidentSources: z.array(z.object({ source: z.enum(INCIDENT_SOURCES), count: z.number() })),
  crossing: z
    .object({
      id: Id,
      nameAr: z.string(),
      nameEn: z.string(),
      reports: Figure,
      arrivals: z.array(z.number()),
      departures: z.array(z.number()),
      vehicles: z.array(z.number()),
      migrantsIntercepted: z.array(z.number()),
      /** Incidents with seizures in the crossing's district, per period. */
      seizures: z.array(z.number()),
      seizureIncidents: Figure,
    })
    .nullable(),
});
export type Dashboard = z.infer<typeof Dashboard>;
export const DashboardResponse = z.object({ data: Dashboard });
