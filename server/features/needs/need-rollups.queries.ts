import { and, eq, sql } from "drizzle-orm";
import { NEED_CATEGORIES, type NeedCategory } from "../../../common/enums";
import type { NeedExportQuery, NeedTotals } from "../../../common/schemas/needs";
import type { Actor } from "../../authz/actor";
import { queryRows, type Db } from "../../db/client";
import { OPEN_STATUSES } from "./need-workflow";
import { needTotalsVisibleTo, sharedNeedsVisibleTo } from "./needs.policy";
import { needTotalsRollup as r } from "./need-rollups.table";
import { needs } from "./needs.table";

/** Does the register rollup hold these filters' totals? Every filter but the period and the search is a dimension. */
export const rollupCovers = (f: NeedExportQuery) => !f.from && !f.to && !f.q;

const inOpen = (column: typeof r.status | typeof needs.status) =>
  sql`${column} in (${sql.join(
    OPEN_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  )})`;

/**
 * The register's totals (count, quantities, costs per currency) of what the actor may list under filters the
 * rollup covers (`rollupCovers`): summed from need_totals under the actor's agency, responsible body and
 * sensitivity, plus the restricted needs of other agencies shared with the actor's, from their rows.
 */
export async function needTotalsFromRollup(db: Db, actor: Actor, f: NeedExportQuery): Promise<NeedTotals> {
  const rows = await rollupSums(db, actor, f, false);
  const currencies = [...new Set(rows.map((x) => x.currency))].sort();
  const sum = (list: typeof rows, key: "q" | "rq" | "cost" | "rv") =>
    round2(list.reduce((s, x) => s + Number(x[key]), 0));
  return {
    count: rows.reduce((s, x) => s + Number(x.n), 0),
    quantity: sum(rows, "q"),
    remainingQuantity: sum(rows, "rq"),
    costs: currencies.map((currency) => {
      const of = rows.filter((x) => x.currency === currency);
      return { currency, estimatedCost: sum(of, "cost"), remainingValue: sum(of, "rv") };
    }),
  };
}

/** The unmet needs the actor may list, per category: how many, and their estimated cost in LYD (the dashboard). */
export async function unmetByCategory(db: Db, actor: Actor) {
  const rows = await rollupSums(db, actor, { unmet: "true" }, true);
  const categories = [...new Set(rows.map((x) => x.category))];
  return categories.map((category) => {
    const of = rows.filter((x) => x.category === category);
    return {
      category,
      count: of.reduce((s, x) => s + Number(x.n), 0),
      costLyd: of.filter((x) => x.currency === "LYD").reduce((s, x) => s + Number(x.cost), 0),
    };
  });
}

/**
 * The unmet needs by category as figures (the dashboard's and the weekly report's): in the categories' order, each
 * with its estimated cost in LYD and the register's list that totals it.
 */
export async function unmetNeedFigures(db: Db, actor: Actor) {
  const rows = await unmetByCategory(db, actor);
  return NEED_CATEGORIES.flatMap((category) => {
    const row = rows.find((r) => r.category === category);
    return row
      ? [
          {
            category,
            value: row.count,
            estimatedCostLyd: Math.round(row.costLyd * 100) / 100,
            link: { list: "needs" as const, query: { unmet: "true", category } },
          },
        ]
      : [];
  });
}

/** Sums per currency (and category) of what the actor may list under `f`, summed exactly by the database. */
async function rollupSums(db: Db, actor: Actor, f: NeedExportQuery, byCategory: boolean) {
  const on = <C extends "agencyId" | "category" | "status" | "priority" | "responsibleAgencyId">(
    table: typeof r | typeof needs,
    column: C,
  ) => (f[column] ? eq(table[column], f[column]) : undefined);
  const filters = (table: typeof r | typeof needs) =>
    and(
      on(table, "agencyId"),
      on(table, "category"),
      on(table, "status"),
      on(table, "priority"),
      on(table, "responsibleAgencyId"),
      f.unmet === "true"
        ? and(
            inOpen(table.status),
            table === r ? eq(r.isShort, true) : sql`${needs.deliveredQuantity} < ${needs.quantity}`,
          )
        : undefined,
    );
  const shared = sharedNeedsVisibleTo(actor);
  const fromRows = shared
    ? sql`union all select ${needs.currency}, ${needs.category}, 1, ${needs.quantity},
            greatest(${needs.quantity} - ${needs.deliveredQuantity}, 0), ${needs.quantity} * ${needs.unitCost},
            greatest(${needs.quantity} - ${needs.deliveredQuantity}, 0) * ${needs.unitCost}
          from ${needs} where ${and(eq(needs.isActive, true), shared, filters(needs))}`
    : sql``;
  return queryRows<{
    currency: "LYD" | "USD" | "EUR";
    category: NeedCategory;
    n: string;
    q: string;
    rq: string;
    cost: string;
    rv: string;
  }>(
    db,
    sql`select x.currency, ${byCategory ? sql`x.category` : sql`''`} as category, sum(x.n) as n, sum(x.q) as q, sum(x.rq) as rq, sum(x.cost) as cost, sum(x.rv) as rv
        from (select ${r.currency} as currency, ${r.category} as category, ${r.needs} as n, ${r.quantity} as q, ${r.remainingQuantity} as rq,
                     ${r.estimatedCost} as cost, ${r.remainingValue} as rv
              from ${r} where ${and(needTotalsVisibleTo(actor), filters(r)) ?? sql`true`}
              ${fromRows}) x
        group by 1, 2 having sum(x.n) > 0`,
  );
}

const round2 = (n: number) => Math.round(n * 100) / 100;
