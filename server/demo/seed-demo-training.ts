import { and, eq } from "drizzle-orm";
import { addDays, zonedDay } from "../../common/dates";
import type { AttendanceMark, NominationStatus } from "../../common/enums";
import { CourseCreateBody } from "../../common/schemas/training";
import type { Ctx } from "../authz/actor";
import { recordEvent } from "../audit/record-event";
import type { Db } from "../db/client";
import { needs } from "../features/needs";
import { createPerson } from "../features/personnel";
import {
  createCourse,
  decideNomination,
  nominations,
  recordAttendance,
  recordResults,
  setTargets,
  stepCourse,
  withdrawNomination,
  courseSessions,
  type CourseRow,
} from "../features/training";

// The training department's demo: the anti-smuggling course for the Emsaed crossing's staff (done: attendance,
// results, two certificates) and the trafficking-victim identification workshop (open: nominations in every
// state), with the people they train, and coverage targets.

type Trainee = { nameAr: string; nameEn: string; rank: string; agency: string };

/** Officers the agencies put forward (names are illustrative). */
export const DEMO_TRAINEES: Trainee[] = [
  { nameAr: "سالم الفيتوري", nameEn: "Salem Al-Fitouri", rank: "ملازم أول", agency: "EMSAED" },
  { nameAr: "عبد السلام بوخطوة", nameEn: "Abdulsalam Bukhatwa", rank: "نقيب", agency: "EMSAED" },
  { nameAr: "فتحي المنفي", nameEn: "Fathi Al-Manfi", rank: "رقيب", agency: "EMSAED" },
  { nameAr: "أحمد المسماري", nameEn: "Ahmed Al-Mismari", rank: "ملازم", agency: "TBK-SD" },
  { nameAr: "خالد العبيدي", nameEn: "Khaled Al-Obeidi", rank: "نقيب", agency: "TBK-SD" },
  { nameAr: "علي الشريف", nameEn: "Ali Al-Sharif", rank: "ملازم أول", agency: "TBK-SD" },
  { nameAr: "يوسف القطعاني", nameEn: "Youssef Al-Qatani", rank: "مساعد", agency: "TBK-SD" },
  { nameAr: "مريم الحاسي", nameEn: "Maryam Al-Hasi", rank: "ملازم", agency: "AIIA-TBK" },
];

const asUser = (ctx: Ctx, username: string): Ctx => ({ ...ctx, actorLabel: username });

export async function seedDemoTraining(
  tx: Db,
  ctx: Ctx,
  agencyIdsByCode: Map<string, string>,
): Promise<void> {
  const id = (code: string) => {
    const value = agencyIdsByCode.get(code);
    if (!value) throw new Error(`demo agency ${code} missing`);
    return value;
  };
  const people = new Map<string, { id: string; agencyId: string }>();
  for (const p of DEMO_TRAINEES) {
    const row = await createPerson(tx, ctx, {
      nameAr: p.nameAr,
      nameEn: p.nameEn,
      rank: p.rank,
      positionAr: null,
      positionEn: null,
      agencyId: id(p.agency),
      serviceNumber: null,
      sensitivity: "internal",
    });
    people.set(p.nameAr, { id: row.id, agencyId: row.agencyId });
  }
  const trainer = asUser(ctx, "trainer");
  const today = zonedDay(ctx.now);
  const sessionsOn = (first: string, days: number) =>
    Array.from({ length: days }, (_, i) => {
      const day = addDays(first, i);
      return { startsAt: `${day}T09:00:00+02:00`, endsAt: `${day}T13:00:00+02:00`, titleAr: null };
    });

  /** Puts a person forward as their agency's manager would (the agency's nomination, audited). */
  const nominate = async (course: CourseRow, name: string, by: string) => {
    const person = people.get(name)!;
    const [row] = await tx
      .insert(nominations)
      .values({
        courseId: course.id,
        personId: person.id,
        agencyId: person.agencyId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await recordEvent(tx, asUser(ctx, by), "nomination.create", "nominations", row!.id, null, row);
    return row!;
  };

  // 1. The anti-smuggling course for the Emsaed crossing's staff: held last month, two passed, one did not.
  const first = addDays(today, -30);
  const smuggling = await createCourse(
    tx,
    trainer,
    id("MOI"),
    CourseCreateBody.parse({
      kind: "course",
      topic: "anti_smuggling",
      titleAr: "دورة مكافحة التهريب لعناصر منفذ أمساعد",
      titleEn: "Combating smuggling: a course for the Emsaed crossing's staff",
      description: "أساليب التهريب عبر المنافذ البرية، وتفتيش المركبات، والتنسيق مع الجهات المختصة.",
      providerKind: "ministry",
      place: "منفذ أمساعد البري - قاعة التدريب",
      startsOn: first,
      endsOn: addDays(first, 2),
      capacity: 3,
      targetAgencyIds: [id("EMSAED")],
      targetRanks: ["ملازم", "ملازم أول", "نقيب", "رقيب"],
      certificateValidMonths: 36,
      sessions: sessionsOn(first, 3),
    }),
  );
  let course = await stepCourse(tx, trainer, smuggling, "open", null);
  const trainees = ["سالم الفيتوري", "عبد السلام بوخطوة", "فتحي المنفي"];
  const taken = [];
  for (const name of trainees) {
    const n = await nominate(course, name, "officer.emsaed");
    taken.push(await decideNomination(tx, trainer, course, n, "accept", null));
  }
  course = await stepCourse(tx, trainer, course, "start", null);
  const sessions = await tx
    .select()
    .from(courseSessions)
    .where(eq(courseSessions.courseId, course.id))
    .orderBy(courseSessions.seq);
  const marks: AttendanceMark[][] = [
    ["present", "present", "present"],
    ["present", "late", "absent"],
    ["present", "present", "excused"],
  ];
  for (const [i, session] of sessions.entries())
    await recordAttendance(tx, trainer, course, session.id, {
      marks: taken.map((n, j) => ({ nominationId: n.id, mark: marks[i]![j]! })),
    });
  await recordResults(tx, trainer, course, {
    results: [
      { nominationId: taken[0]!.id, outcome: "pass", score: 92, remark: "أداء متميز في التفتيش العملي" },
      { nominationId: taken[1]!.id, outcome: "pass", score: 78, remark: null },
      { nominationId: taken[2]!.id, outcome: "fail", score: 51, remark: "غياب عن جلسة التطبيق العملي" },
    ],
  });
  await stepCourse(tx, trainer, course, "complete", null);

  // 2. The trafficking-victim identification workshop with IOM, answering the crossing's training need: open for
  // nominations, with a nomination in every state.
  const [need] = await tx
    .select({ id: needs.id })
    .from(needs)
    .where(and(eq(needs.category, "training"), eq(needs.agencyId, id("TBK-SD"))));
  const start = addDays(today, 14);
  let workshop = await createCourse(
    tx,
    trainer,
    id("MOI"),
    CourseCreateBody.parse({
      kind: "workshop",
      topic: "trafficking_victims",
      titleAr: "ورشة عمل تحديد ضحايا الاتجار بالبشر",
      titleEn: "Workshop: identifying victims of human trafficking",
      description:
        "مؤشرات الاتجار بالبشر، ومقابلة الضحايا المحتملين وإحالتهم، بالتعاون مع المنظمة الدولية للهجرة.",
      providerKind: "partner",
      providerName: "المنظمة الدولية للهجرة",
      place: "طبرق - قاعة مديرية الأمن",
      startsOn: start,
      endsOn: addDays(start, 1),
      capacity: 2,
      targetAgencyIds: [id("EMSAED"), id("TBK-SD"), id("AIIA-TBK")],
      needId: need?.id ?? null,
      certificateValidMonths: 24,
      sessions: sessionsOn(start, 2),
    }),
  );
  workshop = await stepCourse(tx, trainer, workshop, "open", null);
  const steps: [string, string, NominationStatus | "withdraw", string | null][] = [
    ["مريم الحاسي", "liaison.isa", "accepted", null],
    ["أحمد المسماري", "director.tobruk", "accepted", null],
    ["خالد العبيدي", "director.tobruk", "waitlisted", null],
    ["علي الشريف", "director.tobruk", "declined", "سبق أن حضر ورشة مماثلة هذا العام"],
    ["يوسف القطعاني", "director.tobruk", "withdraw", "مكلف بمهمة خلال موعد الورشة"],
    ["عبد السلام بوخطوة", "officer.emsaed", "nominated", null],
  ];
  for (const [name, by, outcome, reason] of steps) {
    const n = await nominate(workshop, name, by);
    if (outcome === "withdraw") await withdrawNomination(tx, asUser(ctx, by), workshop, n, reason);
    else if (outcome === "accepted") await decideNomination(tx, trainer, workshop, n, "accept", null);
    else if (outcome === "waitlisted") await decideNomination(tx, trainer, workshop, n, "waitlist", null);
    else if (outcome === "declined") await decideNomination(tx, trainer, workshop, n, "decline", reason);
  }

  await setTargets(tx, trainer, {
    targets: [
      { agencyId: id("EMSAED"), topic: "anti_smuggling", target: 4 },
      { agencyId: id("EMSAED"), topic: "trafficking_victims", target: 3 },
      { agencyId: id("TBK-SD"), topic: "trafficking_victims", target: 4 },
      { agencyId: id("AIIA-TBK"), topic: "trafficking_victims", target: 2 },
    ],
  });
}
