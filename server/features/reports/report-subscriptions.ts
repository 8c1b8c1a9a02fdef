import { and, asc, eq, isNull, lt, notInArray, or } from "drizzle-orm";
import type { DistrictPcode } from "../../../common/districts";
import type { ReportSubscription } from "../../../common/schemas/reports";
import { recordEvent } from "../../audit/record-event";
import { actorFrom } from "../../auth/sessions";
import type { Actor, Ctx } from "../../authz/actor";
import { allow } from "../../authz/engine";
import type { Config } from "../../config";
import type { Db } from "../../db/client";
import { translate } from "../../http/i18n";
import { mailOutbox, notificationPreferences } from "../../notifications/notifications.table";
import { users } from "../users";
import { reportSubscriptions, type ReportSubscriptionRow } from "./reports.table";
import { defaultReportWeek, weeklyReportOf } from "./weekly-report";

const ENTITY = "report_subscriptions";

const present = (row: ReportSubscriptionRow | undefined): ReportSubscription => ({
  subscribed: row !== undefined,
  district: (row?.districtPcode as DistrictPcode | null | undefined) ?? null,
  lastSentWeek: row?.lastSentWeek ?? null,
});

export async function subscriptionOf(db: Db, actor: Actor): Promise<ReportSubscription> {
  const [row] = await db
    .select()
    .from(reportSubscriptions)
    .where(eq(reportSubscriptions.userId, actor.userId));
  return present(row);
}

/**
 * Sends the reader the weekly report by e-mail from the next whole week on (the week that just ended is not sent
 * again), for the whole region or one district; changing the district keeps the subscription.
 */
export async function subscribe(db: Db, ctx: Ctx & { actor: Actor }, district: DistrictPcode | null) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(reportSubscriptions)
      .where(eq(reportSubscriptions.userId, ctx.actor.userId))
      .for("update");
    const [after] = before
      ? await tx
          .update(reportSubscriptions)
          .set({ districtPcode: district, updatedAt: ctx.now })
          .where(eq(reportSubscriptions.id, before.id))
          .returning()
      : await tx
          .insert(reportSubscriptions)
          .values({
            userId: ctx.actor.userId,
            districtPcode: district,
            lastSentWeek: defaultReportWeek(ctx.now),
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .onConflictDoNothing()
          .returning();
    if (!after) return present(before); // a concurrent request subscribed first
    await recordEvent(
      tx,
      ctx,
      before ? "report.update" : "report.subscribe",
      ENTITY,
      after.id,
      before ?? null,
      after,
    );
    return present(after);
  });
}

export async function unsubscribe(db: Db, ctx: Ctx & { actor: Actor }) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .delete(reportSubscriptions)
      .where(eq(reportSubscriptions.userId, ctx.actor.userId))
      .returning();
    if (before) await recordEvent(tx, ctx, "report.unsubscribe", ENTITY, before.id, before, null);
    return present(undefined);
  });
}

/**
 * The weekly e-mails: for each subscription not yet sent the last whole week, the reader's own report (their
 * visibility, their language) summarised in an e-mail through the outbox, with a link to the report on the dashboard
 * (sign-in first: the figures are never wider than the reader's). One subscription per short transaction under
 * SKIP LOCKED, so instances running the sweep together send each week once. An inactive user, or one without an
 * address, e-mail off, or the report no longer theirs to read, is skipped (and tried again next sweep).
 */
export async function sendWeeklyReports(db: Db, config: Config, now: Date): Promise<number> {
  const week = defaultReportWeek(now);
  const ctx: Ctx = { actor: null, now, actorLabel: "weekly-report" };
  let sent = 0;
  const skipped: string[] = [];
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const [due] = await tx
        .select({
          subscription: reportSubscriptions,
          user: users,
          emailOn: notificationPreferences.emailEnabled,
        })
        .from(reportSubscriptions)
        .innerJoin(users, eq(users.id, reportSubscriptions.userId))
        .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
        .where(
          and(
            or(isNull(reportSubscriptions.lastSentWeek), lt(reportSubscriptions.lastSentWeek, week)),
            skipped.length ? notInArray(reportSubscriptions.id, skipped) : undefined,
          ),
        )
        .orderBy(asc(reportSubscriptions.id))
        .limit(1)
        .for("update", { of: reportSubscriptions, skipLocked: true });
      if (!due) return false;
      const { subscription: s, user } = due;
      const actor = actorFrom(user, "weekly-report", config);
      if (!user.isActive || !user.email || due.emailOn === false || !allow("reports.weekly", actor)) {
        skipped.push(s.id);
        return true;
      }
      const district = (s.districtPcode as DistrictPcode | null) ?? undefined;
      const r = await weeklyReportOf(tx, actor, { week, district }, now);
      const l = user.language;
      const n = (v: number) =>
        new Intl.NumberFormat(l === "ar" ? "ar" : "en-GB", { numberingSystem: user.numerals }).format(v);
      const area = r.district
        ? l === "en"
          ? r.district.nameEn
          : r.district.nameAr
        : translate(l, "documents.weeklyReport.wholeRegion");
      const overdueTasks = r.overdueByAgency.reduce((sum, a) => sum + a.value, 0);
      await tx.insert(mailOutbox).values({
        toAddress: user.email,
        language: l,
        subject: translate(l, "weeklyReport.email.subject", { week, area }),
        body: translate(l, "weeklyReport.email.body", {
          week,
          area,
          incidents: n(r.incidents.value),
          previous: n(r.incidents.previousWeek),
          seizures: n(r.incidents.withSeizures.value),
          arrests: n(r.incidents.arrests),
          overdueTasks: n(overdueTasks),
          commitments: n(r.commitmentsOverdue.value),
        }),
        linkPath: `/dashboard?${new URLSearchParams({ week, ...(district ? { district } : {}) })}`,
        nextAttemptAt: now,
        createdAt: now,
      });
      const [after] = await tx
        .update(reportSubscriptions)
        .set({ lastSentWeek: week, lastSentAt: now, updatedAt: now })
        .where(eq(reportSubscriptions.id, s.id))
        .returning();
      await recordEvent(tx, ctx, "report.send", ENTITY, s.id, s, after);
      sent++;
      return true;
    });
    if (!done) return sent;
  }
}
