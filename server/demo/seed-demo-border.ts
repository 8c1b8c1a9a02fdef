import type { BorderFigure, BorderShift } from "../../common/enums";
import type { Ctx } from "../authz/actor";
import type { Db } from "../db/client";
import { createCrossing, createReport, stepReport } from "../features/border";
import { findCrossing } from "../features/border/border.queries";
import { tripoliDayOf } from "../features/incidents/create-incident";
import { seedBorderYear } from "./border-year";

const asUser = (ctx: Ctx, username: string): Ctx => ({ ...ctx, actorLabel: username });
const DAYS = 28;
const SHIFTS: BorderShift[] = ["morning", "evening"];

/** A small deterministic generator: the same demo every time. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * The Emsaed crossing (P-code LY010401, on the Egyptian border east of Tobruk), under the Tobruk security
 * directorate, with the crossing’s own staff and the anti-illegal-immigration branch working there; a year of
 * approved history before (border-year.ts), then four weeks
 * of morning and evening reports with the weekly rhythm of the road to Egypt (busiest on Thursdays and Fridays),
 * all approved but the last two days, and one evening far above the usual number of interceptions.
 */
export async function seedDemoBorder(tx: Db, ctx: Ctx, agencyIdsByCode: Map<string, string>): Promise<void> {
  const id = (code: string) => {
    const value = agencyIdsByCode.get(code);
    if (!value) throw new Error(`demo agency ${code} missing`);
    return value;
  };
  const crossing = await createCrossing(tx, ctx, {
    code: "EMSAED",
    nameAr: "منفذ أمساعد البري",
    nameEn: "Emsaed land crossing",
    pcode: "LY010401",
    latitude: 31.5836,
    longitude: 25.0497,
    agencyId: id("TBK-SD"),
    workingAgencyIds: [id("EMSAED"), id("AIIA-TBK")],
  });
  const subject = await findCrossing(tx, crossing.id);
  const random = generator(20_261_202);
  const today = tripoliDayOf(ctx.now);
  // The year before these four weeks, written as history in bulk (border-year.ts).
  const beforeFirst = new Date(Date.parse(`${today}T00:00:00Z`) - (DAYS + 1) * 86_400_000);
  await seedBorderYear(tx, ctx, subject, id("EMSAED"), beforeFirst.toISOString().slice(0, 10));
  const officer = asUser(ctx, "officer.emsaed");
  const director = asUser(ctx, "director.tobruk");
  for (let back = DAYS; back >= 1; back--) {
    const day = new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const busy = weekday === 4 || weekday === 5 ? 1.6 : weekday === 6 ? 1.2 : 1;
    for (const shift of SHIFTS) {
      const level = busy * (shift === "morning" ? 1 : 0.7);
      const n = (base: number) => Math.round(base * level * (0.8 + 0.4 * random()));
      const vehiclesIn = n(140);
      const vehiclesOut = n(150);
      const intercepted = back === 9 && shift === "evening" ? 64 : n(6);
      const figures: Record<BorderFigure, number> = {
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
        personsHandedOver: Math.min(intercepted, n(5)),
      };
      const row = await createReport(tx, officer, subject, id("EMSAED"), {
        crossingId: crossing.id,
        day,
        shift,
        ...figures,
        notes: back === 9 && shift === "evening" ? "ضبط مجموعة كبيرة من المهاجرين في شاحنة مبردة" : null,
      });
      if (back <= 1) continue;
      const submitted = await stepReport(tx, officer, { ...row, crossing: subject }, "submit", null);
      if (back <= 2) continue;
      await stepReport(tx, director, { ...submitted, crossing: subject }, "approve", null);
    }
  }
}
