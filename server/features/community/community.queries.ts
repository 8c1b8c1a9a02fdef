import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { CommunityListQuery } from "../../../common/schemas/community";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { pageWindow } from "../../http/pagination";
import { incidents, incidentsVisibleTo } from "../incidents";
import { users } from "../users";
import { communityVisibleTo } from "./community.policy";
import { communityMessages, communityReports, type CommunityReportRow } from "./community.table";

/** A report the actor may handle, or 404 (a report outside the actor's inbox does not exist for them). */
export async function findReport(
  db: Db,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CommunityReportRow> {
  const q = db
    .select()
    .from(communityReports)
    .where(and(eq(communityReports.id, id), communityVisibleTo(actor)));
  const [row] = await (options.forUpdate ? q.for("update") : q);
  if (!row) throw new AppError("not_found");
  return row;
}

export async function listReports(db: Db, actor: Actor, query: CommunityListQuery) {
  const where = and(
    communityVisibleTo(actor),
    query.status ? eq(communityReports.status, query.status) : undefined,
    query.district ? eq(communityReports.districtPcode, query.district) : undefined,
  );
  const { limit, offset } = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(communityReports)
      .where(where)
      .orderBy(desc(communityReports.createdAt), desc(communityReports.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(communityReports).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/**
 * References of the reports and incidents a page of reports points to, in two queries: only those the actor may
 * read (a link to a record they cannot see is shown as no link).
 */
export async function referencesOf(
  db: Db,
  actor: Actor,
  rows: CommunityReportRow[],
): Promise<Map<string, string>> {
  const reportIds = [...new Set(rows.flatMap((r) => [r.duplicateOfId, r.similarToId]))].filter(
    (id): id is string => id !== null,
  );
  const incidentIds = rows.map((r) => r.incidentId).filter((id): id is string => id !== null);
  const [reports, linked] = await Promise.all([
    reportIds.length
      ? db
          .select({ id: communityReports.id, reference: communityReports.reference })
          .from(communityReports)
          .where(and(inArray(communityReports.id, reportIds), communityVisibleTo(actor)))
      : [],
    incidentIds.length
      ? db
          .select({ id: incidents.id, reference: incidents.reference })
          .from(incidents)
          .where(and(inArray(incidents.id, incidentIds), incidentsVisibleTo(actor)))
      : [],
  ]);
  return new Map([...reports, ...linked].map((r) => [r.id, r.reference]));
}

/** Replies and notes of a report, oldest first, with their authors' names. */
export async function messagesOf(db: Db, reportId: string) {
  return db
    .select({
      id: communityMessages.id,
      kind: communityMessages.kind,
      text: communityMessages.text,
      createdAt: communityMessages.createdAt,
      authorName: users.displayNameAr,
    })
    .from(communityMessages)
    .leftJoin(users, eq(users.id, communityMessages.authorId))
    .where(eq(communityMessages.reportId, reportId))
    .orderBy(asc(communityMessages.createdAt), asc(communityMessages.id));
}

/** What /track shows for a code: status, category, when sent, and the public replies only. */
export async function trackReport(db: Db, codeHash: string) {
  const [report] = await db
    .select({
      id: communityReports.id,
      status: communityReports.status,
      category: communityReports.category,
      createdAt: communityReports.createdAt,
    })
    .from(communityReports)
    .where(eq(communityReports.codeHash, codeHash));
  if (!report) return null;
  const replies = await db
    .select({ text: communityMessages.text, at: communityMessages.createdAt })
    .from(communityMessages)
    .where(and(eq(communityMessages.reportId, report.id), eq(communityMessages.kind, "reply")))
    .orderBy(asc(communityMessages.createdAt), asc(communityMessages.id));
  return { ...report, replies };
}
