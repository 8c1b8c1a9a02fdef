// A report imported again must not become a second record of the same meeting: before the review is saved,
// the meetings the actor may see held the same day, with the same host and a similar title, are proposed
// instead (the review page warns and offers to open one).

import { and, asc, eq, gte, lte } from "drizzle-orm";
import { nameSimilarity, titleSimilarity } from "../../../common/extraction";
import { endOfZonedDay, startOfZonedDay } from "../../../common/dates";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { meetingsVisibleTo } from "./meetings.policy";
import { meetingAttendees, meetings } from "./meetings.table";

/** Titles at least this similar (share of words in common) name the same meeting. */
export const SAME_TITLE = 0.6;
/** Host names or titles at least this similar name the same person. */
const SAME_HOST = 0.85;

export type DuplicateCandidate = { id: string; reference: string; titleAr: string; startsAt: string };

export async function findDuplicateMeetings(
  db: Db,
  actor: Actor,
  proposal: { title: string; day: string | null; host: { name: string | null; title: string | null } | null },
): Promise<DuplicateCandidate[]> {
  const from = proposal.day ? startOfZonedDay(proposal.day) : null;
  const to = proposal.day ? endOfZonedDay(proposal.day) : null;
  if (!from || !to) return [];
  const rows = await db
    .select({
      id: meetings.id,
      reference: meetings.reference,
      titleAr: meetings.titleAr,
      startsAt: meetings.startsAt,
      hostName: meetingAttendees.name,
      hostTitle: meetingAttendees.title,
    })
    .from(meetings)
    .leftJoin(
      meetingAttendees,
      and(eq(meetingAttendees.meetingId, meetings.id), eq(meetingAttendees.role, "host")),
    )
    .where(and(meetingsVisibleTo(actor), gte(meetings.startsAt, from), lte(meetings.startsAt, to)))
    .orderBy(asc(meetings.startsAt))
    .limit(100);
  const host = proposal.host;
  const sameHost = (r: (typeof rows)[number]) => {
    if (!host || (!host.name && !host.title)) return true; // the report names no host: day and title decide
    if (host.name && r.hostName) return nameSimilarity(host.name, r.hostName) >= SAME_HOST;
    if (host.title && r.hostTitle) return titleSimilarity(host.title, r.hostTitle) >= SAME_HOST;
    return false;
  };
  return rows
    .filter((r) => sameHost(r) && titleSimilarity(proposal.title, r.titleAr) >= SAME_TITLE)
    .map((r) => ({
      id: r.id,
      reference: r.reference,
      titleAr: r.titleAr,
      startsAt: r.startsAt.toISOString(),
    }));
}
