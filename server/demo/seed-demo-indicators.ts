import { readFile } from "node:fs/promises";
import { and, asc, eq } from "drizzle-orm";
import type { IncidentTypeGroup, Sensitivity } from "../../common/enums";
import type { Ctx } from "../authz/actor";
import type { Db } from "../db/client";
import { crossings } from "../features/border";
import { addReferral, addSeizure, createIncident, incidentTypes } from "../features/incidents";
import { importIncidents } from "../features/incidents/import/import-incidents";
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
const YEAR_WEEKS = 52;

/**
 * Incidents around Tobruk and the Emsaed crossing (fuel and goods smuggling with their seizures, interceptions of
 * migrants, a few restricted trafficking and weapons cases): the last eight weeks, some under investigation, and
 * with the `year` history the 44 weeks before them (mostly closed, some referred to the prosecution) and IOM's
 * Missing Migrants rows; a trafficking case whose victims were referred to the Red Crescent; then the
 * two indicators of the Tobruk plan that measure themselves: smuggling incidents in the district per week (from
 * the incidents) and migrants intercepted at Emsaed per week (from the crossing's daily reports).
 */
export async function seedDemoIncidentsAndIndicators(
  tx: Db,
  ctx: Ctx,
  agencyIdsByCode: ReadonlyMap<string, string>,
  history: "year" | "recent",
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
  const as: Ctx = { ...ctx, actorLabel: "seed-demo" };
  /** One incident of this kind `back` days ago, its seizure and its first step, drawn from `draw`. */
  const record = async (kind: Kind, back: number, draw: () => number, by: Ctx = as) => {
    const migrants = kind.type === "migration_interception" || kind.type === "migrant_smuggling";
    const intercepted = migrants ? 3 + Math.floor(draw() * 25) : 0;
    const incident = await createIncident(tx, by, {
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
      arrests: Math.floor(draw() * 4),
      rescued: kind.type === "human_trafficking" ? 1 + Math.floor(draw() * 4) : 0,
      intercepted,
      nationalities: [],
      dead: 0,
      missing: 0,
    });
    if (kind.seizure && draw() < 0.7)
      await addSeizure(tx, by, incident, {
        item: kind.seizure,
        kind: null,
        description: null,
        quantity:
          kind.seizure === "fuel" ? 2_000 + Math.round(draw() * 18_000) : 20 + Math.round(draw() * 200),
        unit: kind.seizure === "fuel" ? "litre" : "carton",
        estimatedValueLyd: null,
      });
    return incident;
  };
  for (const kind of KINDS) {
    const count = Math.round(kind.perWeek * WEEKS);
    for (let i = 0; i < count; i++) {
      const back = Math.floor(random() * WEEKS * 7);
      const incident = await record(kind, back, random);
      if (back > 10 && random() < 0.5) await stepIncident(tx, as, incident, "investigate", null);
    }
  }
  // The rest of the year before those weeks, at the same rates (its own sequence: the recent weeks stay as they
  // were), each recorded the day it happened and stepped in the days after: seven in ten closed, one referred to
  // the prosecution, about one still under investigation and one never taken up.
  const earlier = generator(20_261_205);
  const daysAfter = (back: number, days: number): Ctx => ({
    ...as,
    now: new Date(Math.min(ctx.now.getTime(), Date.parse(`${dayBack(back)}T09:00:00Z`) + days * 86_400_000)),
  });
  for (const kind of history === "year" ? KINDS : []) {
    const count = Math.round(kind.perWeek * (YEAR_WEEKS - WEEKS));
    for (let i = 0; i < count; i++) {
      const back = WEEKS * 7 + Math.floor(earlier() * (YEAR_WEEKS - WEEKS) * 7);
      const incident = await record(kind, back, earlier, daysAfter(back, 0));
      const fate = earlier();
      if (fate < 0.08) continue;
      const investigated = await stepIncident(tx, daysAfter(back, 1), incident, "investigate", null);
      if (fate < 0.2) continue;
      const decided = daysAfter(back, 3 + Math.floor(fate * 20));
      if (fate < 0.3) await stepIncident(tx, decided, investigated, "refer", null);
      else await stepIncident(tx, decided, investigated, "close", "انتهى التحقيق وأُغلق المحضر.");
    }
  }
  await seedTraffickingCase(tx, as, id, types, dayBack);
  if (history === "year") await seedIomRows(tx, as, id("MOI"));

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

/**
 * A trafficking case of internal security in Tobruk (restricted): women and girls freed from a house in the city,
 * under investigation, the victims referred to the Red Crescent's Tobruk branch.
 */
async function seedTraffickingCase(
  tx: Db,
  ctx: Ctx,
  id: (code: string) => string,
  types: ReadonlyMap<string, string>,
  dayBack: (n: number) => string,
): Promise<void> {
  const incident = await createIncident(tx, ctx, {
    agencyId: id("ISA-TBK"),
    typeId: types.get("human_trafficking")!,
    occurredOn: dayBack(12),
    occurredTime: "23:40",
    districtPcode: "LY0104",
    placeName: "حي الشرقية، طبرق",
    latitude: 32.081,
    longitude: 23.99,
    narrative:
      "مداهمة منزل بحي الشرقية بناءً على معلومات عن احتجاز مهاجرات بغرض الاستغلال؛ تحرير ثلاث نساء وفتاتين والقبض على شخصين.",
    sensitivity: "restricted",
    arrests: 2,
    rescued: 5,
    intercepted: 0,
    nationalities: [],
    dead: 0,
    missing: 0,
  });
  const investigated = await stepIncident(tx, ctx, incident, "investigate", null);
  await addReferral(tx, ctx, investigated, {
    women: 3,
    men: 0,
    girls: 2,
    boys: 0,
    referredTo: "جمعية الهلال الأحمر الليبي - فرع طبرق",
    referredOn: dayBack(11),
    status: "in_progress",
    notes: "إيواء مؤقت ورعاية طبية ونفسية.",
  });
}

/**
 * IOM's Missing Migrants rows for Libya (CC BY 4.0, server/demo/data/iom/SOURCES.md), 2014–2019 and Libya-wide,
 * imported as the ministry's (not a Tobruk branch's): the same path as `tansiq import incidents --format iom`.
 */
async function seedIomRows(tx: Db, ctx: Ctx, agencyId: string): Promise<void> {
  const file = await readFile(new URL("./data/iom/missing-migrants-libya-2014-2019.csv", import.meta.url));
  await importIncidents(tx, ctx, { format: "iom", agencyId, dryRun: false, file, language: "ar" });
}
