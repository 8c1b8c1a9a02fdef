import { and, asc, eq } from "drizzle-orm";
import type { IncidentTypeGroup, Sensitivity } from "../../common/enums";
import type { Ctx } from "../authz/actor";
import type { Db } from "../db/client";
import { crossings } from "../features/border";
import { addSeizure, createIncident, incidentTypes } from "../features/incidents";
import { tripoliDayOf } from "../features/incidents/create-incident";
import { stepIncident } from "../features/incidents/step-incident";
import { createIndicator, planObjectives, plans } from "../features/plans";

/** A small deterministic generator: the same demo every time. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

type Kind = {
  type: string;
  agency: string;
  place: string;
  /** The place's latitude and longitude. */
  at: readonly [number, number];
  sensitivity: Sensitivity;
  perWeek: number;
  seizure?: "fuel" | "goods";
};
/** Who records what around Tobruk and the Emsaed crossing, and how often a week (trafficking is restricted). */
const KINDS: Kind[] = [
  {
    type: "smuggling_fuel",
    agency: "EMSAED",
    place: "منفذ أمساعد البري",
    at: [31.587, 25.051],
    sensitivity: "internal",
    perWeek: 2.2,
    seizure: "fuel",
  },
  {
    type: "smuggling_goods",
    agency: "EMSAED",
    place: "منفذ أمساعد البري",
    at: [31.587, 25.051],
    sensitivity: "internal",
    perWeek: 1.2,
    seizure: "goods",
  },
  {
    type: "migration_interception",
    agency: "AIIA-TBK",
    place: "الطريق الساحلي شرق طبرق",
    at: [32.0, 24.3],
    sensitivity: "internal",
    perWeek: 1.8,
  },
  {
    type: "migrant_smuggling",
    agency: "AIIA-TBK",
    place: "بوابة أمساعد",
    at: [31.6, 25.03],
    sensitivity: "internal",
    perWeek: 0.8,
  },
  {
    type: "human_trafficking",
    agency: "ISA-TBK",
    place: "طبرق",
    at: [32.076, 23.961],
    sensitivity: "restricted",
    perWeek: 0.5,
  },
  {
    type: "smuggling_weapons",
    agency: "ISA-TBK",
    place: "الطريق الصحراوي جنوب طبرق",
    at: [31.4, 23.95],
    sensitivity: "restricted",
    perWeek: 0.3,
  },
  {
    type: "crime_theft",
    agency: "TBK-SD",
    place: "وسط مدينة طبرق",
    at: [32.078, 23.976],
    sensitivity: "internal",
    perWeek: 1.5,
  },
];
const WEEKS = 8;

/**
 * Eight weeks of incidents around Tobruk and the Emsaed crossing (fuel and goods smuggling with their seizures,
 * interceptions of migrants, a few restricted trafficking and weapons cases), some under investigation; then the
 * two indicators of the Tobruk plan that measure themselves: smuggling incidents in the district per week (from
 * the incidents) and migrants intercepted at Emsaed per week (from the crossing's daily reports).
 */
export async function seedDemoIncidentsAndIndicators(
  tx: Db,
  ctx: Ctx,
  agencyIdsByCode: ReadonlyMap<string, string>,
): Promise<void> {
  const id = (code: string) => {
    const value = agencyIdsByCode.get(code);
    if (!value) throw new Error(`demo agency ${code} missing`);
    return value;
  };
  const types = new Map(
    (await tx.select({ id: incidentTypes.id, code: incidentTypes.code }).from(incidentTypes)).map((t) => [
      t.code,
      t.id,
    ]),
  );
  const random = generator(20_261_203);
  // Where each incident lay: its place, give or take two kilometres (its own sequence, so the rest stays as it was).
  const jitter = generator(20_261_204);
  const near = (degrees: number) => Math.round((degrees + (jitter() - 0.5) * 0.04) * 10_000) / 10_000;
  const today = tripoliDayOf(ctx.now);
  const dayBack = (n: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  for (const kind of KINDS) {
    const count = Math.round(kind.perWeek * WEEKS);
    for (let i = 0; i < count; i++) {
      const back = Math.floor(random() * WEEKS * 7);
      const migrants = kind.type === "migration_interception" || kind.type === "migrant_smuggling";
      const intercepted = migrants ? 3 + Math.floor(random() * 25) : 0;
      const as: Ctx = { ...ctx, actorLabel: "seed-demo" };
      const incident = await createIncident(tx, as, {
        agencyId: id(kind.agency),
        typeId: types.get(kind.type)!,
        occurredOn: dayBack(back),
        occurredTime: null,
        districtPcode: "LY0104",
        placeName: kind.place,
        latitude: near(kind.at[0]),
        longitude: near(kind.at[1]),
        narrative: null,
        sensitivity: kind.sensitivity,
        arrests: Math.floor(random() * 4),
        rescued: kind.type === "human_trafficking" ? 1 + Math.floor(random() * 4) : 0,
        intercepted,
        nationalities: [],
        dead: 0,
        missing: 0,
      });
      if (kind.seizure && random() < 0.7)
        await addSeizure(tx, as, incident, {
          item: kind.seizure,
          kind: null,
          description: null,
          quantity:
            kind.seizure === "fuel" ? 2_000 + Math.round(random() * 18_000) : 20 + Math.round(random() * 200),
          unit: kind.seizure === "fuel" ? "litre" : "carton",
          estimatedValueLyd: null,
        });
      if (back > 10 && random() < 0.5) await stepIncident(tx, as, incident, "investigate", null);
    }
  }

  const [plan] = await tx
    .select()
    .from(plans)
    .where(eq(plans.agencyId, id("TBK-SD")))
    .orderBy(asc(plans.createdAt))
    .limit(1);
  const [crossing] = await tx.select().from(crossings).where(eq(crossings.code, "EMSAED"));
  if (!plan || !crossing) throw new Error("demo plan or Emsaed crossing missing");
  const [objective] = await tx
    .select()
    .from(planObjectives)
    .where(and(eq(planObjectives.planId, plan.id), eq(planObjectives.position, 1)));
  if (!objective) throw new Error("demo objective missing");
  const smuggling: IncidentTypeGroup = "smuggling";
  await createIndicator(tx, ctx, objective, {
    nameAr: "وقائع التهريب المضبوطة في منطقة طبرق أسبوعياً",
    nameEn: "Smuggling incidents caught in Tobruk district per week",
    unit: "واقعة",
    baseline: 2,
    target: 6,
    direction: "increase",
    frequency: "weekly",
    source: "incidents",
    spec: {
      measure: "count",
      typeId: null,
      group: smuggling,
      district: "LY0104",
      agencyId: null,
      status: null,
    },
  });
  await createIndicator(tx, ctx, objective, {
    nameAr: "المهاجرون غير النظاميين المعترضون في منفذ أمساعد أسبوعياً",
    nameEn: "Irregular migrants intercepted at Emsaed per week",
    unit: "شخص",
    baseline: 40,
    target: 90,
    direction: "increase",
    frequency: "weekly",
    source: "border",
    spec: { crossingId: crossing.id, figure: "migrantsIntercepted" },
  });
}
