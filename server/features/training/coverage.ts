import ExcelJS from "exceljs";
import { and, eq, sql } from "drizzle-orm";
import { endOfZonedDay, startOfZonedDay, zonedDay } from "../../../common/dates";
import { TRAINING_TOPICS, type Language, type TrainingTopic } from "../../../common/enums";
import type { Coverage, CoverageQuery, TargetsBody } from "../../../common/schemas/training";
import type { Actor } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Ctx } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { translate } from "../../http/i18n";
import { agencies, agencyNames, visibleActiveAgencies } from "../agencies";
import { personnel } from "../personnel";
import { coverageCountedFor } from "./training.policy";
import { certificates, trainingCoverageVersion, trainingTargets } from "./training.table";

/**
 * Coverage per agency and topic at the end of a year (today, for this year): personnel holding a valid certificate
 * (issued by then, not revoked by then, not expired), certificates issued that year, and the trainer's target.
 */
export async function trainingCoverage(
  db: Db,
  actor: Actor,
  query: CoverageQuery,
  now: Date,
): Promise<Coverage> {
  const today = zonedDay(now);
  const year = query.year ?? Number(today.slice(0, 4));
  const yearEnd = `${year}-12-31`;
  const asOf = yearEnd < today ? yearEnd : today;
  const topics: readonly TrainingTopic[] = query.topic ? [query.topic] : TRAINING_TOPICS;
  const { cells, staff, targets, active } = await countedFigures(db, actor, {
    year,
    asOf,
    topic: query.topic,
  });
  const key = (agencyId: string, topic: string) => `${agencyId}/${topic}`;
  const cellOf = new Map(cells.map((c) => [key(c.agencyId, c.topic), c]));
  const targetOf = new Map(targets.map((t) => [key(t.agencyId, t.topic), t.target]));
  const staffOf = new Map(staff.map((s) => [s.agencyId, s.n]));
  const rows = active
    .filter((a) => (staffOf.get(a.id) ?? 0) > 0 || topics.some((t) => targetOf.has(key(a.id, t))))
    .map((a) => ({
      agencyId: a.id,
      personnel: staffOf.get(a.id) ?? 0,
      cells: topics.map((topic) => {
        const c = cellOf.get(key(a.id, topic));
        return {
          agencyId: a.id,
          topic,
          holders: c?.holders ?? 0,
          trainedInYear: c?.trainedInYear ?? 0,
          target: targetOf.get(key(a.id, topic)) ?? null,
        };
      }),
    }));
  return { year, asOf, rows };
}

type Period = { year: number; asOf: string; topic: TrainingTopic | undefined };
type Figures = Awaited<ReturnType<typeof computeFigures>>;

// The figures counted for a period and a scope (everything, or what one agency's staff may count), kept per
// database with the coverage version they were computed at. The version row is bumped by a statement trigger in
// every transaction that changes certificates, personnel, agencies or targets (migration 0005), so a hit — one
// primary-key read — is exactly what a recount would give, on every instance. A miss recounts in one
// repeatable-read snapshot together with the version it reads. Counting is a scan of every certificate (~60 ms
// of database time for 32,000), which ten trainers asking at once would turn into seconds.
const kept = new WeakMap<Db, Map<string, { version: number; figures: Figures }>>();
const KEPT_PER_DATABASE = 256;

async function countedFigures(db: Db, actor: Actor, period: Period): Promise<Figures> {
  const { scope } = coverageCountedFor(actor);
  const slot = `${period.year}|${period.asOf}|${period.topic ?? ""}|${scope}`;
  const entries = kept.get(db) ?? new Map<string, { version: number; figures: Figures }>();
  kept.set(db, entries);
  const hit = entries.get(slot);
  if (hit && hit.version === (await coverageVersion(db))) return hit.figures;
  const { version, figures } = await db.transaction(
    async (tx) => ({ version: await coverageVersion(tx), figures: await computeFigures(tx, actor, period) }),
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  entries.delete(slot);
  entries.set(slot, { version, figures });
  if (entries.size > KEPT_PER_DATABASE) entries.delete(entries.keys().next().value!);
  return figures;
}

async function coverageVersion(db: Db): Promise<number> {
  const [row] = await db
    .select({ version: trainingCoverageVersion.version })
    .from(trainingCoverageVersion)
    .where(eq(trainingCoverageVersion.id, 1));
  return Number(row?.version ?? 0);
}

/** Four grouped queries, whatever the number of agencies and topics. */
async function computeFigures(db: Db, actor: Actor, { year, asOf, topic }: Period) {
  const periodEnd = endOfZonedDay(asOf)!;
  const yearStart = startOfZonedDay(`${year}-01-01`)!;
  // One after the other: on a transaction's one connection, queries do not run side by side.
  const cells = await db
    .select({
      agencyId: personnel.agencyId,
      topic: certificates.topic,
      holders: sql<number>`count(distinct ${certificates.personId}) filter (where (${certificates.revokedAt} is null or ${certificates.revokedAt} >= ${periodEnd.toISOString()}::timestamptz) and (${certificates.expiresOn} is null or ${certificates.expiresOn} >= ${asOf}::date))::int`,
      trainedInYear: sql<number>`count(*) filter (where ${certificates.issuedAt} >= ${yearStart.toISOString()}::timestamptz)::int`,
    })
    .from(certificates)
    .innerJoin(personnel, and(eq(personnel.id, certificates.personId), eq(personnel.isActive, true)))
    .where(
      and(
        sql`${certificates.issuedAt} < ${periodEnd.toISOString()}::timestamptz`,
        topic ? eq(certificates.topic, topic) : undefined,
        coverageCountedFor(actor).where,
      ),
    )
    .groupBy(personnel.agencyId, certificates.topic);
  const staff = await db
    .select({ agencyId: personnel.agencyId, n: sql<number>`count(*)::int` })
    .from(personnel)
    .where(eq(personnel.isActive, true))
    .groupBy(personnel.agencyId);
  const targets = await db.select().from(trainingTargets);
  const active = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(eq(agencies.isActive, true))
    .orderBy(agencies.nameAr);
  return { cells, staff, targets, active };
}

/** Sets targets (agency × topic); a target of 0 stays, as "none expected". */
export async function setTargets(tx: Db, ctx: Ctx, input: TargetsBody): Promise<void> {
  const ids = [...new Set(input.targets.map((t) => t.agencyId))];
  const known = await visibleActiveAgencies(tx, ctx, ids);
  const bad = input.targets.findIndex((t) => !known.has(t.agencyId));
  if (bad >= 0)
    throw new AppError("validation_failed", {
      fields: [{ field: `targets.${bad}.agencyId`, issue: "invalid_value" }],
    });
  for (const t of input.targets)
    await tx
      .insert(trainingTargets)
      .values({ ...t, updatedAt: ctx.now })
      .onConflictDoUpdate({
        target: [trainingTargets.agencyId, trainingTargets.topic],
        set: { target: t.target, updatedAt: ctx.now },
      });
  await recordEvent(tx, ctx, "training.targets", "training_targets", null, null, input);
}

/** The coverage as an Excel workbook: one row per agency, per topic the holders and the target. */
export async function coverageXlsx(db: Db, coverage: Coverage, language: Language): Promise<Buffer> {
  const names = await agencyNames(
    db,
    language,
    coverage.rows.map((r) => r.agencyId),
  );
  const t = (k: string, p?: Record<string, string | number>) => translate(language, k, p);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("training.coverage.sheet"), {
    views: [{ rightToLeft: language === "ar", state: "frozen", ySplit: 2 }],
  });
  const topics = coverage.rows[0]?.cells.map((c) => c.topic) ?? [...TRAINING_TOPICS];
  sheet.addRow([t("training.coverage.asOf", { date: coverage.asOf })]);
  sheet.addRow([
    t("training.coverage.agency"),
    t("training.coverage.personnel"),
    ...topics.flatMap((topic) => [
      `${t(`enums.trainingTopic.${topic}`)} - ${t("training.coverage.holders")}`,
      t("training.coverage.target"),
    ]),
  ]).font = { bold: true };
  for (const row of coverage.rows)
    sheet.addRow([
      names.get(row.agencyId) ?? "",
      row.personnel,
      ...row.cells.flatMap((c) => [c.holders, c.target ?? ""]),
    ]);
  sheet.getColumn(1).width = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
