import { and, eq, inArray, ne } from "drizzle-orm";
import type { Language, NotificationKind, Role } from "../../common/enums";
import type { Ctx } from "../authz/actor";
import type { Db } from "../db/client";
import { users } from "../features/users/users.table";
import { translate } from "../http/i18n";
import { publishNotifications } from "../live/publish-change";
import { mailOutbox, notificationPreferences, notifications } from "./notifications.table";

export type NotifyInput = {
  userIds: string[];
  kind: NotificationKind;
  entity: string;
  entityId: string;
  /** Values for `notifications.kinds.<kind>`; `titleAr`/`titleEn` become `title` in the reader's language. */
  params: Record<string, string | number | null>;
  /** Where the record lives in the web app, e.g. `/tasks/<id>`. */
  linkPath: string;
};

/** The active users of an agency with one of these roles: the usual recipients of a notification. */
export async function agencyRecipients(tx: Db, agencyIds: string[], roles: Role[]): Promise<string[]> {
  if (agencyIds.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.agencyId, agencyIds), inArray(users.role, roles), eq(users.isActive, true)));
  return rows.map((r) => r.id);
}

export function localParams(params: NotifyInput["params"], language: Language) {
  const title = language === "en" ? (params.titleEn ?? params.titleAr) : params.titleAr;
  const status =
    typeof params.status === "string" ? translate(language, `enums.taskStatus.${params.status}`) : "";
  return { ...params, title: title ?? "", status } as Record<string, string | number>;
}

/**
 * Notifies users inside the caller's transaction: an in-app notification each, and an e-mail in the outbox for
 * those with an address and e-mail on, written in their language. The acting user is not notified of their own act.
 * Returns the ids of the notified users.
 */
export async function notify(tx: Db, ctx: Ctx, input: NotifyInput): Promise<string[]> {
  const actorId = ctx.actor?.userId;
  const ids = [...new Set(input.userIds)].filter((id) => id !== actorId);
  if (ids.length === 0) return [];
  const recipients = await tx
    .select({
      id: users.id,
      email: users.email,
      language: users.language,
      emailEnabled: notificationPreferences.emailEnabled,
    })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(
      and(inArray(users.id, ids), eq(users.isActive, true), actorId ? ne(users.id, actorId) : undefined),
    );
  if (recipients.length === 0) return [];
  const rows = await tx
    .insert(notifications)
    .values(
      recipients.map((r) => ({
        userId: r.id,
        kind: input.kind,
        entity: input.entity,
        entityId: input.entityId,
        params: input.params,
        createdAt: ctx.now,
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId });
  const mails = recipients.flatMap((r) => {
    if (!r.email || r.emailEnabled === false) return [];
    const values = localParams(input.params, r.language);
    return [
      {
        notificationId: rows.find((n) => n.userId === r.id)?.id ?? null,
        toAddress: r.email,
        language: r.language,
        subject: translate(r.language, `notifications.email.subject.${input.kind}`, values),
        body: translate(r.language, `notifications.email.body.${input.kind}`, values),
        linkPath: input.linkPath,
        nextAttemptAt: ctx.now,
        createdAt: ctx.now,
      },
    ];
  });
  if (mails.length) await tx.insert(mailOutbox).values(mails);
  await publishNotifications(
    tx,
    recipients.map((r) => r.id),
  );
  return recipients.map((r) => r.id);
}
