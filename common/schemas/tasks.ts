import { z } from "zod";
import { CONTRIBUTION_STATUSES, TASK_PRIORITIES, TASK_STATUSES, TASK_UPDATE_KINDS } from "../enums";
import { LIMITS } from "../limits";
import { Id, Line, OptionalLine, PageQuery, Sensitivity, Timestamp, abilities, listOf, oneOf } from "./base";
import { RecordOrigin } from "./origins";
import { DateOnly } from "./plans";

export const TASK_ACTIONS = [
  "update",
  "assign",
  "start",
  "block",
  "complete",
  "cancel",
  "reopen",
  "comment",
  "manageSupports",
] as const;
export const CONTRIBUTION_ACTIONS = ["update"] as const;

export const TaskStatus = z.enum(TASK_STATUSES);
export const TaskPriority = z.enum(TASK_PRIORITIES);
export const ContributionStatus = z.enum(CONTRIBUTION_STATUSES);
const Reason = OptionalLine(LIMITS.text);

export const SupportInput = z.strictObject({ agencyId: Id, contribution: Line(LIMITS.text) });

const taskFields = {
  titleAr: Line(),
  titleEn: OptionalLine(),
  description: z.string().trim().max(LIMITS.text).nullable(),
  planId: Id.nullable(),
  objectiveId: Id.nullable(),
  agencyId: Id,
  assigneeId: Id.nullable(),
  priority: TaskPriority,
  dueOn: DateOnly.nullable(),
  sensitivity: Sensitivity,
};

export const TaskCreateBody = z.strictObject({
  ...taskFields,
  titleEn: taskFields.titleEn.default(null),
  description: taskFields.description.default(null),
  planId: taskFields.planId.default(null),
  objectiveId: taskFields.objectiveId.default(null),
  assigneeId: taskFields.assigneeId.default(null),
  priority: TaskPriority.default("normal"),
  dueOn: taskFields.dueOn.default(null),
  sensitivity: Sensitivity.default("internal"),
  supports: z.array(SupportInput).max(LIMITS.supportsMax).default([]),
});
export type TaskCreateBody = z.infer<typeof TaskCreateBody>;

export const TaskUpdateBody = z
  .strictObject({
    titleAr: taskFields.titleAr,
    titleEn: taskFields.titleEn,
    description: taskFields.description,
    priority: taskFields.priority,
    dueOn: taskFields.dueOn,
    progress: z.number().int().min(0).max(100),
    sensitivity: taskFields.sensitivity,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });
export type TaskUpdateBody = z.infer<typeof TaskUpdateBody>;

export const TaskStatusBody = z.strictObject({
  status: TaskStatus,
  /** Required for `blocked` and `cancelled`, and when reopening. */
  reason: Reason.default(null),
});
export type TaskStatusBody = z.infer<typeof TaskStatusBody>;

export const TaskAssignBody = z.strictObject({ assigneeId: Id.nullable() });
export const TaskCommentBody = z.strictObject({ body: Line(LIMITS.text) });
export const TaskSupportsBody = z.strictObject({
  supports: z.array(SupportInput).max(LIMITS.supportsMax),
});
export type TaskSupportsBody = z.infer<typeof TaskSupportsBody>;
export const ContributionBody = z
  .strictObject({ status: ContributionStatus, note: Reason })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "empty" });
export type ContributionBody = z.infer<typeof ContributionBody>;
export const TaskContributionParams = z.strictObject({ id: Id, agencyId: Id });

export const TaskListQuery = z.strictObject({
  ...PageQuery,
  /** lead: led by `agencyId`; support: supported by it; any: either. */
  agencyId: Id.optional(),
  role: z.enum(["lead", "support", "any"]).default("any"),
  planId: Id.optional(),
  objectiveId: Id.optional(),
  status: z.union([TaskStatus, z.enum(["open"])]).optional(),
  priority: TaskPriority.optional(),
  assigneeId: Id.optional(),
  /** overdue: open and past due; dueSoon: open and due within 7 days (today included). */
  due: z.enum(["overdue", "dueSoon"]).optional(),
  sort: z.enum(["dueOn", "priority", "updatedAt", "title", "progress"]).default("dueOn"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const Contribution = z.object({
  agencyId: Id,
  contribution: z.string(),
  status: ContributionStatus,
  note: z.string().nullable(),
  updatedAt: Timestamp,
  abilities: abilities(CONTRIBUTION_ACTIONS),
});
export type Contribution = z.infer<typeof Contribution>;

export const Task = z.object({
  id: Id,
  reference: z.string(),
  titleAr: z.string(),
  titleEn: z.string().nullable(),
  description: z.string().nullable(),
  planId: Id.nullable(),
  objectiveId: Id.nullable(),
  agencyId: Id,
  assigneeId: Id.nullable(),
  priority: TaskPriority,
  dueOn: z.string().nullable(),
  status: TaskStatus,
  statusReason: z.string().nullable(),
  progress: z.number(),
  sensitivity: Sensitivity,
  isOverdue: z.boolean(),
  supports: z.array(Contribution),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: abilities(TASK_ACTIONS),
});
export type Task = z.infer<typeof Task>;
export const TaskResponse = oneOf(Task);
/** The task page: the task and where it came from (e.g. a meeting's commitment). */
export const TaskDetail = Task.extend({ origin: RecordOrigin.nullable() });
export type TaskDetail = z.infer<typeof TaskDetail>;
export const TaskDetailResponse = oneOf(TaskDetail);
export const TaskListResponse = listOf(Task);

export const TaskUpdateEntry = z.object({
  id: Id,
  kind: z.enum(TASK_UPDATE_KINDS),
  actorId: Id.nullable(),
  actorLabel: z.string(),
  /** The person, in both languages; null for automatic processes (the due sweep, the demo set-up). */
  actorName: z.object({ ar: z.string(), en: z.string() }).nullable(),
  agencyId: Id.nullable(),
  data: z.record(z.string(), z.unknown()),
  at: Timestamp,
});
export const TaskTimelineResponse = z.object({ data: z.array(TaskUpdateEntry) });

const StatusCounts = z.object(
  Object.fromEntries(TASK_STATUSES.map((s) => [s, z.number()])) as {
    [K in (typeof TASK_STATUSES)[number]]: z.ZodNumber;
  },
);
export const BoardQuery = z.strictObject({ agencyId: Id.optional() });
export const BoardResponse = z.object({
  data: z.object({
    agencyId: Id,
    lead: StatusCounts,
    support: StatusCounts,
    overdue: z.number(),
    dueSoon: z.number(),
  }),
});
