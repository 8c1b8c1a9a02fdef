import { and, asc, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { NeedExportQuery, NeedListQuery, NeedTotals } from "../../../common/schemas/needs";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { matchesSearch, pageWindow } from "../../http/pagination";
import { users } from "../users";
import { OPEN_STATUSES } from "./need-workflow";
import { needTotalsFromRollup, rollupCovers } from "./need-rollups.queries";
import { needsVisibleTo } from "./needs.policy";
import { needDeliveries, needHistory, needPledges, needs, type NeedRow } from "./needs.table";

export async function findNeed(db: Db, actor: Actor, id: string): Promise<NeedRow> {
  const [row] = await db
    .select()
    .from(needs)
    .where(and(eq(needs.id, id), needsVisibleTo(actor)));
  if (!row) throw new AppError("not_found");
  return row;
}

/** Locks the need for a change (pledges and deliveries add up under the lock). */
export async function findNeedForUpdate(tx: Db, actor: Actor, id: string): Promise<NeedRow> {
  const [row] = await tx
    .select()
    .from(needs)
    .where(and(eq(needs.id, id), needsVisibleTo(actor)))
    .for("update");
  if (!row) throw new AppError("not_found");
  return row;
}

/** Midnight of a day in Africa/Tripoli, as a timestamp. */
const tripoliDay = (day: string) => sql`(${day}::date::timestamp at time zone 'Africa/Tripoli')`;

const unmetCondition = () =>
  and(inArray(needs.status, [...OPEN_STATUSES]), lt(needs.deliveredQuantity, needs.quantity));

/** The register's filters, visibility included, as one condition. */
export function needFilters(actor: Actor, f: NeedExportQuery): SQL | undefined {
  return and(
    needsVisibleTo(actor),
    eq(needs.isActive, true),
    f.agencyId ? eq(needs.agencyId, f.agencyId) : undefined,
    f.category ? eq(needs.category, f.category) : undefined,
    f.status ? eq(needs.status, f.status) : undefined,
    f.priority ? eq(needs.priority, f.priority) : undefined,
    f.responsibleAgencyId ? eq(needs.responsibleAgencyId, f.responsibleAgencyId) : undefined,
    f.from ? sql`${needs.createdAt} >= ${tripoliDay(f.from)}` : undefined,
    f.to ? sql`${needs.createdAt} < ${tripoliDay(f.to)} + interval '1 day'` : undefined,
    f.unmet === "true" ? unmetCondition() : undefined,
    matchesSearch(needs.searchKey, f.q),
  );
}

const remainingQuantity = sql`greatest(${needs.quantity} - ${needs.deliveredQuantity}, 0)`;
const remainingValue = sql`greatest(${needs.quantity} - ${needs.deliveredQuantity}, 0) * ${needs.unitCost}`;

/** Count, quantities and costs (per currency) of the filtered register, summed by the database. */
export async function needTotals(db: Db, where: SQL | undefined): Promise<NeedTotals> {
  const rows = await db
    .select({
      currency: needs.currency,
      count: sql<number>`count(*)::int`,
      quantity: sql<number>`coalesce(sum(${needs.quantity}), 0)::float8`,
      remainingQuantity: sql<number>`coalesce(sum(${remainingQuantity}), 0)::float8`,
      // quantity × unit cost is estimated_cost; written out, the index (which has no estimated_cost) covers the sum.
      estimatedCost: sql<number>`coalesce(sum(${needs.quantity} * ${needs.unitCost}), 0)::float8`,
      remainingValue: sql<number>`coalesce(sum(${remainingValue}), 0)::float8`,
    })
    .from(needs)
    .where(where)
    .groupBy(needs.currency)
    .orderBy(asc(needs.currency));
  return {
    count: rows.reduce((s, r) => s + r.count, 0),
    quantity: round2(rows.reduce((s, r) => s + r.quantity, 0)),
    remainingQuantity: round2(rows.reduce((s, r) => s + r.remainingQuantity, 0)),
    costs: rows.map((r) => ({
      currency: r.currency,
      estimatedCost: round2(r.estimatedCost),
      remainingValue: round2(r.remainingValue),
    })),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The register's totals for the actor under filters `f`: from the rollup when it holds those filters (no period,
 * no search), otherwise summed over the matching rows (`where`: needFilters of the same actor and filters).
 */
export function registerTotals(db: Db, actor: Actor, f: NeedExportQuery, where: SQL | undefined) {
  return rollupCovers(f) ? needTotalsFromRollup(db, actor, f) : needTotals(db, where);
}

export async function listNeeds(db: Db, actor: Actor, query: NeedListQuery) {
  const where = needFilters(actor, query);
  const { limit, offset } = pageWindow(query);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(needs)
      .where(where)
      .orderBy(desc(needs.createdAt), desc(needs.id))
      .limit(limit)
      .offset(offset),
    registerTotals(db, actor, query, where),
  ]);
  return { rows, totals };
}

/** The filtered register in batches, newest first, by keyset: memory stays flat however long the list. */
export async function* needBatches(
  db: Db,
  where: SQL | undefined,
  batchSize: number,
): AsyncGenerator<NeedRow[]> {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    // A row comparison, so that the (created_at, id) index serves each batch from where the last one ended.
    const cursor: SQL | undefined = after
      ? sql`(${needs.createdAt}, ${needs.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
      : undefined;
    const rows: NeedRow[] = await db
      .select()
      .from(needs)
      .where(and(where, cursor))
      .orderBy(desc(needs.createdAt), desc(needs.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last: NeedRow = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

export async function needDetailParts(db: Db, needId: string) {
  const [steps, pledges, deliveries] = await Promise.all([
    db
      .select({ step: needHistory, ar: users.displayNameAr, en: users.displayNameEn })
      .from(needHistory)
      .leftJoin(users, eq(users.id, needHistory.actorId))
      .where(eq(needHistory.needId, needId))
      .orderBy(asc(needHistory.at), asc(needHistory.id)),
    db
      .select()
      .from(needPledges)
      .where(eq(needPledges.needId, needId))
      .orderBy(asc(needPledges.createdAt), asc(needPledges.id)),
    db
      .select()
      .from(needDeliveries)
      .where(eq(needDeliveries.needId, needId))
      .orderBy(asc(needDeliveries.deliveredOn), asc(needDeliveries.id)),
  ]);
  // Each step names the person who took it (null for automatic processes).
  const history = steps.map((r) => ({
    ...r.step,
    actorName: r.ar !== null && r.en !== null ? { ar: r.ar, en: r.en } : null,
  }));
  return { history, pledges, deliveries };
}

/** Unmet needs (approved or in progress, not fully delivered) by owning agency and by category: remaining value. */
export async function unmetSummary(db: Db, actor: Actor, currency: "LYD" | "USD" | "EUR") {
  const where = and(
    needsVisibleTo(actor),
    eq(needs.isActive, true),
    unmetCondition(),
    eq(needs.currency, currency),
  );
  const by = (column: typeof needs.agencyId | typeof needs.category) =>
    db
      .select({
        key: sql<string>`${column}::text`,
        count: sql<number>`count(*)::int`,
        remainingValue: sql<number>`coalesce(sum(${remainingValue}), 0)::float8`,
      })
      .from(needs)
      .where(where)
      .groupBy(column)
      .orderBy(sql`3 desc`);
  const [byAgency, byCategory] = await Promise.all([by(needs.agencyId), by(needs.category)]);
  const tidy = (rows: { key: string; count: number; remainingValue: number }[]) =>
    rows.map((r) => ({ ...r, remainingValue: round2(r.remainingValue) }));
  return { currency, byAgency: tidy(byAgency), byCategory: tidy(byCategory) };
}
