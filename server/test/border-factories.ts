import { eq } from "drizzle-orm";
import type { BorderReportStatus, BorderShift } from "../../common/enums";
import type { Ctx } from "../authz/actor";
import type { Db } from "../db/client";
import { borderReports, createCrossing, createReport } from "../features/border";
import { findCrossing, type CrossingWithAgencies } from "../features/border/border.queries";
import type { BorderReportRow } from "../features/border";
import { TEST_NOW } from "./app";
import { buildAgency } from "./factories";

const factoryCtx = (): Ctx => ({ actor: null, now: new Date(TEST_NOW), actorLabel: "factory" });
let crossingNumber = 0;

/** A crossing under `agencyId` (a fresh agency when not given), worked by `workingAgencyIds`. */
export async function buildCrossing(
  db: Db,
  overrides: { agencyId?: string; workingAgencyIds?: string[] } = {},
): Promise<CrossingWithAgencies> {
  const agencyId = overrides.agencyId ?? (await buildAgency(db)).id;
  crossingNumber += 1;
  const row = await db.transaction((tx) =>
    createCrossing(tx, factoryCtx(), {
      code: `X${process.pid % 1000}-${crossingNumber}`,
      nameAr: `منفذ تجريبي ${crossingNumber}`,
      nameEn: `Test crossing ${crossingNumber}`,
      pcode: "LY010401",
      latitude: 31.58,
      longitude: 25.05,
      agencyId,
      workingAgencyIds: overrides.workingAgencyIds ?? [],
    }),
  );
  return findCrossing(db, row.id);
}

let dayOffset = 0;
/** A report at any status (set directly: a fixture); each on its own day unless `day` is given. */
export async function buildReport(
  db: Db,
  crossing: CrossingWithAgencies,
  overrides: {
    status?: BorderReportStatus;
    day?: string;
    shift?: BorderShift;
    migrantsIntercepted?: number;
  } = {},
): Promise<BorderReportRow> {
  dayOffset += 1;
  const day =
    overrides.day ?? new Date(Date.parse(TEST_NOW) - dayOffset * 86_400_000).toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    const row = await createReport(tx, factoryCtx(), crossing, crossing.agencyId, {
      crossingId: crossing.id,
      day,
      shift: overrides.shift ?? "morning",
      arrivalsLibyan: 300,
      arrivalsForeign: 200,
      departuresLibyan: 280,
      departuresForeign: 250,
      vehiclesIn: 140,
      vehiclesOut: 150,
      trucksIn: 40,
      trucksOut: 35,
      refusedEntries: 3,
      migrantsIntercepted: overrides.migrantsIntercepted ?? 6,
      personsHandedOver: 4,
      notes: null,
    });
    if (!overrides.status || overrides.status === "draft") return row;
    const [after] = await tx
      .update(borderReports)
      .set({ status: overrides.status })
      .where(eq(borderReports.id, row.id))
      .returning();
    return after!;
  });
}
