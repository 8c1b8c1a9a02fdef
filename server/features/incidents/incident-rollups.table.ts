import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { INCIDENT_STATUSES, SENSITIVITIES } from "../../../common/enums";
import { condition, enumChecks } from "../../db/checks";
import { agencies } from "../agencies/agencies.table";
import { incidentTypes } from "./incidents.table";

const tally = (name: string) => integer(name).notNull().default(0);

/**
 * The active incidents of a day, per type × district × agency × status × sensitivity: how many, and the sum of
 * each outcome. Kept by triggers on `incidents` in the writing transaction (migration 0007: the old row's share
 * taken away, the new row's added; since 0016 once per statement, from its transition tables, the statement's rows
 * summed per key), so every writer — the app, an import, a seeder — keeps it exact. Agency
 * and sensitivity are dimensions so that a reader sums only what they may list (incident-rollups.queries.ts).
 * `district_pcode` is '' for an incident without a district (a key column cannot be null).
 */
export const incidentDayCounts = pgTable(
  "incident_day_counts",
  {
    day: date("day", { mode: "string" }).notNull(),
    typeId: uuid("type_id")
      .notNull()
      .references(() => incidentTypes.id),
    districtPcode: text("district_pcode").notNull(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    status: text("status", { enum: INCIDENT_STATUSES }).notNull(),
    sensitivity: text("sensitivity", { enum: SENSITIVITIES }).notNull(),
    incidents: tally("incidents"),
    arrests: tally("arrests"),
    rescued: tally("rescued"),
    intercepted: tally("intercepted"),
    dead: tally("dead"),
    missing: tally("missing"),
    withSeizures: tally("with_seizures"),
  },
  (t) => [
    ...enumChecks("incident_day_counts", t),
    condition(
      "incident_day_counts_tallies_check",
      sql`${t.incidents} >= 0 and ${t.arrests} >= 0 and ${t.rescued} >= 0 and ${t.intercepted} >= 0 and ${t.dead} >= 0 and ${t.missing} >= 0 and ${t.withSeizures} between 0 and ${t.incidents}`,
    ),
    primaryKey({
      columns: [t.day, t.typeId, t.districtPcode, t.agencyId, t.status, t.sensitivity],
    }),
    index("incident_day_counts_type_idx").on(t.typeId, t.day),
    index("incident_day_counts_agency_idx").on(t.agencyId, t.day),
  ],
);

/**
 * The active incidents of a day per type, every agency and sensitivity together, and the same per month: what a
 * reader who may list every incident (leadership, incidents.policy `readsEveryIncident`) sums for a count by type
 * over a span — a month's row instead of its days', a day's row instead of its ~250 combinations of district,
 * agency, status and sensitivity. Kept from `incident_day_counts` by triggers on it (migration 0014; once per
 * statement since 0016), so they follow it in the same transaction, whoever writes.
 */
export const incidentTypeDayCounts = pgTable(
  "incident_type_day_counts",
  {
    day: date("day", { mode: "string" }).notNull(),
    typeId: uuid("type_id")
      .notNull()
      .references(() => incidentTypes.id),
    incidents: tally("incidents"),
  },
  (t) => [
    condition("incident_type_day_counts_tallies_check", sql`${t.incidents} >= 0`),
    primaryKey({ columns: [t.day, t.typeId] }),
  ],
);

/** `incident_type_day_counts` summed per month (`month` is the month's first day). */
export const incidentTypeMonthCounts = pgTable(
  "incident_type_month_counts",
  {
    month: date("month", { mode: "string" }).notNull(),
    typeId: uuid("type_id")
      .notNull()
      .references(() => incidentTypes.id),
    incidents: tally("incidents"),
  },
  (t) => [
    condition("incident_type_month_counts_tallies_check", sql`${t.incidents} >= 0`),
    condition("incident_type_month_counts_first_day_check", sql`extract(day from ${t.month}) = 1`),
    primaryKey({ columns: [t.month, t.typeId] }),
  ],
);
