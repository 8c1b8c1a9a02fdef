import { eq } from "drizzle-orm";
import type { WeeklyReport } from "../../../common/schemas/reports";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import type { WeeklyReportInput } from "../../documents/weekly-report";
import { agencies } from "../agencies";
import { users } from "../users";

/** What the PDF and the workbook print besides the figures: the reader's agency and name, in their language. */
export async function weeklyReportInput(
  db: Db,
  actor: Actor,
  report: WeeklyReport,
): Promise<WeeklyReportInput> {
  const [who] = await db
    .select({
      ar: users.displayNameAr,
      en: users.displayNameEn,
      agencyAr: agencies.nameAr,
      agencyEn: agencies.nameEn,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, actor.userId));
  const en = actor.language === "en";
  return {
    report,
    agency: (en ? who?.agencyEn : who?.agencyAr) ?? who?.agencyAr ?? "",
    printedBy: (en ? who?.en : who?.ar) ?? actor.username,
  };
}
