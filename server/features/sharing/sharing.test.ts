import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARE_ENTITIES, type ShareEntity } from "../../../common/enums";
import { auditEvents } from "../../audit/audit.table";
import { agencies } from "../agencies";
import { call, createTestApp, type Session, type TestApp } from "../../test/app";
import { buildAgency, buildPlan, buildTask, signedIn } from "../../test/factories";
import { buildIncident } from "../../test/incidents-factories";
import { buildHonour, buildMeeting } from "../../test/meetings-factories";
import { buildNeed } from "../../test/needs-factories";
import { buildCourse } from "../../test/training-factories";

/** A record of each shareable kind, owned by `agencyId`, and where it is read and listed. */
const RECORDS: Record<
  ShareEntity,
  {
    make(
      t: TestApp,
      agencyId: string,
      sensitivity: "internal" | "restricted",
      owner: Session,
    ): Promise<string>;
    path: string;
  }
> = {
  plans: {
    make: async (t, agencyId, sensitivity) => (await buildPlan(t.db, { agencyId, sensitivity })).id,
    path: "plans",
  },
  tasks: {
    make: async (t, agencyId, sensitivity) => (await buildTask(t.db, { agencyId, sensitivity })).id,
    path: "tasks",
  },
  needs: {
    make: async (t, agencyId, sensitivity) => (await buildNeed(t.db, { agencyId, sensitivity })).id,
    path: "needs",
  },
  problems: {
    make: async (t, agencyId, sensitivity, owner) => {
      const created = await call(t.app, owner, "POST", "/api/v1/problems", {
        agencyId,
        title: "نقص في الآليات",
        sensitivity,
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json().data.id as string;
    },
    path: "problems",
  },
  meetings: {
    make: async (t, agencyId, sensitivity) => (await buildMeeting(t.db, { agencyId, sensitivity })).id,
    path: "meetings",
  },
  honours: {
    make: async (t, agencyId, sensitivity) => (await buildHonour(t.db, { agencyId, sensitivity })).id,
    path: "honours",
  },
  incidents: {
    make: async (t, agencyId, sensitivity) => (await buildIncident(t.db, { agencyId, sensitivity })).id,
    path: "incidents",
  },
  courses: {
    make: async (t, agencyId, sensitivity) =>
      (await buildCourse(t.db, { agencyId, sensitivity, status: "open" })).id,
    path: "courses",
  },
};

describe("sharing a restricted record with other agencies (issue 9, item 6)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());

  for (const entity of SHARE_ENTITIES) {
    it(`${entity}: shared, it is read and listed by the other agency; unshared, it is gone again; only the owner's manager or leadership shares`, async () => {
      const home = await buildAgency(t.db);
      const partner = await buildAgency(t.db);
      const third = await buildAgency(t.db);
      const { session: manager } = await signedIn(t.app, t.db, "manager", home.id);
      const { session: officer } = await signedIn(t.app, t.db, "officer", home.id);
      const { session: partnerOfficer } = await signedIn(t.app, t.db, "officer", partner.id);
      const { session: partnerManager } = await signedIn(t.app, t.db, "manager", partner.id);
      const { session: partnerObserver } = await signedIn(t.app, t.db, "observer", partner.id);
      const { session: thirdOfficer } = await signedIn(t.app, t.db, "officer", third.id);
      const { path, make } = RECORDS[entity];
      const id = await make(t, home.id, "restricted", manager);
      const shares = `/api/v1/shares/${entity}/${id}`;

      const sees = async (session: Session) => {
        const one = await call(t.app, session, "GET", `/api/v1/${path}/${id}`);
        const list = await call(t.app, session, "GET", `/api/v1/${path}?pageSize=100`);
        expect(list.statusCode, list.body).toBe(200);
        const listed = (list.json().data as { id: string }[]).some((r) => r.id === id);
        expect(listed, `${entity}: listed and read must agree`).toBe(one.statusCode === 200);
        return one.statusCode === 200;
      };
      expect(await sees(partnerOfficer)).toBe(false);
      expect((await call(t.app, partnerOfficer, "GET", shares)).statusCode).toBe(404);

      // Not the owner's manager: refused, nothing written.
      const audits = async () =>
        (
          await t.db
            .select()
            .from(auditEvents)
            .where(and(eq(auditEvents.action, "share.set"), eq(auditEvents.entityId, id)))
        ).length;
      expect((await call(t.app, officer, "PUT", shares, { agencyIds: [partner.id] })).statusCode).toBe(403);
      expect((await call(t.app, partnerManager, "PUT", shares, { agencyIds: [partner.id] })).statusCode).toBe(
        404,
      );
      expect(await audits()).toBe(0);
      expect(await sees(partnerOfficer)).toBe(false);

      const shared = await call(t.app, manager, "PUT", shares, { agencyIds: [partner.id] });
      expect(shared.statusCode, shared.body).toBe(200);
      expect(shared.json().data).toMatchObject({
        agencies: [{ id: partner.id }],
        abilities: { manage: true },
      });
      expect(await audits()).toBe(1);
      expect(await sees(partnerOfficer)).toBe(true);
      expect(await sees(partnerObserver)).toBe(false); // observers see internal records only
      expect(await sees(thirdOfficer)).toBe(false);
      const seen = await call(t.app, partnerOfficer, "GET", shares);
      expect(seen.json().data).toMatchObject({
        agencies: [{ id: partner.id }],
        abilities: { manage: false },
      });
      // The partner's manager sees it now, but sharing it further is the owner's decision.
      expect(
        (await call(t.app, partnerManager, "PUT", shares, { agencyIds: [partner.id, third.id] })).statusCode,
      ).toBe(403);

      const unshared = await call(t.app, manager, "PUT", shares, { agencyIds: [] });
      expect(unshared.statusCode, unshared.body).toBe(200);
      expect(await audits()).toBe(2);
      expect(await sees(partnerOfficer)).toBe(false);
    });
  }

  it("refuses what makes no sense or names what the caller cannot see, as if it did not exist; nothing written", async () => {
    const home = await buildAgency(t.db);
    const hidden = await buildAgency(t.db, { sensitivity: "restricted" });
    const { session: manager } = await signedIn(t.app, t.db, "manager", home.id);
    const { session: leadership } = await signedIn(t.app, t.db, "leadership");
    const internal = await buildTask(t.db, { agencyId: home.id });
    const other = await buildAgency(t.db);
    const notRestricted = await call(t.app, manager, "PUT", `/api/v1/shares/tasks/${internal.id}`, {
      agencyIds: [other.id],
    });
    expect(notRestricted.statusCode).toBe(400);
    expect(notRestricted.json().error.fields[0]).toMatchObject({
      field: "agencyIds",
      issue: "not_restricted",
    });

    const task = await buildTask(t.db, { agencyId: home.id, sensitivity: "restricted" });
    for (const agencyIds of [[hidden.id], [home.id], [crypto.randomUUID()]]) {
      const refused = await call(t.app, manager, "PUT", `/api/v1/shares/tasks/${task.id}`, { agencyIds });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().error.fields[0]).toMatchObject({ field: "agencyIds.0", issue: "invalid_value" });
    }
    expect(
      (await call(t.app, manager, "PUT", `/api/v1/shares/victim_referrals/${task.id}`, { agencyIds: [] }))
        .statusCode,
    ).toBe(400);
    expect(
      (await call(t.app, manager, "GET", `/api/v1/shares/tasks/${task.id}`)).json().data.agencies,
    ).toEqual([]);
    // A partner deactivated after the share stays in the list the page sends back; another can still be added.
    const kept = await buildAgency(t.db);
    expect(
      (await call(t.app, manager, "PUT", `/api/v1/shares/tasks/${task.id}`, { agencyIds: [kept.id] }))
        .statusCode,
    ).toBe(200);
    await t.db.update(agencies).set({ isActive: false }).where(eq(agencies.id, kept.id));
    const again = await call(t.app, manager, "PUT", `/api/v1/shares/tasks/${task.id}`, {
      agencyIds: [kept.id, other.id],
    });
    expect(again.statusCode, again.body).toBe(200);
    // Leadership shares any agency's restricted record.
    const byLeadership = await call(t.app, leadership, "PUT", `/api/v1/shares/tasks/${task.id}`, {
      agencyIds: [other.id],
    });
    expect(byLeadership.statusCode, byLeadership.body).toBe(200);
  });
});
