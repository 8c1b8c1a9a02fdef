import { eq } from "drizzle-orm";
import type { CourseStatus, Sensitivity } from "../../common/enums";
import type { CourseCreateBody } from "../../common/schemas/training";
import type { Ctx } from "../authz/actor";
import type { Db } from "../db/client";
import {
  certificates,
  courses,
  createCourse,
  nominations,
  stepCourse,
  type CertificateRow,
  type CourseRow,
} from "../features/training";
import { TEST_NOW } from "./app";
import { buildAgency, buildPerson } from "./factories";

const factoryCtx = (): Ctx => ({ actor: null, now: new Date(TEST_NOW), actorLabel: "factory" });

/** A course at any status (set directly: a fixture), with one session a day from 08:00 to 12:00 in Libya. */
export async function buildCourse(
  db: Db,
  overrides: Partial<CourseCreateBody> & {
    agencyId?: string;
    status?: CourseStatus;
    sensitivity?: Sensitivity;
  } = {},
): Promise<CourseRow> {
  const { agencyId: given, status, ...fields } = overrides;
  const agencyId = given ?? (await buildAgency(db)).id;
  const startsOn = fields.startsOn ?? "2026-12-06";
  const endsOn = fields.endsOn ?? "2026-12-08";
  const days: string[] = [];
  for (
    let d = new Date(`${startsOn}T00:00:00Z`);
    d <= new Date(`${endsOn}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  )
    days.push(d.toISOString().slice(0, 10));
  return db.transaction(async (tx) => {
    const row = await createCourse(tx, factoryCtx(), agencyId, {
      kind: "course",
      topic: "anti_smuggling",
      titleAr: "دورة مكافحة التهريب عبر المنافذ",
      titleEn: "Combating smuggling at crossings",
      description: null,
      providerKind: "ministry",
      providerAgencyId: null,
      providerName: null,
      place: "قاعة التدريب - طبرق",
      startsOn,
      endsOn,
      capacity: 2,
      targetAgencyIds: [],
      targetRanks: [],
      prerequisites: null,
      needId: null,
      certificateValidMonths: null,
      sensitivity: "internal",
      sessions: days.map((day) => ({
        startsAt: `${day}T08:00:00+02:00`,
        endsAt: `${day}T12:00:00+02:00`,
        titleAr: null,
      })),
      ...fields,
    });
    if (!status || status === "planned") return row;
    const [after] = await tx
      .update(courses)
      .set({ status, cancelReason: status === "cancelled" ? "سبب" : null })
      .where(eq(courses.id, row.id))
      .returning();
    return after!;
  });
}

/** A certificate of a course passed: the course built in progress, the person accepted and passed, then completed. */
export async function buildCertificate(
  db: Db,
  overrides: {
    agencyId?: string;
    personId?: string;
    sensitivity?: Sensitivity;
    certificateValidMonths?: number | null;
  } = {},
): Promise<CertificateRow> {
  const personAgencyId = overrides.agencyId ?? (await buildAgency(db)).id;
  const personId =
    overrides.personId ?? (await buildPerson(db, { agencyId: personAgencyId, nameAr: "سالم الفيتوري" })).id;
  const course = await buildCourse(db, {
    status: "in_progress",
    sensitivity: overrides.sensitivity ?? "internal",
    certificateValidMonths: overrides.certificateValidMonths ?? null,
  });
  return db.transaction(async (tx) => {
    await tx.insert(nominations).values({
      courseId: course.id,
      personId,
      agencyId: personAgencyId,
      status: "accepted",
      outcome: "pass",
      score: 91,
      remark: "ملاحظة داخلية",
    });
    await stepCourse(tx, factoryCtx(), course, "complete", null);
    const [row] = await tx.select().from(certificates).where(eq(certificates.courseId, course.id));
    return row!;
  });
}
