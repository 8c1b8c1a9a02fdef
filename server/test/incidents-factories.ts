import { eq } from "drizzle-orm";
import type { IncidentStatus, Sensitivity } from "../../common/enums";
import type { Ctx } from "../authz/actor";
import type { Db } from "../db/client";
import {
  addReferral,
  addSeizure,
  createIncident,
  incidentTypes,
  incidents,
  type IncidentSubject,
} from "../features/incidents";
import { TEST_NOW } from "./app";
import { buildAgency } from "./factories";

const factoryCtx = (): Ctx => ({ actor: null, now: new Date(TEST_NOW), actorLabel: "factory" });

/** The id of a seeded incident type by its code (e.g. "smuggling_fuel"). */
export async function typeId(db: Db, code: string): Promise<string> {
  const [row] = await db
    .select({ id: incidentTypes.id })
    .from(incidentTypes)
    .where(eq(incidentTypes.code, code));
  if (!row) throw new Error(`no incident type ${code}`);
  return row.id;
}

/** An incident at any status (set directly: a fixture, not a walk through the workflow). */
export async function buildIncident(
  db: Db,
  overrides: Partial<{
    agencyId: string;
    type: string;
    sensitivity: Sensitivity;
    status: IncidentStatus;
    districtPcode: string | null;
    placeName: string;
    occurredOn: string;
    narrative: string;
  }> = {},
): Promise<IncidentSubject> {
  const agencyId = overrides.agencyId ?? (await buildAgency(db)).id;
  const type = await typeId(db, overrides.type ?? "smuggling_fuel");
  return db.transaction(async (tx) => {
    const incident = await createIncident(tx, factoryCtx(), {
      agencyId,
      typeId: type,
      occurredOn: overrides.occurredOn ?? "2026-11-20",
      occurredTime: null,
      districtPcode: (overrides.districtPcode ?? "LY0104") as "LY0104",
      placeName: overrides.placeName ?? "منفذ امساعد",
      latitude: 31.58,
      longitude: 25.05,
      narrative: overrides.narrative ?? "ضبط شاحنة محملة بالوقود المهرب",
      sensitivity: overrides.sensitivity ?? "internal",
      arrests: 2,
      rescued: 0,
      intercepted: 0,
      nationalities: [],
      dead: 0,
      missing: 0,
    });
    if (!overrides.status || overrides.status === "open") return incident;
    const [row] = await tx
      .update(incidents)
      .set({ status: overrides.status })
      .where(eq(incidents.id, incident.id))
      .returning();
    return { ...row!, typeGroup: incident.typeGroup };
  });
}

export async function buildSeizure(db: Db, incident: IncidentSubject) {
  return db.transaction((tx) =>
    addSeizure(tx, factoryCtx(), incident, {
      item: "fuel",
      kind: null,
      description: null,
      quantity: 12000,
      unit: "litre",
      estimatedValueLyd: 1800,
    }),
  );
}

export async function buildReferral(db: Db, incident: IncidentSubject) {
  return db.transaction((tx) =>
    addReferral(tx, factoryCtx(), incident, {
      women: 3,
      men: 1,
      girls: 2,
      boys: 0,
      referredTo: "المنظمة الدولية للهجرة",
      referredOn: "2026-11-21",
      status: "in_progress",
      notes: null,
    }),
  );
}
