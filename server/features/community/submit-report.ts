import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { searchKey } from "../../../common/arabic";
import { DISTRICTS } from "../../../common/districts";
import { trackingCodeFrom } from "../../../common/community/tracking-code";
import type { CommunitySubmitBody } from "../../../common/schemas/community";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { nextReference } from "../../db/references";
import { agencyRecipients, notify } from "../../notifications";
import { agencies } from "../agencies";
import { auditView } from "./community.present";
import { communityReports, type CommunityReportRow } from "./community.table";

/** The stored form of a tracking code: its SHA-256 (80 random bits need no slow hash). */
export const hashTrackingCode = (code: string) => createHash("sha256").update(code).digest("hex");

/** About 1 km: two decimals of a degree. */
const roundPin = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** Trigram similarity from which an earlier report of the district counts as "nearly the same words". */
const SIMILAR = 0.6;
const SIMILAR_DAYS = 14;

/** The security directorate of a district: it receives the district's reports. */
async function receivingAgency(tx: Db, districtPcode: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(
      and(
        eq(agencies.kind, "directorate"),
        eq(agencies.districtPcode, districtPcode),
        eq(agencies.isActive, true),
      ),
    )
    .orderBy(asc(agencies.createdAt))
    .limit(1);
  return row?.id ?? null;
}

async function similarReport(tx: Db, districtPcode: string, key: string, now: Date) {
  const since = new Date(now.getTime() - SIMILAR_DAYS * 86_400_000);
  const [row] = await tx
    .select({ id: communityReports.id })
    .from(communityReports)
    .where(
      and(
        eq(communityReports.districtPcode, districtPcode as CommunityReportRow["districtPcode"]),
        gt(communityReports.createdAt, since),
        sql`similarity(${communityReports.searchKey}, ${key}) >= ${SIMILAR}`,
      ),
    )
    .orderBy(desc(sql`similarity(${communityReports.searchKey}, ${key})`))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Stores a resident's report and returns its tracking code (shown once; only its hash is kept). The pin is rounded
 * to about 1 km; an earlier report of the district with nearly the same words is linked as `similarTo`; the
 * district's security directorate receives it and its managers are notified. One audit event, without the contact.
 */
export async function submitReport(
  tx: Db,
  ctx: Ctx,
  input: CommunitySubmitBody,
): Promise<{ row: CommunityReportRow; code: string }> {
  const code = trackingCodeFrom(randomBytes(10));
  const reference = await nextReference(tx, "CR", ctx.now);
  const key = searchKey([input.text]);
  const receivingAgencyId = await receivingAgency(tx, input.districtPcode);
  const [row] = await tx
    .insert(communityReports)
    .values({
      reference,
      codeHash: hashTrackingCode(code),
      category: input.category,
      text: input.text,
      districtPcode: input.districtPcode,
      townPcode: input.townPcode,
      latitude: roundPin(input.latitude),
      longitude: roundPin(input.longitude),
      when: input.when,
      contact: input.contact,
      language: input.language,
      receivingAgencyId,
      similarToId: await similarReport(tx, input.districtPcode, key, ctx.now),
      searchKey: key,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordEvent(tx, ctx, "community_report.submit", "community_reports", row.id, null, auditView(row));
  if (receivingAgencyId) {
    const district = DISTRICTS.find((d) => d.pcode === row.districtPcode);
    await notify(tx, ctx, {
      userIds: await agencyRecipients(tx, [receivingAgencyId], ["manager"]),
      kind: "community_report_new",
      entity: "community_reports",
      entityId: row.id,
      params: { reference, titleAr: district?.nameAr ?? "", titleEn: district?.nameEn ?? "" },
      linkPath: `/community/${row.id}`,
    });
  }
  return { row, code };
}
