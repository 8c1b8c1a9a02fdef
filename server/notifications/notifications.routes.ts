import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  MailStatusResponse,
  MarkReadBody,
  NotificationListQuery,
  NotificationListResponse,
  NotificationSettingsBody,
  NotificationSettingsResponse,
  UnreadResponse,
} from "../../common/schemas/notifications";
import { recordEvent } from "../audit/record-event";
import { actorOf, ctxOf } from "../http/context";
import { pageOf } from "../http/pagination";
import { notificationPreferences } from "./notifications.table";
import {
  emailEnabled,
  listNotifications,
  mailCounts,
  markRead,
  presentNotification,
  unreadCount,
} from "./notifications.queries";
import { users } from "../features/users/users.table";
import { eq } from "drizzle-orm";

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/notifications",
    {
      schema: { querystring: NotificationListQuery, response: { 200: NotificationListResponse } },
      config: { policy: "notifications.read" },
    },
    async (request) => {
      const { rows, total, unread } = await listNotifications(app.db, actorOf(request), request.query);
      return { data: rows.map(presentNotification), page: pageOf(request.query, total), unread };
    },
  );

  app.get(
    "/api/v1/notifications/unread",
    { schema: { response: { 200: UnreadResponse } }, config: { policy: "notifications.read" } },
    async (request) => ({ data: { unread: await unreadCount(app.db, actorOf(request)) } }),
  );

  // Reading one's own notifications is not an audited change of a record.
  app.post(
    "/api/v1/notifications/read",
    {
      schema: { body: MarkReadBody, response: { 200: UnreadResponse } },
      config: { policy: "notifications.manageOwn" },
    },
    async (request) => {
      const actor = actorOf(request);
      await markRead(app.db, actor, app.clock.now(), request.body.all ? "all" : (request.body.ids ?? []));
      return { data: { unread: await unreadCount(app.db, actor) } };
    },
  );

  const settings = async (userId: string) => {
    const [user] = await app.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
    return {
      emailEnabled: await emailEnabled(app.db, userId),
      smtpConfigured: Boolean(app.config.smtpUrl),
      hasEmail: Boolean(user?.email),
    };
  };

  app.get(
    "/api/v1/notifications/settings",
    { schema: { response: { 200: NotificationSettingsResponse } }, config: { policy: "notifications.read" } },
    async (request) => ({ data: await settings(actorOf(request).userId) }),
  );

  app.put(
    "/api/v1/notifications/settings",
    {
      schema: { body: NotificationSettingsBody, response: { 200: NotificationSettingsResponse } },
      config: { policy: "notifications.manageOwn" },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = app.clock.now();
      await app.db.transaction(async (tx) => {
        await tx
          .insert(notificationPreferences)
          .values({ userId: actor.userId, emailEnabled: request.body.emailEnabled, updatedAt: now })
          .onConflictDoUpdate({
            target: notificationPreferences.userId,
            set: { emailEnabled: request.body.emailEnabled, updatedAt: now },
          });
        await recordEvent(
          tx,
          ctxOf(app, request),
          "notifications.settings",
          "user",
          actor.userId,
          null,
          request.body,
        );
      });
      return { data: await settings(actor.userId) };
    },
  );

  app.get(
    "/api/v1/admin/mail",
    { schema: { response: { 200: MailStatusResponse } }, config: { policy: "notifications.mailStatus" } },
    async () => ({ data: { smtpConfigured: Boolean(app.config.smtpUrl), ...(await mailCounts(app.db)) } }),
  );
};
