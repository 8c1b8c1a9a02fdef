import { writeFile } from "node:fs/promises";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { LANGUAGES } from "../../../common/enums";
import { DistrictPcode } from "../../../common/schemas/meetings";
import { IsoWeek } from "../../../common/schemas/reports";
import { chainAuditEvents } from "../../audit/chain-events";
import { actorFrom } from "../../auth/sessions";
import { allow } from "../../authz/engine";
import type { Config } from "../../config";
import type { Db } from "../../db/client";
import { renderWeeklyReport } from "../../documents/weekly-report";
import { users } from "../users";
import { reportsPolicy } from "./reports.policy";
import { weeklyReportOf } from "./weekly-report";
import { weeklyReportInput } from "./weekly-report.document";
import { weeklyReportWorkbook } from "./weekly-report.xlsx";

const Args = z.object({
  as: z.string().min(1).optional(),
  out: z.string().regex(/\.(pdf|xlsx)$/i, "the file must end in .pdf or .xlsx"),
  week: z
    .string()
    .refine((w) => IsoWeek.safeParse(w).success, "an ISO week that exists, e.g. 2026-W48")
    .optional(),
  district: z
    .string()
    .refine((d) => DistrictPcode.safeParse(d).success, "a district's P-code, e.g. LY0104 (Tobruk)")
    .transform((d) => DistrictPcode.parse(d))
    .optional(),
  language: z.enum(LANGUAGES).optional(),
});
export type WeeklyReportArgs = z.infer<typeof Args>;

/** `report weekly --out FILE.pdf|.xlsx [--week 2026-W48] [--district LY0104] [--as USER] [--language ar|en]`. */
export function parseWeeklyReportArgs(args: string[]): WeeklyReportArgs | string {
  const raw: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const flag = /^--(as|out|week|district|language)$/.exec(args[i] ?? "");
    const value = args[i + 1];
    if (!flag || value === undefined) return `unexpected argument: ${args[i]}`;
    raw[flag[1]!] = value;
  }
  const parsed = Args.safeParse(raw);
  return parsed.success
    ? parsed.data
    : parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n");
}

/**
 * Writes the weekly report of one user — the figures they would see in the app, in their language unless
 * `--language` says otherwise — as a PDF or a workbook. For a schedule (cron) that files or mails the report.
 */
export async function writeWeeklyReport(
  db: Db,
  config: Config,
  args: WeeklyReportArgs,
  now: Date,
): Promise<string> {
  // Without --as: the region's leadership, through its first account (who the report names as drawing it).
  const [user] = await db
    .select()
    .from(users)
    .where(
      and(args.as ? eq(users.username, args.as) : eq(users.role, "leadership"), eq(users.isActive, true)),
    )
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1);
  if (!user)
    throw new ReportRefused(args.as ? `No active user ${args.as}.` : "No active leadership account.");
  const actor = { ...actorFrom(user, "cli", config), ...(args.language ? { language: args.language } : {}) };
  if (!allow(`${reportsPolicy.entity}.weekly`, actor))
    throw new ReportRefused(
      `${user.username} may not read the weekly report (leadership and managers only).`,
    );
  await chainAuditEvents(db); // the head the report prints is the chain's as of now
  const report = await weeklyReportOf(db, actor, { week: args.week, district: args.district }, now);
  const input = await weeklyReportInput(db, actor, report);
  const file = args.out.toLowerCase().endsWith(".pdf")
    ? await renderWeeklyReport(input, { language: actor.language, numerals: actor.numerals })
    : await weeklyReportWorkbook(report, actor.language, input.agency);
  await writeFile(args.out, file);
  return `Wrote the weekly report ${report.week} of ${user.username} to ${args.out}.`;
}

export class ReportRefused extends Error {}
