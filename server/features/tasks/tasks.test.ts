import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, call, type TestApp } from "../../test/app";
import { auditCount, buildAgency, buildPlan, buildTask, signedIn } from "../../test/factories";
import { notifications } from "../../notifications/notifications.table";
import { sweepDueTasks } from "./sweep-due-tasks";
import { taskUpdates, tasks } from "./tasks.table";

describe("tasks: workflow, contributions, visibility, sweep", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());

  const stored = async (id: string) => (await t.db.select().from(tasks).where(eq(tasks.id, id)))[0];

  it("refuses blocked or cancelled without a reason, bilingually, and changes nothing", async () => {
    const lead = await buildAgency(t.db);
    const { session } = await signedIn(t.app, t.db, "officer", lead.id);
    const task = await buildTask(t.db, { agencyId: lead.id });
    for (const status of ["blocked", "cancelled"]) {
      const before = await stored(task.id);
      const audits = await auditCount(t.db);
      const ar = await call(t.app, session, "POST", `/api/v1/tasks/${task.id}/status`, { status });
      expect(ar.statusCode).toBe(400);
      expect(ar.json().error).toMatchObject({
        code: "reason_required",
        message: expect.stringContaining("السبب"),
      });
      const en = await t.app.inject({
        method: "POST",
        url: `/api/v1/tasks/${task.id}/status`,
        headers: { cookie: session.cookie },
        payload: { status, reason: "" },
      });
      expect(en.json().error.code).toBe("reason_required");
      expect(await stored(task.id)).toEqual(before);
      expect(await auditCount(t.db)).toBe(audits);
    }
  });

  it("refuses an invalid transition and a reopen without the right, in the user's language", async () => {
    const lead = await buildAgency(t.db);
    const { session } = await signedIn(t.app, t.db, "officer", lead.id);
    const done = await buildTask(t.db, { agencyId: lead.id, status: "done" });
    const audits = await auditCount(t.db);
    const blocked = await call(t.app, session, "POST", `/api/v1/tasks/${done.id}/status`, {
      status: "blocked",
      reason: "x",
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe("invalid_transition");
    const reopen = await call(t.app, session, "POST", `/api/v1/tasks/${done.id}/status`, {
      status: "todo",
      reason: "عودة",
    });
    expect(reopen.statusCode).toBe(403);
    expect(reopen.json().error).toMatchObject({
      code: "not_reopenable",
      message: expect.stringContaining("إعادة فتح"),
    });
    expect((await stored(done.id))?.status).toBe("done");
    expect(await auditCount(t.db)).toBe(audits);

    // The same refusal in English for an English-speaking user.
    await call(t.app, session, "PATCH", "/api/auth/preferences", { language: "en" });
    const english = await call(t.app, session, "POST", `/api/v1/tasks/${done.id}/status`, {
      status: "todo",
      reason: "again",
    });
    expect(english.json().error.message).toContain("Only the lead agency's manager");

    // The lead agency's manager reopens, with a reason.
    const { session: manager } = await signedIn(t.app, t.db, "manager", lead.id);
    const noReason = await call(t.app, manager, "POST", `/api/v1/tasks/${done.id}/status`, {
      status: "todo",
    });
    expect(noReason.json().error.code).toBe("reason_required");
    const ok = await call(t.app, manager, "POST", `/api/v1/tasks/${done.id}/status`, {
      status: "todo",
      reason: "ظهرت حالات",
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data).toMatchObject({ status: "todo", statusReason: "ظهرت حالات" });
  });

  it("runs the workflow, keeps a timeline and rolls progress up to the plan", async () => {
    const lead = await buildAgency(t.db);
    const helper = await buildAgency(t.db);
    const plan = await buildPlan(t.db, { agencyId: lead.id, status: "active" });
    const { user, session } = await signedIn(t.app, t.db, "officer", lead.id);
    const { session: helperSession } = await signedIn(t.app, t.db, "officer", helper.id);
    const created = await call(t.app, session, "POST", "/api/v1/tasks", {
      titleAr: "تأمين منفذ أمساعد",
      agencyId: lead.id,
      planId: plan.id,
      assigneeId: user.id,
      dueOn: "2026-12-31",
      supports: [{ agencyId: helper.id, contribution: "دوريات مشتركة" }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.id as string;
    await buildTask(t.db, { agencyId: lead.id, planId: plan.id });
    expect(
      (await call(t.app, session, "POST", `/api/v1/tasks/${id}/status`, { status: "in_progress" }))
        .statusCode,
    ).toBe(200);
    expect((await call(t.app, session, "PATCH", `/api/v1/tasks/${id}`, { progress: 60 })).statusCode).toBe(
      200,
    );
    const contribution = await call(
      t.app,
      helperSession,
      "PATCH",
      `/api/v1/tasks/${id}/contributions/${helper.id}`,
      {
        status: "done",
        note: "نُفذت الدوريات",
      },
    );
    expect(contribution.json().data.supports[0]).toMatchObject({ status: "done", note: "نُفذت الدوريات" });
    // The helper may not touch the task itself.
    expect(
      (await call(t.app, helperSession, "PATCH", `/api/v1/tasks/${id}`, { progress: 99 })).statusCode,
    ).toBe(403);
    const planPage = await call(t.app, session, "GET", `/api/v1/plans/${plan.id}`);
    expect(planPage.json().data).toMatchObject({ progress: 30, taskCount: 2 });
    const history = await call(t.app, session, "GET", `/api/v1/tasks/${id}/timeline`);
    expect(history.json().data.map((u: { kind: string }) => u.kind)).toEqual([
      "created",
      "status",
      "progress",
      "contribution",
    ]);
  });

  it("hides restricted tasks from other agencies in lists, counts and boards, and shows them to supporters", async () => {
    const lead = await buildAgency(t.db);
    const helper = await buildAgency(t.db);
    const stranger = await buildAgency(t.db);
    await buildTask(t.db, {
      agencyId: lead.id,
      supportIds: [helper.id],
      sensitivity: "restricted",
      dueOn: "2026-11-01",
    });
    const { session: helperSession } = await signedIn(t.app, t.db, "officer", helper.id);
    const { session: strangerSession } = await signedIn(t.app, t.db, "manager", stranger.id);
    const { session: observer } = await signedIn(t.app, t.db, "observer", helper.id);
    const list = (s: typeof helperSession) =>
      call(t.app, s, "GET", `/api/v1/tasks?agencyId=${lead.id}&role=lead`);
    expect((await list(helperSession)).json().page.total).toBe(1);
    expect((await list(strangerSession)).json().page.total).toBe(0);
    expect((await list(observer)).json().page.total).toBe(0);
    const board = await call(t.app, strangerSession, "GET", `/api/v1/tasks/board?agencyId=${lead.id}`);
    expect(board.json().data).toMatchObject({ overdue: 0, lead: { todo: 0 } });
    const overdue = await call(t.app, strangerSession, "GET", "/api/v1/tasks?due=overdue");
    expect(overdue.json().data.every((x: { agencyId: string }) => x.agencyId !== lead.id)).toBe(true);
    const helperBoard = await call(t.app, helperSession, "GET", `/api/v1/tasks/board?agencyId=${helper.id}`);
    expect(helperBoard.json().data.support.todo).toBe(1);
    // The board's overdue card counts what its list holds: the task the helper supports is overdue work of its own.
    expect(helperBoard.json().data.overdue).toBe(1);
    const helperOverdue = await call(
      t.app,
      helperSession,
      "GET",
      `/api/v1/tasks?agencyId=${helper.id}&due=overdue`,
    );
    expect(helperOverdue.json().page.total).toBe(helperBoard.json().data.overdue);
  });

  it("due lists of what an agency leads or supports follow the task's due day and status", async () => {
    const [lead, supporter, later] = [
      await buildAgency(t.db),
      await buildAgency(t.db),
      await buildAgency(t.db),
    ];
    const { session } = await signedIn(t.app, t.db, "manager", lead.id);
    const task = await buildTask(t.db, {
      agencyId: lead.id,
      supportIds: [supporter.id],
      dueOn: "2026-11-20",
    });
    const led = await buildTask(t.db, { agencyId: supporter.id, dueOn: "2026-11-01" });
    const ids = async (agencyId: string, due: string, role = "any") =>
      (
        await call(t.app, session, "GET", `/api/v1/tasks?agencyId=${agencyId}&due=${due}&role=${role}`)
      ).json() as { data: { id: string }[]; page: { total: number } };
    const list = async (agencyId: string, due: string, role?: string) =>
      (await ids(agencyId, due, role)).data.map((x) => x.id).sort();

    expect(await list(supporter.id, "overdue")).toEqual([task.id, led.id].sort());
    expect((await ids(supporter.id, "overdue")).page.total).toBe(2);
    expect(await list(supporter.id, "overdue", "support")).toEqual([task.id]);
    // Paged by due day across both sides: the older one first, then the other; descending the other way round.
    for (const [dir, page, want] of [
      ["asc", 1, led.id],
      ["asc", 2, task.id],
      ["desc", 1, task.id],
      ["desc", 2, led.id],
    ] as const) {
      const r = await call(
        t.app,
        session,
        "GET",
        `/api/v1/tasks?agencyId=${supporter.id}&due=overdue&pageSize=1&page=${page}&dir=${dir}`,
      );
      expect(r.json(), `${dir} page ${page}`).toMatchObject({ data: [{ id: want }], page: { total: 2 } });
    }
    // Past the last page: no rows, the total still right (with and without other filters).
    for (const extra of ["", "&priority=normal"]) {
      const past = await call(
        t.app,
        session,
        "GET",
        `/api/v1/tasks?agencyId=${supporter.id}&due=overdue&pageSize=1&page=5${extra}`,
      );
      expect(past.json(), extra).toMatchObject({ data: [], page: { total: 2 } });
    }
    // The same where the total comes from the rollup with the page (led by one agency; the region's).
    const pastLed = await call(
      t.app,
      session,
      "GET",
      `/api/v1/tasks?agencyId=${supporter.id}&due=overdue&role=lead&pageSize=1&page=5`,
    );
    expect(pastLed.json()).toMatchObject({ data: [], page: { total: 1 } });
    const region = (await call(t.app, session, "GET", "/api/v1/tasks?due=overdue&pageSize=1")).json();
    expect(region.page.total).toBeGreaterThanOrEqual(2);
    const pastRegion = await call(t.app, session, "GET", "/api/v1/tasks?due=overdue&pageSize=1&page=999");
    expect(pastRegion.json()).toMatchObject({ data: [], page: { total: region.page.total } });
    expect(await list(supporter.id, "overdue", "lead")).toEqual([led.id]);

    // New due day (TEST_NOW is 2026-11-29): out of the overdue list, into "due within 7 days", for the supporter too.
    expect(
      (await call(t.app, session, "PATCH", `/api/v1/tasks/${task.id}`, { dueOn: "2026-12-02" })).statusCode,
    ).toBe(200);
    expect(await list(supporter.id, "overdue")).toEqual([led.id]);
    expect(await list(supporter.id, "dueSoon")).toEqual([task.id]);

    // A supporter added later finds it at once; a cancelled task leaves every due list.
    const put = await call(t.app, session, "PUT", `/api/v1/tasks/${task.id}/supports`, {
      supports: [
        { agencyId: supporter.id, contribution: "دعم" },
        { agencyId: later.id, contribution: "دوريات" },
      ],
    });
    expect(put.statusCode).toBe(200);
    expect(await list(later.id, "dueSoon")).toEqual([task.id]);
    const cancel = await call(t.app, session, "POST", `/api/v1/tasks/${task.id}/status`, {
      status: "cancelled",
      reason: "أُلغيت",
    });
    expect(cancel.statusCode).toBe(200);
    expect(await list(later.id, "dueSoon")).toEqual([]);
    expect(await list(supporter.id, "dueSoon")).toEqual([]);
  });

  it("the sweep run twice on the same day notifies once per task and condition", async () => {
    const lead = await buildAgency(t.db);
    const { user } = await signedIn(t.app, t.db, "officer", lead.id);
    const late = await buildTask(t.db, { agencyId: lead.id, assigneeId: user.id, dueOn: "2026-11-20" });
    const soon = await buildTask(t.db, { agencyId: lead.id, assigneeId: user.id, dueOn: "2026-12-01" });
    await buildTask(t.db, { agencyId: lead.id, assigneeId: user.id, dueOn: "2026-12-25" }); // not yet
    await buildTask(t.db, { agencyId: lead.id, assigneeId: user.id, dueOn: "2026-11-10", status: "done" });
    const mine = async (kind: "task_overdue" | "task_due_soon", taskId: string) =>
      (
        await t.db
          .select({ n: count() })
          .from(notifications)
          .where(
            and(
              eq(notifications.userId, user.id),
              eq(notifications.kind, kind),
              eq(notifications.entityId, taskId),
            ),
          )
      )[0]?.n;
    t.clock.set("2026-11-29T06:00:00Z");
    const first = await sweepDueTasks(t.db, t.clock.now());
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    t.clock.set("2026-11-29T21:00:00Z"); // later the same day in Tripoli (23:00)
    const second = await sweepDueTasks(t.db, t.clock.now());
    expect(second).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await mine("task_overdue", late.id)).toBe(1);
    expect(await mine("task_due_soon", soon.id)).toBe(1);
    // The next day the due-soon task is still due soon: no second notice; once past due, one overdue notice.
    t.clock.set("2026-12-02T08:00:00Z");
    await sweepDueTasks(t.db, t.clock.now());
    await sweepDueTasks(t.db, t.clock.now());
    expect(await mine("task_due_soon", soon.id)).toBe(1);
    expect(await mine("task_overdue", soon.id)).toBe(1);
    expect(await mine("task_overdue", late.id)).toBe(1);
    t.clock.set("2026-11-29T08:00:00.000Z");
  });

  it("notifies in the app: bell count, list, mark read", async () => {
    const lead = await buildAgency(t.db);
    const { user, session } = await signedIn(t.app, t.db, "officer", lead.id);
    const { session: manager } = await signedIn(t.app, t.db, "manager", lead.id);
    const created = await call(t.app, manager, "POST", "/api/v1/tasks", {
      titleAr: "مهمة",
      agencyId: lead.id,
      assigneeId: user.id,
    });
    expect(created.statusCode).toBe(201);
    const unread = await call(t.app, session, "GET", "/api/v1/notifications/unread");
    expect(unread.json().data.unread).toBe(1);
    const list = await call(t.app, session, "GET", "/api/v1/notifications");
    expect(list.json().data[0]).toMatchObject({ kind: "task_assigned", entityId: created.json().data.id });
    const read = await call(t.app, session, "POST", "/api/v1/notifications/read", { all: true });
    expect(read.json().data.unread).toBe(0);
    const settings = await call(t.app, session, "GET", "/api/v1/notifications/settings");
    expect(settings.json().data).toMatchObject({ smtpConfigured: false, emailEnabled: true });
    const timeline = await t.db
      .select()
      .from(taskUpdates)
      .where(eq(taskUpdates.taskId, created.json().data.id));
    expect(timeline).toHaveLength(1);
  });
});
