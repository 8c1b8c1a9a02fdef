import { and, eq } from "drizzle-orm";
import type { LinkSource } from "../../links/record-links";
import { commitmentsVisibleTo, meetingVisibleColumn } from "./commitments.policy";
import { commitments } from "./commitments.table";
import { meetings } from "./meetings.table";
import { completeLinkedCommitments } from "./step-commitment";

const label = (text: string) => (text.length > 160 ? `${text.slice(0, 159)}…` : text);

/**
 * Meetings as a source of tasks and needs: a task or need made from a commitment shows that commitment and its
 * meeting (as far as the reader may see them), and completing it completes the commitment.
 */
export const commitmentLinks: LinkSource = {
  name: "commitments",
  async originOf(db, actor, entity, id) {
    const column = entity === "task" ? commitments.taskId : commitments.needId;
    const [row] = await db
      .select({
        id: commitments.id,
        reference: commitments.reference,
        text: commitments.text,
        meetingId: meetings.id,
        meetingReference: meetings.reference,
        meetingTitle: meetings.titleAr,
        meetingVisible: meetingVisibleColumn(actor),
      })
      .from(commitments)
      .innerJoin(meetings, eq(meetings.id, commitments.meetingId))
      .where(and(eq(column, id), commitmentsVisibleTo(actor)))
      .orderBy(commitments.createdAt)
      .limit(1);
    if (!row) return null;
    return {
      entity: "commitment",
      id: row.id,
      reference: row.reference,
      label: label(row.text),
      parent: row.meetingVisible
        ? { entity: "meeting", id: row.meetingId, reference: row.meetingReference, label: row.meetingTitle }
        : null,
    };
  },
  async onCompleted(tx, ctx, entity, id) {
    await completeLinkedCommitments(tx, ctx, entity, id);
  },
};
