import { count } from "drizzle-orm";
import type { Ctx } from "../authz/actor";
import { hashPassword } from "../auth/passwords";
import type { Db } from "../db/client";
import { agencies, createAgency } from "../features/agencies";
import { createPerson } from "../features/personnel";
import { createUser } from "../features/users";
import { DEMO_AGENCIES, DEMO_PERSONNEL, DEMO_USERS } from "./demo-region";
import { seedDemoPlans } from "./seed-demo-plans";
import { seedDemoNeeds } from "./demo-needs";
import { seedDemoMeetings } from "./seed-demo-meetings";
import { seedDemoTraining } from "./seed-demo-training";
import { seedDemoBorder } from "./seed-demo-border";
import { seedDemoIncidentsAndIndicators } from "./seed-demo-indicators";

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(agencies);
  return (row?.n ?? 0) === 0;
}

/**
 * How much incident history the demo holds: `year`, what `npm start` seeds — a year of incidents around Tobruk and
 * Emsaed plus IOM's Missing Migrants rows for Libya; `recent`, the last eight weeks only, for tests that need the
 * region's people and records but not its history (the year costs seconds per seed on the embedded engine).
 */
export type DemoHistory = "year" | "recent";

/** Seeds the Tobruk demo region in one transaction (all or nothing). Every row is audited like any other. */
export async function seedDemo(
  db: Db,
  now: Date,
  password: string,
  history: DemoHistory = "year",
): Promise<void> {
  const ctx: Ctx = { actor: null, now, actorLabel: "seed-demo" };
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    const idOf = (code: string) => {
      const id = ids.get(code);
      if (!id) throw new Error(`demo agency ${code} missing`);
      return id;
    };
    for (const a of DEMO_AGENCIES) {
      const row = await createAgency(tx, ctx, {
        code: a.code,
        kind: a.kind,
        parentId: a.parent ? idOf(a.parent) : null,
        nameAr: a.nameAr,
        nameEn: a.nameEn,
        districtPcode: a.districtPcode,
        sensitivity: "internal",
      });
      ids.set(a.code, row.id);
    }
    for (const p of DEMO_PERSONNEL) {
      await createPerson(tx, ctx, {
        nameAr: p.nameAr,
        nameEn: p.nameEn,
        rank: p.rank,
        positionAr: p.positionAr,
        positionEn: p.positionEn,
        agencyId: idOf(p.agency),
        serviceNumber: null,
        sensitivity: "internal",
      });
    }
    for (const u of DEMO_USERS) {
      await createUser(
        tx,
        ctx,
        {
          username: u.username,
          password,
          displayNameAr: u.displayNameAr,
          displayNameEn: u.displayNameEn,
          email: null,
          agencyId: idOf(u.agency),
          role: u.role,
          language: "ar",
          calendar: "gregorian",
          numerals: "latn",
          sensitivity: "internal",
        },
        { isDemo: true, passwordHash },
      );
    }
    await seedDemoPlans(tx, ctx, ids);
    await seedDemoNeeds(tx, ctx, ids);
    await seedDemoMeetings(tx, ctx, ids);
    await seedDemoTraining(tx, ctx, ids);
    await seedDemoBorder(tx, ctx, ids);
    await seedDemoIncidentsAndIndicators(tx, ctx, ids, history);
  });
}
