import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgencyRow } from "../agencies";
import type { PersonRow } from "../personnel";
import { notifications } from "../../notifications";
import { call, createTestApp, type Session, type TestApp } from "../../test/app";
import { auditCount, buildAgency, buildPerson, signedIn } from "../../test/factories";
import { buildNeed } from "../../test/needs-factories";
import { buildCourse } from "../../test/training-factories";
import { needs } from "../needs";
import { certificates, nominations } from "./training.table";

describe("training: nominations, places, quotas, results and certificates", () => {
  let t: TestApp;
  let ministry: AgencyRow;
  let tobruk: AgencyRow;
  let emsaed: AgencyRow;
  let trainer: Session;
  let director: Session;
  let directorId: string;
  let emsaedManager: Session;
  let minister: Session;
  let officers: PersonRow[];
  let emsaedOfficer: PersonRow;

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    ministry = await buildAgency(t.db);
    tobruk = await buildAgency(t.db);
    emsaed = await buildAgency(t.db);
    trainer = (await signedIn(t.app, t.db, "trainer", ministry.id)).session;
    const d = await signedIn(t.app, t.db, "manager", tobruk.id);
    director = d.session;
    directorId = d.user.id;
    emsaedManager = (await signedIn(t.app, t.db, "manager", emsaed.id)).session;
    minister = (await signedIn(t.app, t.db, "leadership", ministry.id)).session;
    officers = [];
    for (const name of ["سالم الفيتوري", "أحمد المسماري", "خالد العبيدي", "علي الشريف"])
      officers.push(await buildPerson(t.db, { agencyId: tobruk.id, nameAr: name }));
    emsaedOfficer = await buildPerson(t.db, { agencyId: emsaed.id, nameAr: "مفتاح بوخطوة" });
  });
  afterAll(() => t.close());

  const course = (overrides: Parameters<typeof buildCourse>[1] = {}) =>
    buildCourse(t.db, { agencyId: ministry.id, status: "open", ...overrides });
  const nominate = (session: Session, courseId: string, personId: string) =>
    call(t.app, session, "POST", `/api/v1/courses/${courseId}/nominations`, { personId });
  const decide = (id: string, decision: string, reason: string | null = null) =>
    call(t.app, trainer, "POST", `/api/v1/nominations/${id}/decide`, { decision, reason });
  const nominated = async (courseId: string, person: PersonRow, session = director) => {
    const r = await nominate(session, courseId, person.id);
    expect(r.statusCode, r.body).toBe(201);
    return r.json().data.id as string;
  };

  it("fills the places, then the waiting list; a freed place goes to the first waiting, and their agency is told", async () => {
    const c = await course({ capacity: 1 });
    const first = await nominated(c.id, officers[0]!);
    const second = await nominated(c.id, officers[1]!);
    const third = await nominated(c.id, officers[2]!);
    expect((await decide(first, "accept")).json().data.status).toBe("accepted");
    const full = await decide(second, "accept");
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe("course_full");
    expect((await decide(second, "waitlist")).json().data).toMatchObject({
      status: "waitlisted",
      waitlistPosition: 1,
    });
    t.clock.advance(60_000);
    expect((await decide(third, "waitlist")).json().data.waitlistPosition).toBe(2);
    // The trainer withdraws the first (the agency asked by telephone): the director is told of the promotion.
    const withdrawn = await call(t.app, trainer, "POST", `/api/v1/nominations/${first}/withdraw`, {
      reason: "مهمة عاجلة",
    });
    expect(withdrawn.json().data.status).toBe("withdrawn");
    const detail = (await call(t.app, trainer, "GET", `/api/v1/courses/${c.id}`)).json().data;
    const status = Object.fromEntries(
      detail.nominations.map((n: { id: string; status: string }) => [n.id, n.status]),
    );
    expect(status).toEqual({ [first]: "withdrawn", [second]: "accepted", [third]: "waitlisted" });
    expect(detail).toMatchObject({ acceptedCount: 1, waitlistedCount: 1 });
    expect(detail.nominations.find((n: { id: string }) => n.id === third).waitlistPosition).toBe(1);
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, directorId), eq(notifications.kind, "nomination_promoted")));
    expect(told).toHaveLength(1);
  });

  it("refuses a second place at the same time; a cancelled course's place does not count", async () => {
    const a = await course({ startsOn: "2027-01-10", endsOn: "2027-01-14", capacity: 5 });
    const b = await course({ startsOn: "2027-01-12", endsOn: "2027-01-16", capacity: 5 });
    const later = await course({ startsOn: "2027-01-17", endsOn: "2027-01-18", capacity: 5 });
    const person = officers[3]!;
    expect((await decide(await nominated(a.id, person), "accept")).statusCode).toBe(200);
    const onB = await nominated(b.id, person);
    const refused = await decide(onB, "accept");
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: "overlapping_place" });
    expect(refused.json().error.message).toContain(a.reference);
    expect((await decide(await nominated(later.id, person), "accept")).statusCode).toBe(200);
    const cancel = await call(t.app, trainer, "POST", `/api/v1/courses/${a.id}/cancel`, {
      reason: "تعذر توفير القاعة",
    });
    expect(cancel.json().data.status).toBe("cancelled");
    expect((await decide(onB, "accept")).statusCode).toBe(200);
  });

  it("keeps an agency within its quota, and other agencies outside it", async () => {
    const c = await course({ capacity: 10 });
    const q = await call(t.app, trainer, "PUT", `/api/v1/courses/${c.id}/quotas`, {
      quotas: [{ agencyId: tobruk.id, places: 2 }],
    });
    expect(q.json().data.quotas).toEqual([{ agencyId: tobruk.id, places: 2, used: 0 }]);
    await nominated(c.id, officers[0]!);
    const second = await nominated(c.id, officers[1]!);
    const before = await auditCount(t.db);
    const over = await nominate(director, c.id, officers[2]!.id);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe("quota_full");
    expect(await auditCount(t.db)).toBe(before);
    expect((await nominate(emsaedManager, c.id, emsaedOfficer.id)).statusCode).toBe(201);
    await call(t.app, director, "POST", `/api/v1/nominations/${second}/withdraw`, {});
    expect((await nominate(director, c.id, officers[2]!.id)).statusCode).toBe(201);
  });

  it("takes no nomination or decision on a cancelled course, and a cancellation needs a reason", async () => {
    const c = await course();
    const id = await nominated(c.id, officers[0]!);
    const noReason = await call(t.app, trainer, "POST", `/api/v1/courses/${c.id}/cancel`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe("reason_required");
    await call(t.app, trainer, "POST", `/api/v1/courses/${c.id}/cancel`, { reason: "الظروف الأمنية" });
    const late = await nominate(director, c.id, officers[1]!.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("course_not_open");
    const decision = await decide(id, "accept");
    expect(decision.statusCode).toBe(409);
    const [row] = await t.db.select().from(nominations).where(eq(nominations.id, id));
    expect(row?.status).toBe("nominated");
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, directorId), eq(notifications.kind, "course_cancelled")));
    expect(told.length).toBeGreaterThan(0);
  });

  it("refuses a person of another agency unless leadership nominates; a hidden person is not found", async () => {
    const c = await course({ capacity: 5 });
    const before = await auditCount(t.db);
    const other = await nominate(director, c.id, emsaedOfficer.id);
    expect(other.statusCode).toBe(403);
    expect(await auditCount(t.db)).toBe(before);
    const hidden = await buildPerson(t.db, { agencyId: emsaed.id, sensitivity: "restricted" });
    expect((await nominate(director, c.id, hidden.id)).statusCode).toBe(404);
    expect((await nominate(minister, c.id, emsaedOfficer.id)).statusCode).toBe(201);
    const dup = await nominate(emsaedManager, c.id, emsaedOfficer.id);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("duplicate");
    // The director sees his agency's nominations only.
    const seen = (await call(t.app, director, "GET", `/api/v1/courses/${c.id}`)).json().data.nominations;
    expect(seen).toEqual([]);
  });

  it("records attendance and results; completion certifies those who passed and answers the training need", async () => {
    const need = await buildNeed(t.db, {
      agencyId: tobruk.id,
      responsibleAgencyId: ministry.id,
      category: "training",
      status: "approved",
      quantity: 25,
    });
    const created = await call(t.app, trainer, "POST", "/api/v1/courses", {
      kind: "workshop",
      topic: "trafficking_victims",
      titleAr: "ورشة تحديد ضحايا الاتجار بالبشر",
      providerKind: "partner",
      providerName: "المنظمة الدولية للهجرة",
      place: "فندق المسيرة - طبرق",
      startsOn: "2026-12-13",
      endsOn: "2026-12-14",
      capacity: 5,
      needId: need.id,
      certificateValidMonths: 24,
      sessions: [
        { startsAt: "2026-12-13T09:00:00+02:00", endsAt: "2026-12-13T13:00:00+02:00" },
        { startsAt: "2026-12-14T09:00:00+02:00", endsAt: "2026-12-14T13:00:00+02:00" },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.id as string;
    await call(t.app, trainer, "POST", `/api/v1/courses/${id}/open`, {});
    const pass = await nominated(id, officers[0]!);
    const fail = await nominated(id, officers[1]!);
    await decide(pass, "accept");
    await decide(fail, "accept");
    await call(t.app, trainer, "POST", `/api/v1/courses/${id}/start`, {});
    const { sessions } = (await call(t.app, trainer, "GET", `/api/v1/courses/${id}`)).json().data;
    const marks = await call(
      t.app,
      trainer,
      "PUT",
      `/api/v1/courses/${id}/sessions/${sessions[0].id}/attendance`,
      {
        marks: [
          { nominationId: pass, mark: "present" },
          { nominationId: fail, mark: "late" },
        ],
      },
    );
    expect(marks.statusCode, marks.body).toBe(200);
    const results = await call(t.app, trainer, "PUT", `/api/v1/courses/${id}/results`, {
      results: [
        { nominationId: pass, outcome: "pass", score: 88.5, remark: "متميز" },
        { nominationId: fail, outcome: "fail", score: 40, remark: null },
      ],
    });
    expect(results.statusCode, results.body).toBe(200);
    const done = await call(t.app, trainer, "POST", `/api/v1/courses/${id}/complete`, {});
    expect(done.statusCode, done.body).toBe(200);
    const byId = Object.fromEntries(done.json().data.nominations.map((n: { id: string }) => [n.id, n]));
    expect(byId[pass]).toMatchObject({
      outcome: "pass",
      score: 88.5,
      attendance: [{ sessionId: sessions[0].id, mark: "present" }],
    });
    expect(byId[pass].certificateId).not.toBeNull();
    expect(byId[fail].certificateId).toBeNull();
    const [cert] = await t.db.select().from(certificates).where(eq(certificates.nominationId, pass));
    expect(cert).toMatchObject({
      personNameAr: "سالم الفيتوري",
      expiresOn: "2028-12-14",
      topic: "trafficking_victims",
    });
    const [after] = await t.db.select().from(needs).where(eq(needs.id, need.id));
    expect(after).toMatchObject({ deliveredQuantity: 1, status: "in_progress" });
    // The need shows the course that answers it.
    const linked = (await call(t.app, director, "GET", `/api/v1/courses?needId=${need.id}`)).json();
    expect(linked.data.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it("refuses a training need of the wrong category or out of sight, naming the field", async () => {
    const vehicles = await buildNeed(t.db, { category: "vehicles" });
    const hidden = await buildNeed(t.db, { category: "training", sensitivity: "restricted" });
    for (const needId of [vehicles.id, hidden.id]) {
      const r = await call(t.app, trainer, "POST", "/api/v1/courses", {
        kind: "course",
        topic: "first_aid",
        titleAr: "إسعافات أولية",
        providerKind: "ministry",
        place: "طبرق",
        startsOn: "2027-02-01",
        endsOn: "2027-02-02",
        capacity: 10,
        needId,
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.fields[0].field).toBe("needId");
    }
  });
});
