import { z } from "zod";
import { RecordOrigin } from "./origins";
import { TaskCreateBody } from "./tasks";
import {
  CURRENCIES,
  NEED_ACTIONS,
  NEED_CATEGORIES,
  NEED_PRIORITIES,
  NEED_STATUSES,
  PROBLEM_IMPACTS,
  PROBLEM_STATUSES,
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
  oneOf,
  Page,
} from "./base";

export const NeedCategory = z.enum(NEED_CATEGORIES);
export const NeedPriority = z.enum(NEED_PRIORITIES);
export const NeedStatus = z.enum(NEED_STATUSES);
export const NeedAction = z.enum(NEED_ACTIONS);
export const Currency = z.enum(CURRENCIES);

/** A multi-line text (newlines allowed, other control characters refused). */
// eslint-disable-next-line no-control-regex -- tabs and newlines are allowed, other control characters are not
const TEXT_CHARS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const Text = (max: number = LIMITS.text) => z.string().trim().max(max).regex(TEXT_CHARS);
const OptionalText = () =>
  Text()
    .transform((s) => (s === "" ? null : s))
    .nullable();

/** A calendar day, YYYY-MM-DD (Africa/Tripoli). */
export { Day };
export const Quantity = z.number().positive().max(LIMITS.needQuantityMax).multipleOf(0.01);
export const Money = z.number().min(0).max(LIMITS.needMoneyMax).multipleOf(0.01);

export const NEED_RECORD_ACTIONS = ["update", ...NEED_ACTIONS, "pledge", "deliver"] as const;

const needFields = {
  agencyId: Id,
  category: NeedCategory,
  title: Line(),
  description: OptionalText(),
  quantity: Quantity,
  unit: Line(LIMITS.code * 2),
  unitCost: Money,
  currency: Currency,
  priority: NeedPriority,
  justification: OptionalText(),
  responsibleAgencyId: Id,
  objectiveId: Id.nullable(),
  taskId: Id.nullable(),
  sensitivity: Sensitivity,
};

export const NeedCreateBody = z.strictObject({
  ...needFields,
  description: needFields.description.default(null),
  justification: needFields.justification.default(null),
  currency: Currency.default("LYD"),
  priority: NeedPriority.default("medium"),
  objectiveId: needFields.objectiveId.default(null),
  taskId: needFields.taskId.default(null),
  sensitivity: Sensitivity.default("internal"),
});
export type NeedCreateBody = z.infer<typeof NeedCreateBody>;

export const NeedUpdateBody = z
  .strictObject(needFields)
  .omit({ agencyId: true })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });
export type NeedUpdateBody = z.infer<typeof NeedUpdateBody>;

/** A workflow step: an optional comment; rejecting needs a reason. */
export const NeedStepBody = z
  .strictObject({ comment: OptionalText().default(null) })
  .default({ comment: null });
export type NeedStepBody = z.infer<typeof NeedStepBody>;
export const NeedRejectBody = z.strictObject({ comment: Text().min(1) });

export const NeedStepParams = z.strictObject({ id: Id, action: NeedAction });

export const NeedListFilters = {
  agencyId: Id.optional(),
  category: NeedCategory.optional(),
  status: NeedStatus.optional(),
  priority: NeedPriority.optional(),
  responsibleAgencyId: Id.optional(),
  /** Filed on or after / on or before this day (Africa/Tripoli). */
  from: Day.optional(),
  to: Day.optional(),
  /** Only needs not yet met: approved or in progress with something left to deliver. */
  unmet: z.enum(["true", "false"]).optional(),
  q: PageQuery.q,
};
export const NeedListQuery = z.strictObject({
  ...NeedListFilters,
  page: PageQuery.page,
  pageSize: PageQuery.pageSize,
});
export type NeedListQuery = z.infer<typeof NeedListQuery>;
export const NeedExportQuery = z.strictObject(NeedListFilters);
export type NeedExportQuery = z.infer<typeof NeedExportQuery>;

export const Need = z.object({
  id: Id,
  reference: z.string(),
  agencyId: Id,
  category: NeedCategory,
  title: z.string(),
  description: z.string().nullable(),
  quantity: z.number(),
  unit: z.string(),
  unitCost: z.number(),
  currency: Currency,
  estimatedCost: z.number(),
  priority: NeedPriority,
  justification: z.string().nullable(),
  responsibleAgencyId: Id,
  objectiveId: Id.nullable(),
  taskId: Id.nullable(),
  problemId: Id.nullable(),
  status: NeedStatus,
  pledgedQuantity: z.number(),
  deliveredQuantity: z.number(),
  remainingQuantity: z.number(),
  remainingValue: z.number(),
  sensitivity: Sensitivity,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: abilities(NEED_RECORD_ACTIONS),
});
export type Need = z.infer<typeof Need>;

export const CostTotal = z.object({
  currency: Currency,
  estimatedCost: z.number(),
  remainingValue: z.number(),
});
export const NeedTotals = z.object({
  count: z.number(),
  quantity: z.number(),
  remainingQuantity: z.number(),
  costs: z.array(CostTotal),
});
export type NeedTotals = z.infer<typeof NeedTotals>;

export const NeedListResponse = z.object({ data: z.array(Need), page: Page, totals: NeedTotals });

export const NeedHistoryEntry = z.object({
  id: Id,
  action: z.string(),
  fromStatus: NeedStatus.nullable(),
  toStatus: NeedStatus,
  actorLabel: z.string(),
  /** The person, in both languages; null for automatic processes. */
  actorName: z.object({ ar: z.string(), en: z.string() }).nullable(),
  comment: z.string().nullable(),
  at: Timestamp,
});

export const Pledge = z.object({
  id: Id,
  pledgerAgencyId: Id.nullable(),
  pledgerName: z.string().nullable(),
  quantity: z.number(),
  dueOn: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: Timestamp,
});

export const Delivery = z.object({
  id: Id,
  pledgeId: Id.nullable(),
  quantity: z.number(),
  deliveredOn: z.string(),
  reference: z.string().nullable(),
  receivedBy: z.string(),
  createdAt: Timestamp,
});

export const NeedDetail = Need.extend({
  history: z.array(NeedHistoryEntry),
  pledges: z.array(Pledge),
  deliveries: z.array(Delivery),
  /** Where the need came from (e.g. a meeting's commitment). */
  origin: RecordOrigin.nullable(),
});
export const NeedResponse = oneOf(Need);
export const NeedDetailResponse = oneOf(NeedDetail);
export type NeedDetail = z.infer<typeof NeedDetail>;

/** Who committed: an agency, or a person named in full (one of the two). */
export const PledgeBody = z
  .strictObject({
    pledgerAgencyId: Id.nullable().default(null),
    pledgerName: OptionalLine().default(null),
    quantity: Quantity,
    dueOn: Day.nullable().default(null),
    note: OptionalText().default(null),
  })
  .refine((b) => (b.pledgerAgencyId === null) !== (b.pledgerName === null), {
    message: "one_of",
    path: ["pledgerAgencyId"],
  });
export type PledgeBody = z.infer<typeof PledgeBody>;

export const DeliveryBody = z.strictObject({
  pledgeId: Id.nullable().default(null),
  quantity: Quantity,
  deliveredOn: Day,
  reference: OptionalLine(LIMITS.code * 2).default(null),
  receivedBy: Line(),
});
export type DeliveryBody = z.infer<typeof DeliveryBody>;

export const UnmetSummaryRow = z.object({
  key: z.string(),
  count: z.number(),
  remainingValue: z.number(),
});
export const UnmetSummaryResponse = z.object({
  data: z.object({
    currency: Currency,
    byAgency: z.array(UnmetSummaryRow),
    byCategory: z.array(UnmetSummaryRow),
  }),
});
export type UnmetSummary = z.infer<typeof UnmetSummaryResponse>["data"];

// Problems and difficulties: a lighter record, convertible to a need (or, later, a task).

export const ProblemImpact = z.enum(PROBLEM_IMPACTS);
export const ProblemStatus = z.enum(PROBLEM_STATUSES);
export const PROBLEM_RECORD_ACTIONS = ["update", "convertToNeed", "convertToTask", "close"] as const;

export const ProblemCreateBody = z.strictObject({
  agencyId: Id,
  title: Line(),
  description: OptionalText().default(null),
  location: OptionalLine().default(null),
  since: Day.nullable().default(null),
  impact: ProblemImpact.default("medium"),
  sensitivity: Sensitivity.default("internal"),
});
export type ProblemCreateBody = z.infer<typeof ProblemCreateBody>;

export const ProblemListQuery = z.strictObject({
  ...PageQuery,
  agencyId: Id.optional(),
  status: ProblemStatus.optional(),
});
export type ProblemListQuery = z.infer<typeof ProblemListQuery>;

export const Problem = z.object({
  id: Id,
  reference: z.string(),
  agencyId: Id,
  title: z.string(),
  description: z.string().nullable(),
  location: z.string().nullable(),
  since: z.string().nullable(),
  impact: ProblemImpact,
  status: ProblemStatus,
  needId: Id.nullable(),
  taskId: Id.nullable(),
  sensitivity: Sensitivity,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: abilities(PROBLEM_RECORD_ACTIONS),
});
export type Problem = z.infer<typeof Problem>;
export const ProblemResponse = oneOf(Problem);
export const ProblemListResponse = z.object({ data: z.array(Problem), page: Page });

/** Turning a problem into a need: what the problem does not say. */
export const ProblemToNeedBody = NeedCreateBody.omit({
  agencyId: true,
  title: true,
  description: true,
}).extend({
  title: Line().optional(),
  /** Defaults to the problem's: a need made from a restricted problem is restricted (server/authz/derived.ts). */
  sensitivity: Sensitivity.optional(),
});
export type ProblemToNeedBody = z.infer<typeof ProblemToNeedBody>;

/** Turning a problem into a task led by the problem's agency: the title defaults to the problem's. */
export const ProblemToTaskBody = TaskCreateBody.omit({
  agencyId: true,
  planId: true,
  objectiveId: true,
  sensitivity: true,
  titleAr: true,
}).extend({ titleAr: Line().optional(), sensitivity: Sensitivity.optional() });
export type ProblemToTaskBody = z.infer<typeof ProblemToTaskBody>;
