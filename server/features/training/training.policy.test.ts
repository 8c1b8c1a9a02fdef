import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe } from "vitest";
import { createTestApp, type TestApp } from "../../test/app";
import { buildPerson } from "../../test/factories";
import { permissionMatrix, type ActionSpec, type Arrange, type MatrixAction } from "../../test/matrix";
import { buildCertificate, buildCourse } from "../../test/training-factories";
import {
  attendance,
  certificates,
  courseQuotas,
  courseSessions,
  courses,
  nominations,
} from "./training.table";

// Cells: [own agency internal, own agency restricted, other agency internal, other agency restricted].
// "Own" means the course is organised by the actor's agency (for certificates: held by a person of the actor's
// agency; for nominations: the nominee is of the actor's agency, on a course of that agency).
const NONE: ActionSpec[keyof ActionSpec] = [403, 403, 403, 403];
const ALL: ActionSpec[keyof ActionSpec] = ["ok", "ok", "ok", "ok"];
const KEEPER: ActionSpec[keyof ActionSpec] = ["ok", "ok", 403, 403];
const onlyTrainer = (cells = KEEPER): ActionSpec => ({
  admin: NONE,
  leadership: NONE,
  manager: NONE,
  officer: NONE,
  observer: NONE,
  trainer: cells,
});

const spec: Record<string, ActionSpec> = {
  list: { admin: ALL, leadership: ALL, manager: ALL, officer: ALL, observer: ALL, trainer: ALL },
  read: {
    admin: ["ok", "ok", "ok", 404],
    leadership: ALL,
    manager: ["ok", "ok", "ok", 404],
    officer: ["ok", "ok", "ok", 404],
    observer: ["ok", 404, "ok", 404],
    trainer: ALL,
  },
  create: onlyTrainer(ALL),
  update: onlyTrainer(),
  open: onlyTrainer(),
  quotas: onlyTrainer(),
  nominate: {
    admin: NONE,
    leadership: ALL,
    manager: ["ok", "ok", "ok", 404],
    officer: NONE,
    observer: NONE,
    trainer: NONE,
  },
  decide: onlyTrainer(),
  withdraw: {
    admin: NONE,
    leadership: ALL,
    manager: ["ok", "ok", 404, 404],
    officer: NONE,
    observer: NONE,
    trainer: KEEPER,
  },
  attendance: onlyTrainer(),
  results: onlyTrainer(),
  certificate: {
    admin: NONE,
    leadership: ALL,
    manager: ["ok", "ok", 404, 404],
    officer: ["ok", "ok", 404, 404],
    observer: NONE,
    trainer: ALL,
  },
  revoke: onlyTrainer(ALL),
  coverage: { admin: NONE, leadership: ALL, manager: ALL, officer: ALL, observer: NONE, trainer: ALL },
  targets: onlyTrainer(ALL),
  calendar: { admin: ALL, leadership: ALL, manager: ALL, officer: ALL, observer: ALL, trainer: ALL },
};

const courseOf = (t: TestApp, a: Arrange, status: "planned" | "open" | "in_progress" = "open") =>
  buildCourse(t.db, { agencyId: a.targetAgency.id, sensitivity: a.sensitivity, status, capacity: 5 });

const courseSnapshot = (t: TestApp, id: string) => async () => ({
  course: (await t.db.select().from(courses).where(eq(courses.id, id)))[0],
  nominations: await t.db.select().from(nominations).where(eq(nominations.courseId, id)),
  quotas: await t.db.select().from(courseQuotas).where(eq(courseQuotas.courseId, id)),
  attendance: await t.db
    .select({ a: attendance })
    .from(attendance)
    .innerJoin(nominations, eq(nominations.id, attendance.nominationId))
    .where(eq(nominations.courseId, id)),
});

/** A nomination of a person of the target agency on a course of the target agency. */
async function nominationOf(
  t: TestApp,
  a: Arrange,
  status: "nominated" | "accepted",
  courseStatus: "open" | "in_progress",
) {
  const course = await courseOf(t, a, courseStatus);
  const person = await buildPerson(t.db, { agencyId: a.targetAgency.id });
  const [row] = await t.db
    .insert(nominations)
    .values({ courseId: course.id, personId: person.id, agencyId: a.targetAgency.id, status })
    .returning();
  return { course, nomination: row! };
}

const actions: Record<string, MatrixAction> = {
  list: { request: async () => ({ method: "GET", url: "/api/v1/courses" }) },
  read: {
    request: async (t, a) => ({ method: "GET", url: `/api/v1/courses/${(await courseOf(t, a)).id}` }),
  },
  create: {
    request: async () => ({
      method: "POST",
      url: "/api/v1/courses",
      body: {
        kind: "course",
        topic: "first_aid",
        titleAr: "الإسعافات الأولية",
        providerKind: "ministry",
        place: "طبرق",
        startsOn: "2027-03-01",
        endsOn: "2027-03-02",
        capacity: 20,
      },
    }),
  },
  update: {
    request: async (t, a) => {
      const c = await courseOf(t, a);
      return {
        method: "PATCH",
        url: `/api/v1/courses/${c.id}`,
        body: { place: "بنغازي" },
        snapshot: courseSnapshot(t, c.id),
      };
    },
  },
  open: {
    request: async (t, a) => {
      const c = await courseOf(t, a, "planned");
      return {
        method: "POST",
        url: `/api/v1/courses/${c.id}/open`,
        body: {},
        snapshot: courseSnapshot(t, c.id),
      };
    },
  },
  quotas: {
    request: async (t, a) => {
      const c = await courseOf(t, a);
      return {
        method: "PUT",
        url: `/api/v1/courses/${c.id}/quotas`,
        body: { quotas: [{ agencyId: a.actorAgency.id, places: 3 }] },
        snapshot: courseSnapshot(t, c.id),
      };
    },
  },
  nominate: {
    request: async (t, a) => {
      const c = await courseOf(t, a);
      const person = await buildPerson(t.db, { agencyId: a.actorAgency.id });
      return {
        method: "POST",
        url: `/api/v1/courses/${c.id}/nominations`,
        body: { personId: person.id },
        snapshot: courseSnapshot(t, c.id),
      };
    },
  },
  decide: {
    request: async (t, a) => {
      const { course, nomination } = await nominationOf(t, a, "nominated", "open");
      return {
        method: "POST",
        url: `/api/v1/nominations/${nomination.id}/decide`,
        body: { decision: "accept" },
        snapshot: courseSnapshot(t, course.id),
      };
    },
  },
  withdraw: {
    request: async (t, a) => {
      const { course, nomination } = await nominationOf(t, a, "nominated", "open");
      return {
        method: "POST",
        url: `/api/v1/nominations/${nomination.id}/withdraw`,
        body: {},
        snapshot: courseSnapshot(t, course.id),
      };
    },
  },
  attendance: {
    request: async (t, a) => {
      const { course, nomination } = await nominationOf(t, a, "accepted", "in_progress");
      const [session] = await t.db
        .select()
        .from(courseSessions)
        .where(eq(courseSessions.courseId, course.id));
      return {
        method: "PUT",
        url: `/api/v1/courses/${course.id}/sessions/${session!.id}/attendance`,
        body: { marks: [{ nominationId: nomination.id, mark: "present" }] },
        snapshot: courseSnapshot(t, course.id),
      };
    },
  },
  results: {
    request: async (t, a) => {
      const { course, nomination } = await nominationOf(t, a, "accepted", "in_progress");
      return {
        method: "PUT",
        url: `/api/v1/courses/${course.id}/results`,
        body: { results: [{ nominationId: nomination.id, outcome: "pass", score: 75 }] },
        snapshot: courseSnapshot(t, course.id),
      };
    },
  },
  certificate: {
    request: async (t, a) => {
      const c = await buildCertificate(t.db, { agencyId: a.targetAgency.id, sensitivity: a.sensitivity });
      return { method: "GET", url: `/api/v1/certificates/${c.id}` };
    },
  },
  revoke: {
    request: async (t, a) => {
      const c = await buildCertificate(t.db, { agencyId: a.targetAgency.id, sensitivity: a.sensitivity });
      return {
        method: "POST",
        url: `/api/v1/certificates/${c.id}/revoke`,
        body: { reason: "خطأ" },
        snapshot: async () => (await t.db.select().from(certificates).where(eq(certificates.id, c.id)))[0],
      };
    },
  },
  coverage: { request: async () => ({ method: "GET", url: "/api/v1/training/coverage" }) },
  targets: {
    request: async (t, a) => ({
      method: "PUT",
      url: "/api/v1/training/targets",
      body: { targets: [{ agencyId: a.targetAgency.id, topic: "first_aid", target: 10 }] },
    }),
  },
  calendar: { request: async () => ({ method: "GET", url: "/api/v1/training/calendar" }) },
};

describe("training permission matrix", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());
  permissionMatrix(() => t, spec, actions);
});
