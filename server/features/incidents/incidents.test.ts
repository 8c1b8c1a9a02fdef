import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, type Session, type TestApp } from "../../test/app";
import { auditCount, buildAgency, signedIn } from "../../test/factories";
import { buildIncident, typeId } from "../../test/incidents-factories";
import type { AgencyRow } from "../agencies";
import { incidents, seizureCustody, seizures, victimReferrals } from "./incidents.table";

describe("incidents, seizures and referrals", () => {
  let t: TestApp;
  let emsaed: AgencyRow;
  let coastGuard: AgencyRow;
  let officer: Session;
  let manager: Session;
  let director: Session;
  let otherOfficer: Session;
  let observer: Session;
  let admin: Session;
  let fuel: string;
  let trafficking: string;

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    emsaed = await buildAgency(t.db, { kind: "border_crossing" });
    coastGuard = await buildAgency(t.db);
    officer = (await signedIn(t.app, t.db, "officer", emsaed.id)).session;
    manager = (await signedIn(t.app, t.db, "manager", emsaed.id)).session;
    director = (await signedIn(t.app, t.db, "leadership")).session;
    otherOfficer = (await signedIn(t.app, t.db, "officer", coastGuard.id)).session;
    observer = (await signedIn(t.app, t.db, "observer", emsaed.id)).session;
    admin = (await signedIn(t.app, t.db, "admin")).session;
    fuel = await typeId(t.db, "smuggling_fuel");
    trafficking = await typeId(t.db, "human_trafficking");
  });
  afterAll(() => t.close());

  const record = async (body: Record<string, unknown> = {}, session = officer) => {
    const r = await call(t.app, session, "POST", "/api/v1/incidents", {
      agencyId: emsaed.id,
      typeId: fuel,
      occurredOn: "2026-11-28",
      occurredTime: "23:40",
      districtPcode: "LY0104",
      placeName: "منفذ إمساعد البري",
      latitude: 31.5886,
      longitude: 25.0522,
      narrative: "ضبط شاحنة صهريج محملة بالوقود المهرب باتجاه الحدود المصرية",
      arrests: 2,
      ...body,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().data as {
      id: string;
      reference: string;
      status: string;
      abilities: Record<string, boolean>;
    };
  };

  it("records an incident with its reference, timeline and audit event; the seeded types are bilingual and grouped", async () => {
    const types = (await call(t.app, officer, "GET", "/api/v1/incident-types")).json().data as {
      code: string;
      group: string;
      nameAr: string;
      nameEn: string;
    }[];
    expect(types.length).toBe(17);
    expect(types.find((x) => x.code === "smuggling_fuel")).toMatchObject({
      group: "smuggling",
      nameAr: "تهريب وقود",
      nameEn: "Fuel smuggling",
    });
    expect(new Set(types.map((x) => x.group)).size).toBe(7);

    const audits = await auditCount(t.db);
    const incident = await record();
    expect(incident.reference).toMatch(/^INC-2026-\d{6}$/);
    expect(incident.status).toBe("open");
    expect(incident.abilities).toMatchObject({
      update: true,
      investigate: true,
      close: false,
      addSeizure: true,
    });
    expect(incident.abilities.addReferral).toBe(false);
    expect(await auditCount(t.db)).toBe(audits + 1);
    const detail = (await call(t.app, officer, "GET", `/api/v1/incidents/${incident.id}`)).json().data;
    expect(detail.history).toHaveLength(1);
    // The timeline names the person (their names in both languages), not the account.
    const me = (await call(t.app, officer, "GET", "/api/auth/me")).json();
    const who = me.data ?? me;
    expect(detail.history[0].actorName).toEqual({ ar: who.displayNameAr, en: who.displayNameEn });
    expect(detail).toMatchObject({ typeGroup: "smuggling", occurredTime: "23:40", arrests: 2 });
  });

  it("walks open → under investigation → referred to prosecution → closed (reason required) → reopened", async () => {
    const incident = await record();
    const step = (s: Session, action: string, reason?: string) =>
      call(t.app, s, "POST", `/api/v1/incidents/${incident.id}/${action}`, reason ? { reason } : {});
    expect((await step(officer, "refer")).json().error.code).toBe("invalid_transition");
    expect((await step(officer, "investigate")).json().data.status).toBe("under_investigation");
    expect((await step(officer, "refer")).json().data.status).toBe("referred_to_prosecution");
    expect((await step(officer, "close", "حُفظت القضية")).statusCode).toBe(403);
    const noReason = await step(manager, "close");
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe("reason_required");
    const closed = (await step(manager, "close", "صدر حكم في القضية")).json().data;
    expect(closed).toMatchObject({ status: "closed", statusReason: "صدر حكم في القضية" });
    expect(closed.abilities.update).toBe(false);
    expect(
      (await call(t.app, officer, "PATCH", `/api/v1/incidents/${incident.id}`, { arrests: 3 })).statusCode,
    ).toBe(409);
    expect((await step(director, "reopen", "ظهرت أدلة جديدة")).json().data.status).toBe(
      "under_investigation",
    );
    const history = (await call(t.app, officer, "GET", `/api/v1/incidents/${incident.id}`)).json().data
      .history;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      "create",
      "investigate",
      "refer",
      "close",
      "reopen",
    ]);
  });

  it("records seizures (12,000 litres and a vehicle) and their custody log; the register totals them", async () => {
    const incident = await record({ placeName: "بوابة امساعد" });
    const litres = await call(t.app, officer, "POST", `/api/v1/incidents/${incident.id}/seizures`, {
      item: "fuel",
      quantity: 12000,
      unit: "litre",
      estimatedValueLyd: 1800,
    });
    expect(litres.statusCode, litres.body).toBe(201);
    const vehicle = await call(t.app, officer, "POST", `/api/v1/incidents/${incident.id}/seizures`, {
      item: "vehicles",
      quantity: 1,
      unit: "vehicle",
      description: "شاحنة صهريج مرسيدس",
    });
    expect(vehicle.statusCode, vehicle.body).toBe(201);
    const seizureId = litres.json().data.id as string;
    const handed = await call(t.app, manager, "POST", `/api/v1/seizures/${seizureId}/custody`, {
      status: "handed_over",
      toWhom: "شركة البريقة لتسويق النفط",
      at: "2026-11-29T07:30:00+02:00",
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json().data.custody.map((c: { toStatus: string }) => c.toStatus)).toEqual([
      "held",
      "handed_over",
    ]);
    expect(handed.json().data.custody[1]).toMatchObject({ toWhom: "شركة البريقة لتسويق النفط" });
    const noWhom = await call(t.app, manager, "POST", `/api/v1/seizures/${seizureId}/custody`, {
      status: "returned",
    });
    expect(noWhom.statusCode).toBe(400);
    expect(noWhom.json().error.fields[0].field).toBe("toWhom");
    expect(
      (
        await call(t.app, otherOfficer, "POST", `/api/v1/seizures/${seizureId}/custody`, {
          status: "destroyed",
        })
      ).statusCode,
    ).toBe(403);

    const list = (await call(t.app, officer, "GET", "/api/v1/incidents?hasSeizures=true")).json();
    expect(list.data.map((i: { id: string }) => i.id)).toEqual([incident.id]);
    const register = (
      await call(t.app, officer, "GET", `/api/v1/seizures/register?agencyId=${emsaed.id}`)
    ).json().data;
    expect(register).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          item: "fuel",
          unit: "litre",
          custodyStatus: "handed_over",
          quantity: 12000,
          estimatedValueLyd: 1800,
        }),
        expect.objectContaining({ item: "vehicles", unit: "vehicle", custodyStatus: "held", count: 1 }),
      ]),
    );
  });

  it("refuses bad seizures: negative quantity, a unit the item is not counted in, drugs without their kind", async () => {
    const incident = await record();
    const before = await t.db.select().from(seizures);
    for (const [body, field] of [
      [{ item: "fuel", quantity: -5, unit: "litre" }, "quantity"],
      [{ item: "fuel", quantity: 5, unit: "gallon" }, "unit"],
      [{ item: "fuel", quantity: 5, unit: "kg" }, "unit"],
      [{ item: "drugs", quantity: 5, unit: "kg" }, "kind"],
      [{ item: "cash", quantity: 5, unit: "amount", kind: "XYZ" }, "kind"],
    ] as const) {
      const r = await call(t.app, officer, "POST", `/api/v1/incidents/${incident.id}/seizures`, body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect(await t.db.select().from(seizures)).toEqual(before);
  });

  it("refuses coordinates far from Libya, a day in the future, a retired or unknown type, a breakdown over the total", async () => {
    const count = async () => (await t.db.select().from(incidents)).length;
    const before = await count();
    const post = (body: Record<string, unknown>) =>
      call(t.app, officer, "POST", "/api/v1/incidents", {
        agencyId: emsaed.id,
        typeId: fuel,
        occurredOn: "2026-11-28",
        placeName: "امساعد",
        ...body,
      });
    const far = await post({ latitude: 48.85, longitude: 2.35 });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.fields.map((f: { field: string }) => f.field)).toEqual(["latitude", "longitude"]);
    const half = await post({ latitude: 31.5 });
    expect(half.json().error.fields[0].field).toBe("longitude");
    const future = await post({ occurredOn: "2026-12-25" });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0]).toMatchObject({ field: "occurredOn", issue: "in_future" });
    expect(future.json().error.fields[0].message).toContain("تاريخ");
    const unknown = await post({ typeId: "0190aaaa-0000-7000-8000-000000000000" });
    expect(unknown.json().error.fields[0].field).toBe("typeId");
    const over = await post({ intercepted: 10, nationalities: [{ country: "EG", count: 11 }] });
    expect(over.json().error.fields[0].field).toBe("nationalities");
    expect(await count()).toBe(before);
    // At sea off Zuwara: accepted.
    await record({ latitude: 33.4, longitude: 12.1, districtPcode: "LY0215", placeName: "قبالة زوارة" });
  });

  it("lists with filters, total, sort and paging; restricted incidents only to their agency and leadership", async () => {
    const agency = await buildAgency(t.db);
    const staff = (await signedIn(t.app, t.db, "officer", agency.id)).session;
    await buildIncident(t.db, { agencyId: agency.id, occurredOn: "2026-01-05", districtPcode: "LY0104" });
    await buildIncident(t.db, {
      agencyId: agency.id,
      occurredOn: "2026-03-05",
      type: "crime_theft",
      districtPcode: "LY0103",
    });
    await buildIncident(t.db, {
      agencyId: agency.id,
      occurredOn: "2026-02-05",
      sensitivity: "restricted",
      narrative: "مصدر سري",
    });
    const list = (s: Session, query: string) =>
      call(t.app, s, "GET", `/api/v1/incidents?agencyId=${agency.id}${query}`).then((r) => r.json());
    const all = await list(staff, "&pageSize=2");
    expect(all.page).toEqual({ page: 1, pageSize: 2, total: 3 });
    expect(all.data.map((i: { occurredOn: string }) => i.occurredOn)).toEqual(["2026-03-05", "2026-02-05"]);
    const oldest = await list(staff, "&sort=occurred_asc&page=2&pageSize=2");
    expect(oldest.data.map((i: { occurredOn: string }) => i.occurredOn)).toEqual(["2026-03-05"]);
    expect((await list(staff, "&group=crime")).page.total).toBe(1);
    expect((await list(staff, `&typeId=${fuel}&district=LY0104`)).page.total).toBe(2);
    expect((await list(staff, "&from=2026-02-01&to=2026-02-28")).page.total).toBe(1);
    expect((await list(staff, "&sensitivity=restricted")).page.total).toBe(1);
    expect((await list(otherOfficer, "")).page.total).toBe(2);
    expect((await list(otherOfficer, "&q=سري")).page.total).toBe(0);
    expect((await list(observer, "")).page.total).toBe(2);
    expect((await list(director, "")).page.total).toBe(3);
    // Arabic folding: «إمساعد» and «امساعد» find the same incidents.
    const a = (await call(t.app, officer, "GET", "/api/v1/incidents?q=إمساعد")).json().page.total;
    const b = (await call(t.app, officer, "GET", "/api/v1/incidents?q=امساعد")).json().page.total;
    expect(a).toBeGreaterThan(0);
    expect(a).toBe(b);
  });

  it("keeps victim referrals to the recording agency and leadership; only on trafficking and migration incidents", async () => {
    const onFuel = await record();
    const refused = await call(t.app, officer, "POST", `/api/v1/incidents/${onFuel.id}/referrals`, {
      women: 1,
      referredTo: "الهلال الأحمر",
      referredOn: "2026-11-28",
    });
    expect(refused.statusCode).toBe(409);
    const incident = await record({ typeId: trafficking, narrative: "اكتشاف مخزن احتجاز مهاجرين" });
    expect(incident.abilities.addReferral).toBe(true);
    const empty = await call(t.app, officer, "POST", `/api/v1/incidents/${incident.id}/referrals`, {
      referredTo: "الهلال الأحمر",
      referredOn: "2026-11-28",
    });
    expect(empty.statusCode).toBe(400);
    const made = await call(t.app, officer, "POST", `/api/v1/incidents/${incident.id}/referrals`, {
      women: 4,
      girls: 2,
      referredTo: "المنظمة الدولية للهجرة",
      referredOn: "2026-11-28",
      notes: "إيواء مؤقت",
    });
    expect(made.statusCode, made.body).toBe(201);
    const referral = made.json().data;
    const referralsSeenBy = async (s: Session) =>
      (await call(t.app, s, "GET", `/api/v1/incidents/${incident.id}`)).json().data.referrals.length;
    expect(await referralsSeenBy(officer)).toBe(1);
    expect(await referralsSeenBy(director)).toBe(1);
    expect(await referralsSeenBy(otherOfficer)).toBe(0);
    expect(await referralsSeenBy(observer)).toBe(0);
    const outsider = await call(t.app, otherOfficer, "PATCH", `/api/v1/referrals/${referral.id}`, {
      status: "done",
    });
    expect(outsider.statusCode).toBe(404);
    const accepted = await call(t.app, officer, "PATCH", `/api/v1/referrals/${referral.id}`, {
      status: "accepted",
    });
    expect(accepted.json().data.status).toBe("accepted");
    // The timeline says that a referral was made, not to whom or for how many.
    const history = (await call(t.app, otherOfficer, "GET", `/api/v1/incidents/${incident.id}`)).json().data
      .history;
    expect(JSON.stringify(history)).not.toContain("المنظمة الدولية للهجرة");
    // No column could hold a name, a photograph, a document or a biometric.
    expect(Object.keys(victimReferrals)).not.toEqual(expect.arrayContaining(["name"]));
    const [stored] = await t.db.select().from(victimReferrals).where(eq(victimReferrals.id, referral.id));
    expect(Object.keys(stored!).sort()).toEqual(
      [
        "agencyId",
        "boys",
        "createdAt",
        "createdBy",
        "girls",
        "id",
        "incidentId",
        "men",
        "notes",
        "referredOn",
        "referredTo",
        "status",
        "updatedAt",
        "women",
      ].sort(),
    );
  });

  it("lets the administrator add, rename and retire types; a retired type is refused for new incidents", async () => {
    const created = await call(t.app, admin, "POST", "/api/v1/incident-types", {
      code: "smuggling_livestock",
      group: "smuggling",
      nameAr: "تهريب مواشٍ",
      nameEn: "Livestock smuggling",
    });
    expect(created.statusCode, created.body).toBe(201);
    const again = await call(t.app, admin, "POST", "/api/v1/incident-types", {
      code: "smuggling_livestock",
      group: "smuggling",
      nameAr: "x",
      nameEn: "x",
    });
    expect(again.statusCode).toBe(409);
    expect(
      (
        await call(t.app, officer, "POST", "/api/v1/incident-types", {
          code: "x",
          group: "other",
          nameAr: "x",
          nameEn: "x",
        })
      ).statusCode,
    ).toBe(403);
    const id = created.json().data.id as string;
    const retired = await call(t.app, admin, "PATCH", `/api/v1/incident-types/${id}`, {
      isActive: false,
      nameEn: "Livestock",
    });
    expect(retired.json().data).toMatchObject({ isActive: false, nameEn: "Livestock" });
    const refused = await call(t.app, officer, "POST", "/api/v1/incidents", {
      agencyId: emsaed.id,
      typeId: id,
      occurredOn: "2026-11-28",
      placeName: "امساعد",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].field).toBe("typeId");
  });

  it("writes nothing when a custody change is refused", async () => {
    const incident = await record();
    const seizure = (
      await call(t.app, officer, "POST", `/api/v1/incidents/${incident.id}/seizures`, {
        item: "weapons",
        quantity: 3,
        unit: "piece",
      })
    ).json().data;
    const logs = async () =>
      (await t.db.select().from(seizureCustody).where(eq(seizureCustody.seizureId, seizure.id))).length;
    expect(await logs()).toBe(1);
    expect(
      (await call(t.app, officer, "POST", `/api/v1/seizures/${seizure.id}/custody`, { status: "held" }))
        .statusCode,
    ).toBe(409);
    expect(await logs()).toBe(1);
  });
});
