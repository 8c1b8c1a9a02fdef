import type { Ctx } from "../../authz/actor";
import type { Db } from "../../db/client";
import { publishChange } from "../../live/publish-change";
import { agencyRecipients, notify } from "../../notifications";
import type { NotificationKind } from "../../../common/enums";
import type { CommitmentRow } from "./commitments.table";

/** A commitment's text, short enough for a notification line. */
const headline = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);

/** Notifies the staff of the commitment's owner agency (the meeting's when it has none). */
export async function notifyCommitmentKeepers(
  tx: Db,
  ctx: Ctx,
  c: Pick<CommitmentRow, "id" | "reference" | "text" | "dueOn" | "meetingId" | "ownerAgencyId">,
  keeperAgencyId: string,
  kind: NotificationKind,
  roles: ("manager" | "officer")[] = ["manager", "officer"],
) {
  return notify(tx, ctx, {
    userIds: await agencyRecipients(tx, [keeperAgencyId], roles),
    kind,
    entity: "commitment",
    entityId: c.id,
    params: { reference: c.reference, titleAr: headline(c.text), titleEn: null, dueOn: c.dueOn },
    linkPath: `/meetings/${c.meetingId}`,
  });
}

/** Announces a change to a meeting (or one of its parts) to open pages, at commit. */
export const publishMeetingChange = (tx: Db, meetingId: string) =>
  publishChange(tx, { entity: "meeting", id: meetingId });
