import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, type TestApp } from "../test/app";
import { buildAgency, signedIn } from "../test/factories";
import { openSse } from "../test/sse";

// The live stream sends each client only changes to records it may read: a restricted task's id reaches its
// agency and leadership, never another agency's staff or an observer.
describe("live stream per client", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    await t.app.live.ready;
  });
  afterAll(() => t.close());

  it("a restricted task's change reaches its agency and leadership, not another agency or an observer", async () => {
    const home = await buildAgency(t.db);
    const other = await buildAgency(t.db);
    const { session: writer } = await signedIn(t.app, t.db, "officer", home.id);
    const { session: colleague } = await signedIn(t.app, t.db, "manager", home.id);
    const { session: outsider } = await signedIn(t.app, t.db, "officer", other.id);
    const { session: observer } = await signedIn(t.app, t.db, "observer", home.id);
    const { session: leadership } = await signedIn(t.app, t.db, "leadership", other.id);
    const { port } = t.app.server.address() as AddressInfo;
    const streams = {
      colleague: await openSse(port, "/api/v1/live", colleague.cookie),
      outsider: await openSse(port, "/api/v1/live", outsider.cookie),
      observer: await openSse(port, "/api/v1/live", observer.cookie),
      leadership: await openSse(port, "/api/v1/live", leadership.cookie),
    };
    try {
      const hidden = await call(t.app, writer, "POST", "/api/v1/tasks", {
        titleAr: "مهمة مقيدة للبث",
        agencyId: home.id,
        sensitivity: "restricted",
      });
      expect(hidden.statusCode, hidden.body).toBe(201);
      const open = await call(t.app, writer, "POST", "/api/v1/tasks", {
        titleAr: "مهمة عامة للبث",
        agencyId: home.id,
      });
      expect(open.statusCode, open.body).toBe(201);
      const hiddenId: string = hidden.json().data.id;
      const openId: string = open.json().data.id;
      const about = (id: string) => (e: { data: string }) => e.data.includes(id);
      // Everyone hears the internal task, which was changed after the restricted one (events keep their order).
      for (const s of Object.values(streams)) await s.next(about(openId), 10_000);
      await streams.colleague.next(about(hiddenId), 1_000);
      await streams.leadership.next(about(hiddenId), 1_000);
      await expect(streams.outsider.next(about(hiddenId), 300)).rejects.toThrow("no matching event");
      await expect(streams.observer.next(about(hiddenId), 300)).rejects.toThrow("no matching event");
    } finally {
      for (const s of Object.values(streams)) s.close();
    }
  });

  it("a new notification reaches its recipient's stream alone, naming only the recipient", async () => {
    const home = await buildAgency(t.db);
    const { session: writer } = await signedIn(t.app, t.db, "manager", home.id);
    const { user: assignee, session: assigneeSession } = await signedIn(t.app, t.db, "officer", home.id);
    const { session: colleague } = await signedIn(t.app, t.db, "officer", home.id);
    const { port } = t.app.server.address() as AddressInfo;
    const mine = await openSse(port, "/api/v1/live", assigneeSession.cookie);
    const theirs = await openSse(port, "/api/v1/live", colleague.cookie);
    try {
      const task = await call(t.app, writer, "POST", "/api/v1/tasks", {
        titleAr: "مهمة للإسناد",
        agencyId: home.id,
      });
      expect(task.statusCode, task.body).toBe(201);
      const assign = await call(t.app, writer, "POST", `/api/v1/tasks/${task.json().data.id}/assign`, {
        assigneeId: assignee.id,
      });
      expect(assign.statusCode, assign.body).toBe(200);
      const isNotification = (e: { data: string }) => e.data.includes('"notification"');
      const event = await mine.next(isNotification, 10_000);
      expect(JSON.parse(event.data)).toEqual({ entity: "notification", id: assignee.id });
      // The colleague heard the task change (so its stream is current) but no notification.
      await theirs.next((e) => e.data.includes(task.json().data.id), 5_000);
      await expect(theirs.next(isNotification, 300)).rejects.toThrow("no matching event");
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it("sharing a restricted task tells the partner agency's open pages at once; the third agency hears nothing", async () => {
    const home = await buildAgency(t.db);
    const partner = await buildAgency(t.db);
    const third = await buildAgency(t.db);
    const { session: writer } = await signedIn(t.app, t.db, "manager", home.id);
    const { session: partnerSession } = await signedIn(t.app, t.db, "officer", partner.id);
    const { session: thirdSession } = await signedIn(t.app, t.db, "officer", third.id);
    const { port } = t.app.server.address() as AddressInfo;
    const task = await call(t.app, writer, "POST", "/api/v1/tasks", {
      titleAr: "مهمة مقيدة للمشاركة",
      agencyId: home.id,
      sensitivity: "restricted",
    });
    expect(task.statusCode, task.body).toBe(201);
    const id: string = task.json().data.id;
    const theirs = await openSse(port, "/api/v1/live", partnerSession.cookie);
    const others = await openSse(port, "/api/v1/live", thirdSession.cookie);
    try {
      const shared = await call(t.app, writer, "PUT", `/api/v1/shares/tasks/${id}`, {
        agencyIds: [partner.id],
      });
      expect(shared.statusCode, shared.body).toBe(200);
      const event = await theirs.next((e) => e.data.includes(id), 10_000);
      expect(JSON.parse(event.data)).toMatchObject({ entity: "task", id });
      await expect(others.next((e) => e.data.includes(id), 300)).rejects.toThrow("no matching event");
    } finally {
      theirs.close();
      others.close();
    }
  });
});
