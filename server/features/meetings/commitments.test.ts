import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../audit/audit.table";
import { notifications } from "../../notifications/notifications.table";
import { call, createTestApp, type Session, type TestApp } from "../../test/app";
import { auditCount, buildAgency, signedIn } from "../../test/factories";
import { buildCommitment, buildMeeting } from "../../test/meetings-factories";
import type { AgencyRow } from "../agencies";
import { needs } from "../needs";
import { tasks } from "../tasks";
import { commitments } from "./commitments.table";
import { sweepDueCommitments } from "./sweep-due-commitments";

let t: TestApp;
let meetingAgency: AgencyRow;
let ownerAgency: AgencyRow;
let meetingManager: Session;
let ownerOfficer: Session;
let ownerManager: Session;
beforeAll(async () => {
  t = await createTestApp({ config: { demoMode: true } });
  meetingAgency = await buildAgency(t.db, { nameAr: "مديرية أمن طبرق" });
  ownerAgency = await buildAgency(t.db, { nameAr: "مجلس النواب", kind: "parliament" });
  meetingManager = (await signedIn(t.app, t.db, "manager", meetingAgency.id)).session;
  ownerOfficer = (await signedIn(t.app, t.db, "officer", ownerAgency.id)).session;
  ownerManager = (await signedIn(t.app, t.db, "manager", ownerAgency.id)).session;
});
afterAll(() => t.close());

const stored = async (id: string) =>
  (await t.db.select().from(commitments).where(eq(commitments.id, id)))[0]!;
const eventsOf = async (id: string) =>
  (await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).map((e) => e.action);

describe("converting a commitment, and completing it through what it became", () => {
  it("to a task: linked both ways; completing the task completes the commitment, audited, in one transaction", async () => {
    const c = await buildCommitment(t.db, {
      agencyId: meetingAgency.id,
      ownerAgencyId: ownerAgency.id,
      dueOn: "2026-12-31",
    });
    const res = await call(t.app, ownerManager, "POST", `/api/v1/commitments/${c.id}/convert-to-task`, {
      priority: "high",
    });
    expect(res.statusCode, res.body).toBe(201);
    const { commitment, task } = res.json().data;
    expect(commitment).toMatchObject({ taskId: task.id, status: "in_progress" });
    expect(task).toMatchObject({ agencyId: ownerAgency.id, dueOn: "2026-12-31", priority: "high" });
    expect(task.titleAr).toBe(c.text);
    // The task page shows where it came from: the commitment and its meeting.
    const page = (await call(t.app, ownerOfficer, "GET", `/api/v1/tasks/${task.id}`)).json().data;
    expect(page.origin).toMatchObject({
      entity: "commitment",
      id: c.id,
      reference: c.reference,
      parent: { entity: "meeting", id: c.meetingId },
    });
    // Converting again is refused: the commitment already has its task.
    const again = await call(t.app, ownerManager, "POST", `/api/v1/commitments/${c.id}/convert-to-task`, {});
    expect(again.statusCode).toBe(403);
    // The owner agency's officer completes the task: the commitment is done with it.
    const done = await call(t.app, ownerOfficer, "POST", `/api/v1/tasks/${task.id}/status`, {
      status: "done",
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(await stored(c.id)).toMatchObject({ status: "done", taskId: task.id });
    expect(await eventsOf(c.id)).toEqual([
      "commitment.create",
      "commitment.convert_task",
      "commitment.complete",
    ]);
    const [complete] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, c.id), eq(auditEvents.action, "commitment.complete")));
    expect(complete?.after).toMatchObject({ completedBy: { entity: "task", id: task.id } });
    // The meeting's managers hear of it.
    const view = (await call(t.app, meetingManager, "GET", `/api/v1/meetings/${c.meetingId}`)).json().data;
    expect(view.commitments[0]).toMatchObject({ status: "done", taskId: task.id });
  });

  it("a task that fails to complete leaves the commitment open (one transaction)", async () => {
    const c = await buildCommitment(t.db, { agencyId: meetingAgency.id, ownerAgencyId: ownerAgency.id });
    const { task } = (
      await call(t.app, meetingManager, "POST", `/api/v1/commitments/${c.id}/convert-to-task`, {})
    ).json().data;
    // Blocked without a reason is refused: nothing changes.
    const refused = await call(t.app, ownerOfficer, "POST", `/api/v1/tasks/${task.id}/status`, {
      status: "blocked",
    });
    expect(refused.statusCode).toBe(400);
    expect((await stored(c.id)).status).toBe("in_progress");
  });

  it("to a need: filed by the meeting's agency for the owner; fulfilling it completes the commitment", async () => {
    const meeting = await buildMeeting(t.db, {
      agencyId: meetingAgency.id,
      commitments: [
        {
          text: "وضع وتشريع القوانين التي تعزز العمل الأمني",
          ownerAgencyId: ownerAgency.id,
          topic: "legislation",
        },
      ],
    });
    const [c] = await t.db.select().from(commitments).where(eq(commitments.meetingId, meeting.id));
    const res = await call(t.app, meetingManager, "POST", `/api/v1/commitments/${c!.id}/convert-to-need`, {
      unit: "قانون",
    });
    expect(res.statusCode, res.body).toBe(201);
    const { commitment, need } = res.json().data;
    expect(commitment.needId).toBe(need.id);
    expect(need).toMatchObject({
      agencyId: meetingAgency.id,
      responsibleAgencyId: ownerAgency.id,
      category: "legislation",
      status: "draft",
      quantity: 1,
    });
    const page = (await call(t.app, meetingManager, "GET", `/api/v1/needs/${need.id}`)).json().data;
    expect(page.origin).toMatchObject({ entity: "commitment", id: c!.id, parent: { id: meeting.id } });
    // Walk the need to in progress, then deliver it in full as leadership: fulfilled, and the commitment done.
    await t.db.update(needs).set({ status: "in_progress" }).where(eq(needs.id, need.id));
    const { session: minister } = await signedIn(t.app, t.db, "leadership");
    const delivered = await call(t.app, minister, "POST", `/api/v1/needs/${need.id}/deliveries`, {
      quantity: 1,
      deliveredOn: "2026-11-28",
      receivedBy: "مديرية أمن طبرق",
    });
    expect(delivered.statusCode, delivered.body).toBe(201);
    expect(delivered.json().data.status).toBe("fulfilled");
    expect((await stored(c!.id)).status).toBe("done");
    expect(await eventsOf(c!.id)).toContain("commitment.complete");
  });

  it("converting needs a manager of the owner or meeting agency, or leadership; refusals change nothing", async () => {
    const c = await buildCommitment(t.db, { agencyId: meetingAgency.id, ownerAgencyId: ownerAgency.id });
    const before = await stored(c.id);
    const taskCount = async () => (await t.db.select({ n: count() }).from(tasks))[0]?.n;
    const tasksBefore = await taskCount();
    const stranger = (await signedIn(t.app, t.db, "manager")).session;
    const audits = await auditCount(t.db);
    for (const session of [ownerOfficer, stranger]) {
      const res = await call(t.app, session, "POST", `/api/v1/commitments/${c.id}/convert-to-task`, {});
      expect(res.statusCode).toBe(403);
    }
    expect(await stored(c.id)).toEqual(before);
    expect(await taskCount()).toBe(tasksBefore);
    expect(await auditCount(t.db)).toBe(audits);
  });
});

describe("status steps", () => {
  it("open → in progress → done by the owner agency; dropping needs a reason; reopening is the meeting manager's", async () => {
    const c = await buildCommitment(t.db, { agencyId: meetingAgency.id, ownerAgencyId: ownerAgency.id });
    const step = (s: Session, action: string, body: object = {}) =>
      call(t.app, s, "POST", `/api/v1/commitments/${c.id}/${action}`, body);
    expect((await step(ownerOfficer, "start")).json().data.status).toBe("in_progress");
    expect((await step(ownerOfficer, "start")).statusCode).toBe(409);
    const before = await stored(c.id);
    const noReason = await step(ownerOfficer, "drop");
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: "reason_required", fields: [{ field: "reason" }] });
    expect(await stored(c.id)).toEqual(before);
    const dropped = await step(ownerOfficer, "drop", { reason: "أُدرج ضمن خطة أخرى" });
    expect(dropped.json().data).toMatchObject({ status: "dropped", statusReason: "أُدرج ضمن خطة أخرى" });
    // The owner's officer may not reopen; the meeting agency's manager may, with a reason.
    expect((await step(ownerOfficer, "reopen", { reason: "خطأ" })).statusCode).toBe(403);
    expect((await step(meetingManager, "reopen")).statusCode).toBe(400);
    const reopened = await step(meetingManager, "reopen", { reason: "لم يُدرج بعد" });
    expect(reopened.json().data.status).toBe("open");
    expect((await step(ownerManager, "complete")).json().data.status).toBe("done");
    expect(await eventsOf(c.id)).toEqual([
      "commitment.create",
      "commitment.start",
      "commitment.drop",
      "commitment.reopen",
      "commitment.complete",
    ]);
  });

  it("edits text, owner and due date by the meeting's managers; the new owner agency is told", async () => {
    const c = await buildCommitment(t.db, { agencyId: meetingAgency.id });
    const other = await buildAgency(t.db);
    const { user } = await signedIn(t.app, t.db, "officer", other.id);
    const res = await call(t.app, meetingManager, "PATCH", `/api/v1/commitments/${c.id}`, {
      ownerAgencyId: other.id,
      dueOn: "2027-01-15",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ ownerAgencyId: other.id, dueOn: "2027-01-15" });
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, user.id), eq(notifications.entityId, c.id)));
    expect(told.map((n) => n.kind)).toEqual(["commitment_assigned"]);
    expect(
      (await call(t.app, ownerManager, "PATCH", `/api/v1/commitments/${c.id}`, { text: "س" })).statusCode,
    ).toBe(403);
  });
});

describe("follow-up lists", () => {
  it("lists overdue and due-soon commitments per owner agency and region-wide, with counts", async () => {
    const owner = await buildAgency(t.db);
    const { session } = await signedIn(t.app, t.db, "officer", owner.id);
    // TEST_NOW is 2026-11-29.
    const late = await buildCommitment(t.db, { ownerAgencyId: owner.id, dueOn: "2026-11-20" });
    const soon = await buildCommitment(t.db, { ownerAgencyId: owner.id, dueOn: "2026-12-03" });
    const later = await buildCommitment(t.db, { ownerAgencyId: owner.id, dueOn: "2027-02-01" });
    await buildCommitment(t.db, { ownerAgencyId: owner.id, dueOn: "2026-11-01", status: "done" });
    const hidden = await buildCommitment(t.db, { sensitivity: "restricted", dueOn: "2026-11-20" });
    const ids = async (q: string) => {
      const res = await call(t.app, session, "GET", `/api/v1/commitments?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().data.map((c: { id: string }) => c.id);
    };
    expect(await ids(`ownerAgencyId=${owner.id}&due=overdue`)).toEqual([late.id]);
    expect(await ids(`ownerAgencyId=${owner.id}&due=dueSoon`)).toEqual([soon.id]);
    expect(await ids(`ownerAgencyId=${owner.id}&status=open_any`)).toEqual([late.id, soon.id, later.id]);
    expect(await ids(`ownerAgencyId=${owner.id}&status=open_any&sort=dueOn&dir=desc`)).toEqual([
      later.id,
      soon.id,
      late.id,
    ]);
    const region = await ids("due=overdue&pageSize=100");
    expect(region).toContain(late.id);
    expect(region).not.toContain(hidden.id);
    const overdue = (await call(t.app, session, "GET", "/api/v1/commitments?due=overdue&pageSize=1")).json();
    expect(overdue.page.pageSize).toBe(1);
    expect(overdue.data[0].isOverdue).toBe(true);
    const counts = (await call(t.app, session, "GET", "/api/v1/commitments/due-counts")).json().data;
    expect(counts.find((r: { ownerAgencyId: string }) => r.ownerAgencyId === owner.id)).toEqual({
      ownerAgencyId: owner.id,
      open: 3,
      overdue: 1,
      dueSoon: 1,
    });
    // Search by reference and text.
    expect(await ids(`q=${encodeURIComponent(late.reference)}`)).toEqual([late.id]);
  });

  it("the owner agency sees its commitment of a restricted meeting, but not the meeting", async () => {
    const owner = await buildAgency(t.db);
    const { session } = await signedIn(t.app, t.db, "officer", owner.id);
    const c = await buildCommitment(t.db, { ownerAgencyId: owner.id, sensitivity: "restricted" });
    const res = await call(t.app, session, "GET", `/api/v1/commitments/${c.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().data.meeting).toBeNull();
    expect((await call(t.app, session, "GET", `/api/v1/meetings/${c.meetingId}`)).statusCode).toBe(404);
    const { session: observer } = await signedIn(t.app, t.db, "observer", owner.id);
    expect((await call(t.app, observer, "GET", `/api/v1/commitments/${c.id}`)).statusCode).toBe(404);
  });
});

describe("due sweep", () => {
  it("notifies the owner agency once per commitment and condition, however often it runs", async () => {
    const owner = await buildAgency(t.db);
    const { user } = await signedIn(t.app, t.db, "officer", owner.id);
    const late = await buildCommitment(t.db, { ownerAgencyId: owner.id, dueOn: "2026-11-25" });
    const soon = await buildCommitment(t.db, { ownerAgencyId: owner.id, dueOn: "2026-12-01" });
    const done = await buildCommitment(t.db, {
      ownerAgencyId: owner.id,
      dueOn: "2026-11-25",
      status: "done",
    });
    const mine = async (kind: string, id: string) =>
      (
        await t.db
          .select({ n: count() })
          .from(notifications)
          .where(
            and(
              eq(notifications.userId, user.id),
              eq(notifications.kind, kind as "commitment_overdue"),
              eq(notifications.entityId, id),
            ),
          )
      )[0]?.n;
    t.clock.set("2026-11-29T06:00:00Z");
    const first = await sweepDueCommitments(t.db, t.clock.now());
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    t.clock.set("2026-11-29T21:00:00Z");
    expect(await sweepDueCommitments(t.db, t.clock.now())).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await mine("commitment_overdue", late.id)).toBe(1);
    expect(await mine("commitment_due_soon", soon.id)).toBe(1);
    expect(await mine("commitment_overdue", done.id)).toBe(0);
    // Once past due, the due-soon one gets one overdue notice, and no more.
    t.clock.set("2026-12-03T08:00:00Z");
    await sweepDueCommitments(t.db, t.clock.now());
    await sweepDueCommitments(t.db, t.clock.now());
    expect(await mine("commitment_due_soon", soon.id)).toBe(1);
    expect(await mine("commitment_overdue", soon.id)).toBe(1);
    expect(await mine("commitment_overdue", late.id)).toBe(1);
    t.clock.set("2026-11-29T08:00:00.000Z");
  });
});
