import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgencyRow } from "../agencies";
import { personnel } from "../personnel";
import { call, createTestApp, type Session, type TestApp } from "../../test/app";
import { buildAgency, buildPerson, signedIn } from "../../test/factories";
import { buildCertificate } from "../../test/training-factories";

// The coverage view counts holders of a valid certificate per agency and topic. Its figures are kept per
// coverage version (coverage.ts); these tests change what it counts through the API and behind its back (plain
// SQL, as another instance or an operator would) and expect the next answer to show it.
describe("training coverage", () => {
  let t: TestApp;
  let tobruk: AgencyRow;
  let emsaed: AgencyRow;
  let trainer: Session;
  let director: Session;

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    tobruk = await buildAgency(t.db);
    emsaed = await buildAgency(t.db);
    trainer = (await signedIn(t.app, t.db, "trainer", tobruk.id)).session;
    director = (await signedIn(t.app, t.db, "manager", tobruk.id)).session;
  });
  afterAll(() => t.close());

  type Cell = { topic: string; holders: number; trainedInYear: number; target: number | null };
  type Row = { agencyId: string; personnel: number; cells: Cell[] };
  const coverage = async (session: Session, query = "") => {
    const r = await call(t.app, session, "GET", `/api/v1/training/coverage${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json().data as { year: number; asOf: string; rows: Row[] };
  };
  const cell = (rows: Row[], agencyId: string, topic = "anti_smuggling") =>
    rows.find((r) => r.agencyId === agencyId)?.cells.find((c) => c.topic === topic);

  it("counts holders per agency, follows revocation, deactivation, moves and targets at once", async () => {
    const a = await buildPerson(t.db, { agencyId: tobruk.id, nameAr: "سالم الفيتوري" });
    const b = await buildPerson(t.db, { agencyId: tobruk.id, nameAr: "أحمد المسماري" });
    await buildCertificate(t.db, { agencyId: tobruk.id, personId: a.id });
    const second = await buildCertificate(t.db, { agencyId: tobruk.id, personId: b.id });
    // The same person trained twice on one topic is one holder.
    await buildCertificate(t.db, { agencyId: tobruk.id, personId: a.id });
    const before = await coverage(trainer);
    expect(cell(before.rows, tobruk.id)).toMatchObject({ holders: 2, trainedInYear: 3, target: null });
    expect(before.rows.find((r) => r.agencyId === tobruk.id)?.personnel).toBe(2);
    expect(await coverage(trainer)).toEqual(before);

    const revoked = await call(t.app, trainer, "POST", `/api/v1/certificates/${second.id}/revoke`, {
      reason: "صدرت بالخطأ",
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(cell((await coverage(trainer)).rows, tobruk.id)?.holders).toBe(1);

    const target = await call(t.app, trainer, "PUT", "/api/v1/training/targets", {
      targets: [{ agencyId: tobruk.id, topic: "anti_smuggling", target: 40 }],
    });
    expect(target.statusCode, target.body).toBe(200);
    expect(cell((await coverage(trainer)).rows, tobruk.id)?.target).toBe(40);

    // Written behind the application's back (another instance, an operator's SQL): seen on the next answer.
    await t.db.update(personnel).set({ agencyId: emsaed.id }).where(eq(personnel.id, a.id));
    const moved = await coverage(trainer);
    expect(cell(moved.rows, tobruk.id)?.holders).toBe(0);
    expect(cell(moved.rows, emsaed.id)?.holders).toBe(1);
    await t.db.execute(sql`update personnel set is_active = false where id = ${a.id}`);
    expect(cell((await coverage(trainer)).rows, emsaed.id)?.holders ?? 0).toBe(0);
  });

  it("counts a past year as of its last day, and a manager's view leaves out other agencies' restricted certificates", async () => {
    const other = await buildAgency(t.db);
    const person = await buildPerson(t.db, { agencyId: other.id, nameAr: "مفتاح بوخطوة" });
    await buildCertificate(t.db, { agencyId: other.id, personId: person.id, sensitivity: "restricted" });
    expect(cell((await coverage(trainer)).rows, other.id)?.holders).toBe(1);
    expect(cell((await coverage(director)).rows, other.id)?.holders ?? 0).toBe(0);
    // The trainer's figures are not served to the manager from the kept figures, nor the other way round.
    expect(cell((await coverage(trainer)).rows, other.id)?.holders).toBe(1);

    const past = await coverage(trainer, "?year=2024");
    expect(past).toMatchObject({ year: 2024, asOf: "2024-12-31" });
    expect(cell(past.rows, other.id)?.holders ?? 0).toBe(0);
  });
});
