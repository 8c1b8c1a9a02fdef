import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BORDER_FIGURES,
  INCIDENT_ACTIONS,
  NEED_ACTIONS,
  TASK_STATUSES,
  type IncidentMeasure,
  type Role,
  type Sensitivity,
} from "../../../common/enums";
import type { Actor, Ctx } from "../../authz/actor";
import { recordShares } from "../../authz/shares.table";
import { createTestDatabase } from "../../test/database";
import { queryRows, type Database, type Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { buildAgency } from "../../test/factories";
import { buildCrossing, buildReport } from "../../test/border-factories";
import { typeId } from "../../test/incidents-factories";
import { TEST_NOW } from "../../test/app";
import { borderFigures, borderReports, stepReport } from "../border";
import { findReport, type CrossingWithAgencies } from "../border/border.queries";
import { updateReport } from "../border/save-report";
import { addSeizure, createIncident, incidentFigures, incidents } from "../incidents";
import { updateIncident } from "../incidents/create-incident";
import { findIncident } from "../incidents/incidents.queries";
import { incidentsVisibleTo } from "../incidents/incidents.policy";
import { stepIncident } from "../incidents/step-incident";
import { createNeed, needs, stepNeed } from "../needs";
import { needTotalsFromRollup } from "../needs/need-rollups.queries";
import { needFilters, needTotals } from "../needs/needs.queries";
import { updateNeed } from "../needs/save-need";
import { changeTaskStatus, createTask, tasks, tasksVisibleTo } from "../tasks";
import { openTaskCounts } from "../tasks/task-rollups.queries";
import { findTask, listTasks } from "../tasks/tasks.queries";
import { TaskListQuery } from "../../../common/schemas/tasks";
import { updateTask } from "../tasks/update-task";

// Item 3 of issue 13: after any sequence of writes — creates, edits, status steps, re-dating, deactivation
// ("deletion by cancellation"), imports, seizures, shares, border reports and their steps and corrections, even a
// raw DELETE — every rollup row equals the same figure computed directly from the rows, and every figure read
// through the rollups for a given reader equals the direct count of what that reader may list.

const DAYS = ["2026-10-05", "2026-10-06", "2026-10-19", "2026-11-02", "2026-11-03", "2026-11-27"];
const DISTRICTS = [null, "LY0104", "LY0103"] as const;
const TYPES = ["smuggling_fuel", "human_trafficking", "migration_interception"];

const ctx = (): Ctx => ({ actor: null, now: new Date(TEST_NOW), actorLabel: "property test" });
const leader: Actor = {
  userId: "00000000-0000-7000-8000-000000000001",
  username: "leader",
  agencyId: "",
  role: "leadership",
  language: "ar",
  calendar: "gregorian",
  numerals: "latn",
  sessionId: "s",
  mustEnrollTotp: false,
  mustChangePassword: false,
};
const actorOf = (role: Role, agencyId: string): Actor => ({ ...leader, role, agencyId, username: role });

// Issue 13 item 6: the register rollups (need_totals, task_due_counts — migration 0009) under the same rule.
const NEED_CATEGORIES_USED = ["vehicles", "equipment", "training"] as const;
const TASK_DAYS = [null, "2026-11-01", "2026-11-28", "2026-11-29", "2026-12-03", "2026-12-06", "2027-01-15"];

type Refs = {
  needs: string[];
  tasks: string[];
  agencies: string[];
  types: string[];
  crossing: CrossingWithAgencies;
  incidents: string[];
  reports: string[];
  imported: number;
};

const small = fc.integer({ min: 0, max: 4 });
const pick = fc.nat({ max: 1_000 });
const facts = fc.record({
  agency: fc.nat({ max: 2 }),
  type: fc.nat({ max: TYPES.length - 1 }),
  day: fc.constantFrom(...DAYS),
  district: fc.constantFrom(...DISTRICTS),
  sensitivity: fc.constantFrom<Sensitivity>("internal", "restricted"),
  arrests: small,
  rescued: small,
  intercepted: small,
  dead: small,
  missing: small,
});
const figures = fc
  .record({ v: small, t: small, m: small, h: small, a: fc.nat({ max: 50 }), d: fc.nat({ max: 50 }) })
  .map(({ v, t, m, h, a, d }) => ({
    arrivalsLibyan: a,
    arrivalsForeign: d % 7,
    departuresLibyan: d,
    departuresForeign: a % 5,
    vehiclesIn: v + t,
    vehiclesOut: v,
    trucksIn: t,
    trucksOut: Math.min(t, v),
    refusedEntries: h,
    migrantsIntercepted: m + h,
    personsHandedOver: h,
  }));

const command = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("create" as const), facts }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("import" as const),
      batch: fc.array(facts, { minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("edit" as const), at: pick, facts }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("redate" as const), at: pick, day: fc.constantFrom(...DAYS) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("step" as const),
      at: pick,
      action: fc.constantFrom(...INCIDENT_ACTIONS),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("seize" as const), at: pick }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("cancel" as const), at: pick, active: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("share" as const), at: pick, agency: fc.nat({ max: 2 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("report" as const),
      day: fc.constantFrom(...DAYS),
      shift: fc.constantFrom("morning" as const, "evening" as const, "night" as const),
      figures,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("refigure" as const), at: pick, figures }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("reportStep" as const),
      at: pick,
      action: fc.constantFrom("submit" as const, "approve" as const, "return" as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reportDelete" as const), at: pick }) },
);
const needFacts = fc.record({
  agency: fc.nat({ max: 2 }),
  responsible: fc.nat({ max: 2 }),
  category: fc.constantFrom(...NEED_CATEGORIES_USED),
  priority: fc.constantFrom("critical" as const, "high" as const, "medium" as const, "low" as const),
  currency: fc.constantFrom("LYD" as const, "USD" as const),
  quantity: fc.integer({ min: 1, max: 4_000 }).map((n) => n / 4),
  unitCost: fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
  sensitivity: fc.constantFrom<Sensitivity>("internal", "restricted"),
});
const registerCommand = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("needCreate" as const), facts: needFacts }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("needEdit" as const), at: pick, facts: needFacts }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("needStep" as const),
      at: pick,
      action: fc.constantFrom(...NEED_ACTIONS),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("needDeliver" as const), at: pick, part: fc.nat({ max: 4 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("needCancel" as const), at: pick, active: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("needShare" as const), at: pick, agency: fc.nat({ max: 2 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("taskCreate" as const),
      agency: fc.nat({ max: 2 }),
      supports: fc.subarray([0, 1, 2]),
      sensitivity: fc.constantFrom<Sensitivity>("internal", "restricted"),
      dueOn: fc.constantFrom(...TASK_DAYS),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("taskStatus" as const),
      at: pick,
      status: fc.constantFrom(...TASK_STATUSES),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("taskEdit" as const),
      at: pick,
      dueOn: fc.constantFrom(...TASK_DAYS),
      sensitivity: fc.constantFrom<Sensitivity>("internal", "restricted"),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("taskShare" as const), at: pick, agency: fc.nat({ max: 2 }) }),
  },
);
type RegisterCommand = typeof registerCommand extends fc.Arbitrary<infer C> ? C : never;

async function runRegister(db: Db, refs: Refs, c: RegisterCommand): Promise<void> {
  const nth = (list: string[], at: number) => list[at % list.length];
  const needInput = (f: typeof needFacts extends fc.Arbitrary<infer F> ? F : never) => ({
    category: f.category,
    title: "احتياج",
    description: null,
    quantity: f.quantity,
    unit: "وحدة",
    unitCost: f.unitCost,
    currency: f.currency,
    priority: f.priority,
    justification: null,
    responsibleAgencyId: refs.agencies[f.responsible]!,
    objectiveId: null,
    taskId: null,
    sensitivity: f.sensitivity,
  });
  await db.transaction(async (tx) => {
    switch (c.kind) {
      case "needCreate": {
        const row = await createNeed(tx, ctx(), {
          ...needInput(c.facts),
          agencyId: refs.agencies[c.facts.agency]!,
        });
        refs.needs.push(row.id);
        return;
      }
      case "needEdit":
      case "needStep":
      case "needDeliver":
      case "needCancel":
      case "needShare": {
        const id = nth(refs.needs, c.at);
        if (!id) return;
        const [need] = await tx.select().from(needs).where(eq(needs.id, id)).for("update");
        if (!need) return;
        if (c.kind === "needEdit")
          // (never below what was delivered: the table refuses that, as the register never asks it)
          await updateNeed(tx, ctx(), need, {
            ...needInput(c.facts),
            quantity: Math.max(c.facts.quantity, need.deliveredQuantity),
          });
        else if (c.kind === "needStep") await stepNeed(tx, ctx(), need, c.action, "سبب");
        else if (c.kind === "needDeliver")
          // Any writer (a delivery, a correction): a quarter of the need per part, never above the quantity.
          await tx
            .update(needs)
            .set({
              deliveredQuantity: Math.min(
                need.quantity,
                need.deliveredQuantity + (need.quantity * c.part) / 4,
              ),
            })
            .where(eq(needs.id, id));
        else if (c.kind === "needCancel")
          await tx.update(needs).set({ isActive: c.active }).where(eq(needs.id, id));
        else
          await tx
            .insert(recordShares)
            .values({ entity: "needs", entityId: id, agencyId: refs.agencies[c.agency]! })
            .onConflictDoNothing();
        return;
      }
      case "taskCreate": {
        const agencyId = refs.agencies[c.agency]!;
        const row = await createTask(tx, ctx(), {
          titleAr: "مهمة",
          titleEn: null,
          description: null,
          planId: null,
          objectiveId: null,
          agencyId,
          assigneeId: null,
          priority: "normal",
          dueOn: c.dueOn,
          sensitivity: c.sensitivity,
          supports: c.supports
            .map((i) => refs.agencies[i]!)
            .filter((a) => a !== agencyId)
            .map((a) => ({ agencyId: a, contribution: "دعم" })),
        });
        refs.tasks.push(row.id);
        return;
      }
      case "taskStatus":
      case "taskEdit":
      case "taskShare": {
        const id = nth(refs.tasks, c.at);
        if (!id) return;
        const task = await findTask(tx, leader, id, { forUpdate: true });
        if (c.kind === "taskStatus")
          await changeTaskStatus(tx, ctx(), leader, task, { status: c.status, reason: "سبب" });
        else if (c.kind === "taskEdit")
          await updateTask(tx, ctx(), task, { dueOn: c.dueOn, sensitivity: c.sensitivity });
        else
          await tx
            .insert(recordShares)
            .values({ entity: "tasks", entityId: id, agencyId: refs.agencies[c.agency]! })
            .onConflictDoNothing();
        return;
      }
    }
  });
}

type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;
type Facts = typeof facts extends fc.Arbitrary<infer F> ? F : never;

const inputOf = (refs: Refs, f: Facts) => ({
  agencyId: refs.agencies[f.agency]!,
  typeId: refs.types[f.type]!,
  occurredOn: f.day,
  occurredTime: null,
  districtPcode: f.district,
  placeName: "منفذ امساعد",
  latitude: null,
  longitude: null,
  narrative: null,
  sensitivity: f.sensitivity,
  arrests: f.arrests,
  rescued: f.rescued,
  intercepted: f.intercepted,
  nationalities: [],
  dead: f.dead,
  missing: f.missing,
});

async function run(db: Db, refs: Refs, c: Command): Promise<void> {
  const nth = (list: string[], at: number) => list[at % list.length];
  await db.transaction(async (tx) => {
    switch (c.kind) {
      case "create": {
        const row = await createIncident(tx, ctx(), inputOf(refs, c.facts));
        refs.incidents.push(row.id);
        return;
      }
      case "import":
        // An import writes several incidents with their source's ids, some already closed, in one transaction.
        for (const f of c.batch) {
          refs.imported += 1;
          const row = await createIncident(tx, ctx(), inputOf(refs, f), {
            source: "iom",
            sourceId: `IOM-${process.pid}-${refs.imported}`,
            status: refs.imported % 2 ? "closed" : "open",
          });
          refs.incidents.push(row.id);
        }
        return;
      case "edit":
      case "redate": {
        const id = nth(refs.incidents, c.at);
        if (!id) return;
        const incident = await findIncident(tx, leader, id, { forUpdate: true });
        const input =
          c.kind === "redate"
            ? { occurredOn: c.day }
            : (({ agencyId: _a, ...rest }) => rest)(inputOf(refs, c.facts));
        await updateIncident(tx, ctx(), incident, input);
        return;
      }
      case "step": {
        const id = nth(refs.incidents, c.at);
        if (!id) return;
        const incident = await findIncident(tx, leader, id, { forUpdate: true });
        await stepIncident(tx, ctx(), incident, c.action, "سبب");
        return;
      }
      case "seize": {
        const id = nth(refs.incidents, c.at);
        if (!id) return;
        const incident = await findIncident(tx, leader, id, { forUpdate: true });
        await addSeizure(tx, ctx(), incident, {
          item: "fuel",
          kind: null,
          description: null,
          quantity: 100,
          unit: "litre",
          estimatedValueLyd: null,
        });
        return;
      }
      case "cancel": {
        const id = nth(refs.incidents, c.at);
        if (!id) return;
        await tx.update(incidents).set({ isActive: c.active }).where(eq(incidents.id, id));
        return;
      }
      case "share": {
        const id = nth(refs.incidents, c.at);
        if (!id) return;
        await tx
          .insert(recordShares)
          .values({ entity: "incidents", entityId: id, agencyId: refs.agencies[c.agency]! })
          .onConflictDoNothing();
        return;
      }
      case "report": {
        const row = await buildReport(tx, refs.crossing, { day: c.day, shift: c.shift });
        await tx.update(borderReports).set(c.figures).where(eq(borderReports.id, row.id));
        refs.reports.push(row.id);
        return;
      }
      case "refigure": {
        const id = nth(refs.reports, c.at);
        if (!id) return;
        const report = await findReport(tx, id, { forUpdate: true });
        await updateReport(tx, ctx(), report, { ...c.figures, reason: "تصحيح" });
        return;
      }
      case "reportStep": {
        const id = nth(refs.reports, c.at);
        if (!id) return;
        const report = await findReport(tx, id, { forUpdate: true });
        if (report.status !== { submit: "draft", approve: "submitted", return: "submitted" }[c.action])
          return;
        await stepReport(tx, ctx(), report, c.action, "سبب");
        return;
      }
      case "reportDelete": {
        const id = nth(refs.reports, c.at);
        if (!id) return;
        await tx.delete(borderReports).where(eq(borderReports.id, id));
        refs.reports = refs.reports.filter((r) => r !== id);
        return;
      }
    }
  });
}

/** The rollup rows that hold anything, and the same figures grouped from the rows, as comparable text. */
async function incidentTables(db: Db) {
  const norm = (rows: Record<string, unknown>[]) =>
    rows.map((r) => Object.values(r).map(String).join("|")).sort();
  const rollup = await queryRows<Record<string, unknown>>(
    db,
    sql`select day::text as d, type_id, district_pcode, agency_id, status, sensitivity,
               incidents, arrests, rescued, intercepted, dead, missing, with_seizures
        from incident_day_counts
        where incidents <> 0 or arrests <> 0 or rescued <> 0 or intercepted <> 0 or dead <> 0 or missing <> 0
           or with_seizures <> 0`,
  );
  const direct = await queryRows<Record<string, unknown>>(
    db,
    sql`select occurred_on::text as d, type_id, coalesce(district_pcode, '') as p, agency_id, status, sensitivity,
               count(*)::int as n, sum(arrests)::int as a, sum(rescued)::int as r, sum(intercepted)::int as i,
               sum(dead)::int as k, sum(missing)::int as m, (count(*) filter (where has_seizures))::int as s
        from incidents where is_active group by 1, 2, 3, 4, 5, 6`,
  );
  // The per-type rollups (migration 0014) beside it: their rows that hold anything, and the same from the rows.
  const typeRollup = await queryRows<Record<string, unknown>>(
    db,
    sql`select 'd' as k, day::text as d, type_id, incidents from incident_type_day_counts where incidents <> 0
        union all
        select 'm', month::text, type_id, incidents from incident_type_month_counts where incidents <> 0`,
  );
  const typeDirect = await queryRows<Record<string, unknown>>(
    db,
    sql`select 'd' as k, occurred_on::text as d, type_id, count(*)::int as n from incidents where is_active group by 2, 3
        union all
        select 'm', date_trunc('month', occurred_on)::date::text, type_id, count(*)::int from incidents
        where is_active group by 2, 3`,
  );
  return {
    rollup: [...norm(rollup), ...norm(typeRollup)].sort(),
    direct: [...norm(direct), ...norm(typeDirect)].sort(),
  };
}

async function borderTables(db: Db) {
  const norm = (rows: Record<string, unknown>[]) =>
    rows.map((r) => Object.values(r).map(String).join("|")).sort();
  const cols = BORDER_FIGURES.map((f) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  const rollup = await queryRows<Record<string, unknown>>(
    db,
    sql.raw(`select crossing_id, day::text as d, status, reports, ${cols.join(", ")} from border_day_figures
             where reports <> 0 or ${cols.map((c) => `${c} <> 0`).join(" or ")}`),
  );
  const direct = await queryRows<Record<string, unknown>>(
    db,
    sql.raw(`select crossing_id, day::text, status, count(*)::int as n, ${cols.map((c) => `sum(${c})::int as ${c}`).join(", ")}
             from border_reports group by 1, 2, 3`),
  );
  return { rollup: norm(rollup), direct: norm(direct) };
}

async function registerTables(db: Db) {
  const norm = (rows: Record<string, unknown>[]) =>
    rows.map((r) => Object.values(r).map(String).join("|")).sort();
  const needRollup = await queryRows<Record<string, unknown>>(
    db,
    sql`select agency_id, responsible_agency_id, sensitivity, status, category, priority, currency, is_short,
               needs, quantity::text as q, remaining_quantity::text as rq, estimated_cost::text as c,
               remaining_value::text as rv
        from need_totals where needs <> 0 or quantity <> 0 or remaining_quantity <> 0 or estimated_cost <> 0
           or remaining_value <> 0`,
  );
  const needDirect = await queryRows<Record<string, unknown>>(
    db,
    sql`select agency_id, responsible_agency_id, sensitivity, status, category, priority, currency,
               delivered_quantity < quantity as s, count(*)::int as n, sum(quantity)::numeric(30, 2)::text as q,
               sum(greatest(quantity - delivered_quantity, 0))::numeric(30, 2)::text as rq,
               sum(quantity * unit_cost)::numeric(30, 4)::text as c,
               sum(greatest(quantity - delivered_quantity, 0) * unit_cost)::numeric(30, 4)::text as rv
        from needs where is_active group by 1, 2, 3, 4, 5, 6, 7, 8`,
  );
  const taskRollup = await queryRows<Record<string, unknown>>(
    db,
    sql`select agency_id, sensitivity, due_on::text as d, tasks from task_due_counts where tasks <> 0`,
  );
  const taskDirect = await queryRows<Record<string, unknown>>(
    db,
    sql`select agency_id, sensitivity, coalesce(due_on, 'infinity'::date)::text as d, count(*)::int as n from tasks
        where status in ('todo', 'in_progress', 'blocked') group by 1, 2, 3`,
  );
  return {
    needs: { rollup: norm(needRollup), direct: norm(needDirect) },
    tasks: { rollup: norm(taskRollup), direct: norm(taskDirect) },
  };
}

/** The open tasks a reader may list per lead agency (open, overdue, due soon), straight from the rows. */
async function directOpenTasks(db: Db, actor: Actor, due?: "overdue" | "dueSoon") {
  const today = "2026-11-29";
  const soon = "2026-12-06";
  const rows = await db
    .select({
      agencyId: tasks.agencyId,
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${tasks.dueOn} < ${today}))::int`,
      dueSoon: sql<number>`(count(*) filter (where ${tasks.dueOn} >= ${today} and ${tasks.dueOn} < ${soon}))::int`,
    })
    .from(tasks)
    .where(and(tasksVisibleTo(actor), sql`${tasks.status} in ('todo', 'in_progress', 'blocked')`))
    .groupBy(tasks.agencyId);
  const key = due ?? "open";
  return rows
    .filter((r) => r[key] > 0)
    .map((r) => `${r.agencyId}|${r[key]}`)
    .sort();
}

/** The ids of the open tasks a reader may list (overdue, due soon), in the list's due order, straight from the rows. */
async function directOpenTaskIds(db: Db, actor: Actor, due?: "overdue" | "dueSoon") {
  const window =
    due === "overdue"
      ? sql`${tasks.dueOn} < '2026-11-29'`
      : due === "dueSoon"
        ? sql`${tasks.dueOn} >= '2026-11-29' and ${tasks.dueOn} < '2026-12-06'`
        : undefined;
  const rows = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(tasksVisibleTo(actor), sql`${tasks.status} in ('todo', 'in_progress', 'blocked')`, window))
    .orderBy(sql`${tasks.dueOn} asc nulls last`, sql`${tasks.id} asc`);
  return { ids: rows.map((r) => r.id), total: rows.length };
}

/** The region's list of open (overdue, due soon) tasks through listTasks, three rows a page until past the end. */
async function regionListPages(db: Db, actor: Actor, due?: "overdue" | "dueSoon") {
  const ids: string[] = [];
  const totals = new Set<number>();
  for (let page = 1; ; page++) {
    const query = TaskListQuery.parse({ page, pageSize: 3, ...(due ? { due } : { status: "open" }) });
    const { rows, total } = await listTasks(db, actor, query, new Date(TEST_NOW));
    totals.add(total);
    ids.push(...rows.map((r) => r.id));
    if (rows.length < 3) break;
  }
  expect(totals.size, "the same total on every page").toBe(1);
  return { ids, total: [...totals][0] };
}

/** What a reader would count in the incidents list, per ISO week and type, straight from the rows. */
async function directWeekly(db: Db, actor: Actor, measure: "count" | "arrests", from: string, to: string) {
  const value = measure === "count" ? sql`count(*)` : sql`sum(${incidents.arrests})`;
  const rows = await db
    .select({
      period: sql<string>`to_char(date_trunc('week', ${incidents.occurredOn}::timestamp), 'YYYY-MM-DD')`,
      typeId: incidents.typeId,
      value: sql<number>`(${value})::float8`,
    })
    .from(incidents)
    .where(
      and(
        incidentsVisibleTo(actor),
        eq(incidents.isActive, true),
        sql`${incidents.occurredOn} between ${from}::date and ${to}::date`,
      ),
    )
    .groupBy(sql`1`, incidents.typeId);
  return rows
    .filter((r) => Number(r.value) !== 0)
    .map((r) => `${r.period}|${r.typeId}|${Number(r.value)}`)
    .sort();
}

describe("rollups kept in the writing transaction equal the figures computed from the rows", () => {
  let database: Database;
  let refs: Refs;
  let readers: Actor[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const agencies = [await buildAgency(db), await buildAgency(db), await buildAgency(db)].map((a) => a.id);
    refs = {
      agencies,
      types: await Promise.all(TYPES.map((code) => typeId(db, code))),
      crossing: await buildCrossing(db, { agencyId: agencies[0]!, workingAgencyIds: [agencies[1]!] }),
      incidents: [],
      reports: [],
      imported: 0,
      needs: [],
      tasks: [],
    };
    readers = [
      leader,
      actorOf("officer", agencies[0]!),
      actorOf("manager", agencies[1]!),
      actorOf("observer", agencies[2]!),
      actorOf("admin", agencies[2]!),
    ];
  });
  afterAll(() => database.close());

  it("after any sequence of writes, on this engine", async () => {
    let writes = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        for (const c of commands) {
          try {
            await run(database.db, refs, c);
            writes += 1;
          } catch (error) {
            // A refused write (a closed incident edited, a second report of a shift, a bad transition) rolls
            // back: the rollups must not move either.
            if (!(error instanceof AppError)) throw error;
            refused += 1;
          }
        }
        const i = await incidentTables(database.db);
        expect(i.rollup).toEqual(i.direct);
        const b = await borderTables(database.db);
        expect(b.rollup).toEqual(b.direct);

        // Read through the rollups per reader (their agency and sensitivity dimensions, plus the shared rows):
        // equal to the direct count of what each may list.
        const from = DAYS[0]!;
        const to = DAYS.at(-1)!;
        for (const reader of readers) {
          for (const measure of ["count", "arrests"] as IncidentMeasure[]) {
            const viaRollup = (
              await incidentFigures(database.db, reader, { from, to }, measure, {
                unit: "week",
                byType: true,
              })
            )
              .map((r) => `${r.period}|${r.typeId}|${r.value}`)
              .sort();
            expect(viaRollup, `${reader.role} ${measure}`).toEqual(
              await directWeekly(database.db, reader, measure as "count" | "arrests", from, to),
            );
          }
        }
        // The per-type rollups (migration 0014) the leadership's counts by type read: whole months from the month
        // table, the days around them from the day table — over spans with and without whole months.
        for (const [spanFrom, spanTo] of [
          [from, to],
          ["2026-10-01", "2026-11-30"],
          ["2026-10-06", "2026-11-30"],
          ["2026-10-01", "2026-11-02"],
          ["1900-01-01", "2999-12-31"],
        ] as const) {
          for (const typeId of [undefined, refs.types[0]]) {
            const filter = { from: spanFrom, to: spanTo, typeId };
            const viaTypes = (
              await incidentFigures(database.db, leader, filter, "count", { unit: "all", byType: true })
            )
              .map((r) => `${r.typeId}|${r.value}`)
              .sort();
            const direct = await queryRows<{ t: string; n: number | string }>(
              database.db,
              sql`select type_id::text as t, count(*) as n from incidents
                  where is_active and occurred_on between ${spanFrom}::date and ${spanTo}::date
                    and (${typeId ?? null}::uuid is null or type_id = ${typeId ?? null}::uuid)
                  group by 1`,
            );
            expect(viaTypes, `${spanFrom} … ${spanTo}`).toEqual(
              direct.map((r) => `${r.t}|${Number(r.n)}`).sort(),
            );
          }
        }
        const [border] = await borderFigures(database.db, { from, to, crossingId: refs.crossing.id }, "all");
        const [directBorder] = await queryRows<{ n: number | string; m: number | string }>(
          database.db,
          sql`select count(*) as n, coalesce(sum(migrants_intercepted), 0) as m from border_reports
              where crossing_id = ${refs.crossing.id} and day between ${from}::date and ${to}::date`,
        );
        expect(border?.reports ?? 0).toBe(Number(directBorder?.n));
        expect(border?.migrantsIntercepted ?? 0).toBe(Number(directBorder?.m));
      }),
      { numRuns: 20 },
    );
    const [counts] = await queryRows<{ incidents: number | string; reports: number | string }>(
      database.db,
      sql`select (select count(*) from incidents) as incidents, (select count(*) from border_reports) as reports`,
    );
    console.log(
      `rollups equality: ${writes} writes committed, ${refused} refused; ${counts?.incidents} incidents, ${counts?.reports} border reports`,
    );
    expect(writes).toBeGreaterThan(50);
  }, 300_000);

  it("after any sequence of needs and tasks writes, the register rollups equal the rows, per reader", async () => {
    let writes = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(registerCommand, { minLength: 1, maxLength: 25 }), async (commands) => {
        for (const c of commands) {
          try {
            await runRegister(database.db, refs, c);
            writes += 1;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            refused += 1;
          }
        }
        const t = await registerTables(database.db);
        expect(t.needs.rollup).toEqual(t.needs.direct);
        expect(t.tasks.rollup).toEqual(t.tasks.direct);
        // The supports' copies of their task (migration 0015) that the counts per reader read.
        const [stale] = await queryRows<{ n: number | string }>(
          database.db,
          sql`select count(*) as n from task_supports s join tasks t on t.id = s.task_id
              where (s.task_agency_id, s.task_sensitivity, s.task_status, s.task_due_on)
                is distinct from (t.agency_id, t.sensitivity, t.status, t.due_on)`,
        );
        expect(Number(stale?.n)).toBe(0);

        const [a0, a1] = refs.agencies;
        const filters = [
          {},
          { unmet: "true" as const },
          { category: "vehicles" as const },
          { status: "approved" as const },
          { agencyId: a0 },
          { responsibleAgencyId: a1, priority: "high" as const },
        ];
        for (const reader of readers) {
          for (const f of filters)
            expect(
              await needTotalsFromRollup(database.db, reader, f),
              `${reader.role} ${JSON.stringify(f)}`,
            ).toEqual(await needTotals(database.db, needFilters(reader, f)));
          for (const due of [undefined, "overdue", "dueSoon"] as const) {
            const key = due ?? "open";
            const viaRollup = (await openTaskCounts(database.db, reader, new Date(TEST_NOW), { due }))
              .filter((r) => r[key] > 0)
              .map((r) => `${r.agencyId}|${r[key]}`)
              .sort();
            const direct = await directOpenTasks(database.db, reader, due);
            expect(viaRollup, `${reader.role} tasks ${key}`).toEqual(direct);
            // The region's list of them as the tasks page reads it (each page's first rows in due order, each
            // checked on its own; the total from the rollup), page by page, equals the same rows selected directly.
            expect(await regionListPages(database.db, reader, due), `${reader.role} list ${key}`).toEqual(
              await directOpenTaskIds(database.db, reader, due),
            );
            // Led by one agency (the reader's own, another): that agency's line of the same figures.
            for (const agencyId of new Set([reader.agencyId, ...refs.agencies].filter(Boolean))) {
              const led = (await openTaskCounts(database.db, reader, new Date(TEST_NOW), { due, agencyId }))
                .filter((r) => r[key] > 0)
                .map((r) => `${r.agencyId}|${r[key]}`);
              expect(led, `${reader.role} tasks ${key} led by ${agencyId}`).toEqual(
                direct.filter((line) => line.startsWith(`${agencyId}|`)),
              );
            }
          }
        }
      }),
      {
        numRuns: 20,
        // First, a restricted task both supported by and shared with another agency: counted once for it.
        examples: [
          [
            [
              {
                kind: "taskCreate",
                agency: 0,
                supports: [1],
                sensitivity: "restricted",
                dueOn: "2026-11-01",
              },
              { kind: "taskShare", at: 0, agency: 1 },
            ],
          ],
        ],
      },
    );
    const [counts] = await queryRows<{ needs: number | string; tasks: number | string }>(
      database.db,
      sql`select (select count(*) from needs) as needs, (select count(*) from tasks) as tasks`,
    );
    console.log(
      `register rollups equality: ${writes} writes committed, ${refused} refused; ${counts?.needs} needs, ${counts?.tasks} tasks`,
    );
    expect(writes).toBeGreaterThan(50);
  }, 300_000);
});
