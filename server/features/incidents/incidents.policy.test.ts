import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../../common/enums";
import { call, createTestApp, login, type TestApp } from "../../test/app";
import { TEST_PASSWORD, buildAgency, buildUser } from "../../test/factories";
import { buildIncident, buildReferral, buildSeizure, typeId } from "../../test/incidents-factories";
import { permissionMatrix, type ActionSpec, type MatrixAction } from "../../test/matrix";
import { incidents, seizures, victimReferrals } from "./incidents.table";

// Cells: [own agency internal, own agency restricted, other agency internal, other agency restricted].
const NONE: ActionSpec[keyof ActionSpec] = [403, 403, 403, 403];
const STAFF_OWN: ActionSpec[keyof ActionSpec] = ["ok", "ok", 403, 404];
const spec: Record<string, ActionSpec> = {
  read: {
    admin: ["ok", "ok", "ok", 404],
    leadership: ["ok", "ok", "ok", "ok"],
    manager: ["ok", "ok", "ok", 404],
    officer: ["ok", "ok", "ok", 404],
    observer: ["ok", 404, "ok", 404],
    trainer: ["ok", "ok", "ok", 404],
  },
  create: {
    admin: NONE,
    leadership: NONE,
    manager: ["ok", "ok", 403, 403],
    officer: ["ok", "ok", 403, 403],
    observer: NONE,
    trainer: NONE,
  },
  update: {
    admin: NONE,
    leadership: NONE,
    manager: STAFF_OWN,
    officer: STAFF_OWN,
    observer: NONE,
    trainer: NONE,
  },
  investigate: {
    admin: NONE,
    leadership: [403, 403, 403, 403],
    manager: STAFF_OWN,
    officer: STAFF_OWN,
    observer: NONE,
    trainer: NONE,
  },
  close: {
    admin: NONE,
    leadership: ["ok", "ok", "ok", "ok"],
    manager: STAFF_OWN,
    officer: [403, 403, 403, 404],
    observer: NONE,
    trainer: NONE,
  },
  addSeizure: {
    admin: NONE,
    leadership: NONE,
    manager: STAFF_OWN,
    officer: STAFF_OWN,
    observer: NONE,
    trainer: NONE,
  },
  custody: {
    admin: NONE,
    leadership: NONE,
    manager: STAFF_OWN,
    officer: STAFF_OWN,
    observer: NONE,
    trainer: NONE,
  },
  addReferral: {
    admin: NONE,
    leadership: NONE,
    manager: STAFF_OWN,
    officer: STAFF_OWN,
    observer: NONE,
    trainer: NONE,
  },
  // A referral is restricted whatever its incident: only its agency's staff may change it (others never see it).
  updateReferral: {
    admin: NONE,
    leadership: [403, 403, 403, 403],
    manager: ["ok", "ok", 404, 404],
    officer: ["ok", "ok", 404, 404],
    observer: NONE,
    trainer: NONE,
  },
};

const incidentSnapshot = (t: TestApp, id: string) => async () => ({
  incident: (await t.db.select().from(incidents).where(eq(incidents.id, id)))[0],
  seizures: (await t.db.select().from(seizures).where(eq(seizures.incidentId, id))).length,
  referrals: (await t.db.select().from(victimReferrals).where(eq(victimReferrals.incidentId, id))).length,
});

const onIncident = (
  method: "GET" | "POST" | "PATCH",
  path: string,
  body?: unknown,
  type = "smuggling_fuel",
): MatrixAction => ({
  request: async (t, a) => {
    const incident = await buildIncident(t.db, {
      agencyId: a.targetAgency.id,
      sensitivity: a.sensitivity,
      type,
    });
    return {
      method,
      url: `/api/v1/incidents/${incident.id}${path}`,
      ...(body ? { body } : {}),
      snapshot: incidentSnapshot(t, incident.id),
    };
  },
});

const actions: Record<string, MatrixAction> = {
  read: onIncident("GET", ""),
  create: {
    request: async (t, a) => ({
      method: "POST",
      url: "/api/v1/incidents",
      body: {
        agencyId: a.targetAgency.id,
        typeId: await typeId(t.db, "smuggling_goods"),
        occurredOn: "2026-11-20",
        placeName: "منفذ امساعد",
        sensitivity: a.sensitivity,
      },
    }),
  },
  update: onIncident("PATCH", "", { arrests: 4 }),
  investigate: onIncident("POST", "/investigate", {}),
  close: onIncident("POST", "/close", { reason: "حُفظت" }),
  addSeizure: onIncident("POST", "/seizures", { item: "fuel", quantity: 500, unit: "litre" }),
  addReferral: onIncident(
    "POST",
    "/referrals",
    { women: 2, referredTo: "الهلال الأحمر", referredOn: "2026-11-21" },
    "human_trafficking",
  ),
  custody: {
    request: async (t, a) => {
      const incident = await buildIncident(t.db, { agencyId: a.targetAgency.id, sensitivity: a.sensitivity });
      const seizure = await buildSeizure(t.db, incident);
      return {
        method: "POST",
        url: `/api/v1/seizures/${seizure.id}/custody`,
        body: { status: "destroyed" },
        snapshot: async () => (await t.db.select().from(seizures).where(eq(seizures.id, seizure.id)))[0],
      };
    },
  },
  updateReferral: {
    request: async (t, a) => {
      const incident = await buildIncident(t.db, {
        agencyId: a.targetAgency.id,
        sensitivity: a.sensitivity,
        type: "human_trafficking",
      });
      const referral = await buildReferral(t.db, incident);
      return {
        method: "PATCH",
        url: `/api/v1/referrals/${referral.id}`,
        body: { status: "done" },
        snapshot: async () =>
          (await t.db.select().from(victimReferrals).where(eq(victimReferrals.id, referral.id)))[0],
      };
    },
  },
};

describe("incidents permission matrix", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());
  permissionMatrix(() => t, spec, actions);
});

describe("what each role sees: a restricted incident and any referral stay with their agency and leadership", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());

  for (const role of ROLES) {
    it(`as ${role}: lists, counts, the seizures register and referrals`, async () => {
      const own = await buildAgency(t.db);
      const other = await buildAgency(t.db);
      const user = await buildUser(t.db, { role, agencyId: own.id, isDemo: true });
      const session = await login(t.app, user.username, TEST_PASSWORD);
      const marker = `واقعة-${role}-${own.id.slice(-6)}`;
      const make = async (agencyId: string, sensitivity: "internal" | "restricted") => {
        const incident = await buildIncident(t.db, {
          agencyId,
          sensitivity,
          type: "human_trafficking",
          narrative: marker,
        });
        await buildSeizure(t.db, incident);
        await buildReferral(t.db, incident);
        return incident;
      };
      const mine = [await make(own.id, "internal"), await make(own.id, "restricted")];
      const theirs = [await make(other.id, "internal"), await make(other.id, "restricted")];

      const listed = await call(
        t.app,
        session,
        "GET",
        `/api/v1/incidents?q=${encodeURIComponent(marker)}&pageSize=100`,
      );
      const ids = listed
        .json()
        .data.map((i: { id: string }) => i.id)
        .sort();
      const seesRestricted = (agencyOwn: boolean) =>
        role === "leadership" || (agencyOwn && role !== "observer");
      const expected = [
        mine[0]!.id,
        ...(seesRestricted(true) ? [mine[1]!.id] : []),
        theirs[0]!.id,
        ...(seesRestricted(false) ? [theirs[1]!.id] : []),
      ].sort();
      expect(ids).toEqual(expected);
      expect(listed.json().page.total).toBe(expected.length);

      const register = await call(
        t.app,
        session,
        "GET",
        `/api/v1/seizures/register?q=${encodeURIComponent(marker)}`,
      );
      expect(register.json().data.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(
        expected.length,
      );

      // Referrals: the recording agency (observers excepted) and leadership; whatever the incident's sensitivity.
      for (const incident of [...mine, ...theirs]) {
        const detail = await call(t.app, session, "GET", `/api/v1/incidents/${incident.id}`);
        if (detail.statusCode === 404) continue;
        const seen = detail.json().data.referrals.length;
        const ownAgency = incident.agencyId === own.id;
        expect(seen, `${role} ${ownAgency ? "own" : "other"} ${incident.sensitivity}`).toBe(
          role === "leadership" || (ownAgency && role !== "observer") ? 1 : 0,
        );
      }
    });
  }
});
