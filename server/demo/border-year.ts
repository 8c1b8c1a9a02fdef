import { sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { BORDER_FIGURES, type BorderFigure, type BorderShift } from "../../common/enums";
import type { Ctx } from "../authz/actor";
import { queryRows, type Db } from "../db/client";
import { nextReference, referenceSequence } from "../db/references";
import { borderReports } from "../features/border";
import { figureWarnings, type CrossingWithAgencies } from "../features/border/border.queries";
import { reportSearchKey } from "../features/border/save-report";

/** A small deterministic generator: the same demo every time. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const SHIFTS: BorderShift[] = ["morning", "evening"];
const DAY_MS = 86_400_000;

/** Days before the first of the four weeks entered through the app, with what made them stand out. */
const OUTLIERS: Record<number, { note: string; scale?: number; intercepted?: number }> = {
  300: { note: "ضبط شاحنة تقل مهاجرين غير نظاميين على الطريق الساحلي", intercepted: 58 },
  241: { note: "إغلاق المنفذ جزئيًا بسبب عاصفة رملية", scale: 0.15 },
  187: { note: "ذروة حركة العودة بعد عيد الأضحى", scale: 3.2 },
  122: { note: "إحباط محاولة تهريب جماعية عبر الشريط الحدودي", intercepted: 71 },
  64: { note: "توقف منظومة الجوازات لعدة ساعات", scale: 0.25 },
};

/**
 * A year of the crossing's daily reports before the four weeks the demo enters through the app (issue 13, item 7):
 * morning and evening shifts with the weekly rhythm of the road to Egypt (Thursdays and Fridays busiest, Saturdays
 * busier), a summer high, and a few outlier days (an interception far above the usual, a sandstorm, the return
 * after Eid, a systems outage) whose reports carry the warnings the app would have given them. All approved.
 * Written as history in one statement per year (references drawn from the year's sequence in one round trip), not
 * through createReport: about 670 reports, so that the first `npm start` stays fast; the day rollup follows by its
 * trigger like for any writer.
 */
export async function seedBorderYear(
  tx: Db,
  ctx: Ctx,
  crossing: CrossingWithAgencies,
  agencyId: string,
  lastDay: string,
  days = 337,
): Promise<number> {
  const random = generator(20_251_201);
  const last = Date.parse(`${lastDay}T00:00:00Z`);
  type Row = { day: string; shift: BorderShift; notes: string | null; outlier: boolean } & Record<
    BorderFigure,
    number
  >;
  const rows: Row[] = [];
  for (let back = days - 1; back >= 0; back--) {
    const date = new Date(last - back * DAY_MS);
    const day = date.toISOString().slice(0, 10);
    const weekday = date.getUTCDay();
    const month = date.getUTCMonth();
    const weekly = weekday === 4 || weekday === 5 ? 1.6 : weekday === 6 ? 1.2 : 1;
    const summer = month >= 5 && month <= 8 ? 1.25 : month === 0 || month === 1 ? 0.85 : 1;
    const outlier = OUTLIERS[back];
    for (const shift of SHIFTS) {
      const level = weekly * summer * (shift === "morning" ? 1 : 0.7) * (outlier?.scale ?? 1);
      const n = (base: number) => Math.round(base * level * (0.8 + 0.4 * random()));
      const vehiclesIn = n(140);
      const vehiclesOut = n(150);
      const intercepted =
        outlier?.intercepted && shift === "evening"
          ? outlier.intercepted
          : Math.round(6 * summer * (0.5 + random()));
      rows.push({
        day,
        shift,
        arrivalsLibyan: n(320),
        arrivalsForeign: n(210),
        departuresLibyan: n(300),
        departuresForeign: n(260),
        vehiclesIn,
        vehiclesOut,
        trucksIn: Math.min(vehiclesIn, n(45)),
        trucksOut: Math.min(vehiclesOut, n(40)),
        refusedEntries: n(4),
        migrantsIntercepted: intercepted,
        personsHandedOver: Math.min(intercepted, Math.round(intercepted * 0.6)),
        notes: outlier && shift === "evening" ? outlier.note : null,
        outlier: outlier !== undefined,
      });
    }
  }
  const byYear = new Map<number, Row[]>();
  for (const r of rows) {
    const year = Number(r.day.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), r]);
  }
  const at = ctx.now.toISOString();
  for (const [year, list] of byYear) {
    // The first reference makes the year's sequence if it is not there yet; the rest come from it in one query.
    const first = await nextReference(tx, "BRD", new Date(Date.UTC(year, 6, 1)));
    const more = await queryRows<{ n: string }>(
      tx,
      sql`select nextval(${referenceSequence("BRD", year)}::regclass)::text as n
          from generate_series(1, ${list.length - 1})`,
    );
    const references = [first, ...more.map((m) => `BRD-${year}-${m.n.padStart(6, "0")}`)];
    const values = list.map(({ outlier: _, ...r }, i) => ({
      ...r,
      id: uuidv7(),
      reference: references[i]!,
      search_key: reportSearchKey(references[i]!, crossing, r.notes),
    }));
    const figureColumns = BORDER_FIGURES.map((f) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    await tx.execute(sql`
      insert into ${borderReports} (id, reference, crossing_id, agency_id, day, shift, ${sql.raw(figureColumns.join(", "))},
        notes, status, search_key, submitted_at, approved_at, created_at, updated_at)
      select x.id, x.reference, ${crossing.id}::uuid, ${agencyId}::uuid, x.day, x.shift,
        ${sql.raw(BORDER_FIGURES.map((f) => `x."${f}"`).join(", "))}, x.notes, 'approved', x.search_key,
        ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
      from json_to_recordset(${JSON.stringify(values)}::json) as x(id uuid, reference text, day date, shift text,
        ${sql.raw(BORDER_FIGURES.map((f) => `"${f}" int`).join(", "))}, notes text, search_key text)`);
  }
  // The outliers' warnings, as the app computes them against the 30 days before (a handful of reports).
  const outliers = await tx
    .select()
    .from(borderReports)
    .where(
      sql`${borderReports.crossingId} = ${crossing.id} and ${borderReports.day} in (${sql.join(
        rows.filter((r) => r.outlier).map((r) => sql`${r.day}::date`),
        sql`, `,
      )})`,
    );
  for (const report of outliers) {
    const warnings = await figureWarnings(tx, report);
    if (warnings.length > 0)
      await tx
        .update(borderReports)
        .set({ warnings })
        .where(sql`${borderReports.id} = ${report.id}`);
  }
  return rows.length;
}
