import { z } from "zod";
import { LIMITS } from "../limits";
import { Id, Instant, NO_CONTROL_CHARS, Page, Timestamp } from "./base";

export const AuditListQuery = z.strictObject({
  entity: z.string().max(LIMITS.code).regex(NO_CONTROL_CHARS).optional(),
  entityId: z.string().max(64).regex(NO_CONTROL_CHARS).optional(),
  actorId: Id.optional(),
  action: z.string().max(64).regex(NO_CONTROL_CHARS).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditEvent = z.object({
  seq: z.number(),
  at: Timestamp,
  actorId: Id.nullable(),
  actorLabel: z.string(),
  /** The person behind the account, in both languages; null for automatic processes. */
  actorName: z.object({ ar: z.string(), en: z.string() }).nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** True when the event is about a record the reader may not see: before and after are withheld. */
  redacted: z.boolean(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditListResponse = z.object({ data: z.array(AuditEvent), page: Page });
