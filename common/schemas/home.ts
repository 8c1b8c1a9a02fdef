import { z } from "zod";
import { BORDER_SHIFTS } from "../enums";
import { Id } from "./base";
import { ListLink } from "./dashboard";

/**
 * What needs the reader's attention today, by group: each group counts what the list it links to totals for the
 * reader (the same filters, the same visibility) and shows its first few records.
 */
export const HOME_GROUPS = [
  "overdueTasks",
  "overdueCommitments",
  "commitmentsDueSoon",
  "needDecisions",
  "borderApprovals",
] as const;
export type HomeGroupKind = (typeof HOME_GROUPS)[number];

/** One record of a group: enough to name it and open its page. */
export const HomeItem = z.object({
  id: Id,
  reference: z.string(),
  titleAr: z.string(),
  titleEn: z.string().nullable(),
  /** Due day (tasks, commitments) or the report's day (border reports), Africa/Tripoli. */
  day: z.string().nullable(),
  /** The commitment's meeting, when the reader may open it (a commitment's page is its meeting's). */
  meetingId: Id.nullable(),
  /** A border report's shift (its title is its day and shift; the group names the crossing). */
  shift: z.enum(BORDER_SHIFTS).nullable(),
});
export type HomeItem = z.infer<typeof HomeItem>;

export const HomeGroup = z.object({
  kind: z.enum(HOME_GROUPS),
  /** Need decisions: the step waiting for the reader (submit, endorse, review, approve, start). */
  step: z.string().nullable(),
  /** Border approvals: the crossing's names. */
  crossing: z.object({ nameAr: z.string(), nameEn: z.string() }).nullable(),
  count: z.number(),
  link: ListLink,
  items: z.array(HomeItem),
});
export type HomeGroup = z.infer<typeof HomeGroup>;

export const Home = z.object({
  /** Today in Africa/Tripoli, as the groups count it. */
  today: z.string(),
  groups: z.array(HomeGroup),
});
export type Home = z.infer<typeof Home>;
export const HomeResponse = z.object({ data: Home });
