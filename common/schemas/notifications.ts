import { z } from "zod";
import { NOTIFICATION_KINDS } from "../enums";
import { Id, PageQuery, Timestamp, listOf } from "./base";

export const Notification = z.object({
  id: Id,
  kind: z.enum(NOTIFICATION_KINDS),
  entity: z.string(),
  entityId: Id,
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  readAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Notification = z.infer<typeof Notification>;
export const NotificationListQuery = z.strictObject({
  ...PageQuery,
  unread: z.enum(["true", "false"]).optional(),
});
export const NotificationListResponse = listOf(Notification).extend({ unread: z.number() });
export const UnreadResponse = z.object({ data: z.object({ unread: z.number() }) });
export const MarkReadBody = z.strictObject({
  ids: z.array(Id).max(100).optional(),
  all: z.boolean().optional(),
});
export const NotificationSettings = z.object({
  emailEnabled: z.boolean(),
  /** The server has SMTP configured: without it no e-mail is sent. */
  smtpConfigured: z.boolean(),
  hasEmail: z.boolean(),
});
export const NotificationSettingsResponse = z.object({ data: NotificationSettings });
export const NotificationSettingsBody = z.strictObject({ emailEnabled: z.boolean() });
export const MailStatusResponse = z.object({
  data: z.object({ smtpConfigured: z.boolean(), pending: z.number(), sent: z.number(), failed: z.number() }),
});
