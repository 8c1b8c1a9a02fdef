import { eq, inArray, sql } from "drizzle-orm";
import { addDays, zonedDay } from "../../../common/dates";
import { LIMITS } from "../../../common/limits";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import { queryRows, type Db } from "../../db/client";
import { notifyCommitmentKeepers } from "./commitment-events";
import { commitments } from "./commitments.table";
import { meetings } from "./meetings.table";

/**
 * Notifies due-soon (within 3 days) and overdue open commitments to the staff of their owner agency (the meeting's
 * when there is none). `commitment_alerts` remembers each (commitment, condition, due date) notified, so the sweep
 * may run as often as wanted, on as many instances as wanted: each commitment is notified once per condition
 * (again only if its due date moves). Returns how many alerts it raised.
 */
export async function sweepDueCommitments(db: Db, now: Date): Promise<{ dueSoon: number; overdue: number }> {
  const ctx: Ctx = { actor: null, now, actorLabel: "due-sweep" };
  const today = zonedDay(now);
  const horizon = addDays(today, LIMITS.dueSoonNotifyDays);
  return db.transaction(async (tx) => {
    const raised = await queryRows<{ commitment_id: string; condition: "due_soon" | "overdue" }>(
      tx,
      sql`insert into commitment_alerts (commitment_id, condition, due_on, at)
          select id, case when due_on < ${today}::date then 'overdue' else 'due_soon' end, due_on, ${now.toISOString()}::timestamptz
          from commitments
          where status in ('open', 'in_progress') and due_on is not null and due_on <= ${horizon}::date
          on conflict do nothing
          returning commitment_id, condition`,
    );
    if (raised.length === 0) return { dueSoon: 0, overdue: 0 };
    const rows = await tx
      .select({ commitment: commitments, meetingAgencyId: meetings.agencyId })
      .from(commitments)
      .innerJoin(meetings, eq(meetings.id, commitments.meetingId))
      .where(
        inArray(
          commitments.id,
          raised.map((r) => r.commitment_id),
        ),
      );
    const byId = new Map(rows.map((r) => [r.commitment.id, r]));
    for (const alert of raised) {
      const row = byId.get(alert.commitment_id);
      if (!row) continue;
      await notifyCommitmentKeepers(
        tx,
        ctx,
        row.commitment,
        row.commitment.ownerAgencyId ?? row.meetingAgencyId,
        alert.condition === "overdue" ? "commitment_overdue" : "commitment_due_soon",
      );
    }
    const counts = {
      dueSoon: raised.filter((r) => r.condition === "due_soon").length,
      overdue: raised.filter((r) => r.condition === "overdue").length,
    };
    await recordEvent(tx, ctx, "commitments.sweep", "commitments", null, null, { day: today, ...counts });
    return counts;
  });
}
