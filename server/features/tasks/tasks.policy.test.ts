import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe } from "vitest";
import type { Role } from "../../../common/enums";
import { createTestApp, type TestApp } from "../../test/app";
import { buildTask, buildUser } from "../../test/factories";
import {
  relationMatrix,
  type RelationAction,
  type RelationArrange,
  type RelationOutcome,
} from "../../test/matrix";
import { taskSupports, taskUpdates, tasks } from "./tasks.table";

// Relations of the actor's agency to the task: lead; supporting; other.
// Cells: [lead internal, lead restricted, supporting internal, supporting restricted, other internal, other restricted].
const RELATIONS = ["lead", "supporting", "other"] as const;
const all = (o: RelationOutcome): RelationOutcome[] => [o, o, o, o, o, o];
const leadOnly: RelationOutcome[] = ["ok", "ok", 403, 403, 403, 404];
const staff = (cells: RelationOutcome[]): Record<Role, RelationOutcome[]> => ({
  admin: all(403),
  leadership: all("ok"),
  manager: cells,
  officer: cells,
  observer: all(403),
  trainer: all(403),
});

const spec: Record<string, Record<Role, RelationOutcome[]>> = {
  read: {
    admin: ["ok", "ok", "ok", "ok", "ok", 404],
    leadership: all("ok"),
    manager: ["ok", "ok", "ok", "ok", "ok", 404],
    officer: ["ok", "ok", "ok", "ok", "ok", 404],
    observer: ["ok", 404, "ok", 404, "ok", 404],
    trainer: ["ok", "ok", "ok", "ok", "ok", 404],
  },
  create: staff(["ok", "ok", 403, 403, 403, 403]),
  update: staff(leadOnly),
  assign: staff(leadOnly),
  block: staff(leadOnly),
  manageSupports: staff(leadOnly),
  comment: staff(["ok", "ok", "ok", "ok", 403, 404]),
  contribute: staff([403, 403, "ok", "ok", 403, 404]),
  reopen: {
    ...staff(leadOnly),
    officer: ["403:not_reopenable", "403:not_reopenable", 403, 403, 403, 404],
  },
};

/** lead: led by the actor's agency; supporting: led by another, supported by the actor's; other: neither. */
async function arrangeTask(t: TestApp, a: RelationArrange, status: "todo" | "done" = "todo") {
  const lead = a.relation === "lead" ? a.actorAgency : a.otherAgency;
  const supportIds = a.relation === "supporting" ? [a.actorAgency.id, a.thirdAgency.id] : [a.thirdAgency.id];
  return buildTask(t.db, { agencyId: lead.id, supportIds, sensitivity: a.sensitivity, status });
}

const snapshot = (t: TestApp, id: string) => async () => ({
  task: (await t.db.select().from(tasks).where(eq(tasks.id, id)))[0],
  supports: await t.db.select().from(taskSupports).where(eq(taskSupports.taskId, id)),
  timeline: (await t.db.select({ n: count() }).from(taskUpdates).where(eq(taskUpdates.taskId, id)))[0],
});

let n = 0;
const actions: Record<string, RelationAction> = {
  read: {
    request: async (t, a) => ({ method: "GET", url: `/api/v1/tasks/${(await arrangeTask(t, a)).id}` }),
  },
  create: {
    request: async (t, a) => {
      const titleAr = `مهمة تفتيش ${++n}`;
      const lead = a.relation === "lead" ? a.actorAgency : a.otherAgency;
      const supports =
        a.relation === "supporting" ? [{ agencyId: a.actorAgency.id, contribution: "دوريات" }] : [];
      return {
        method: "POST",
        url: "/api/v1/tasks",
        body: { titleAr, agencyId: lead.id, supports, sensitivity: a.sensitivity, dueOn: "2026-12-15" },
        snapshot: async () =>
          (await t.db.select({ n: count() }).from(tasks).where(eq(tasks.titleAr, titleAr)))[0],
      };
    },
  },
  update: {
    request: async (t, a) => {
      const task = await arrangeTask(t, a);
      return {
        method: "PATCH",
        url: `/api/v1/tasks/${task.id}`,
        body: { progress: 40 },
        snapshot: snapshot(t, task.id),
      };
    },
  },
  assign: {
    request: async (t, a) => {
      const task = await arrangeTask(t, a);
      // Someone of the lead agency: an assignment that changes the task wherever it is allowed.
      const assignee =
        a.relation === "lead"
          ? a.actor
          : await buildUser(t.db, { role: "officer", agencyId: a.otherAgency.id });
      return {
        method: "POST",
        url: `/api/v1/tasks/${task.id}/assign`,
        body: { assigneeId: assignee.id },
        snapshot: snapshot(t, task.id),
      };
    },
  },
  block: {
    request: async (t, a) => {
      const task = await arrangeTask(t, a);
      return {
        method: "POST",
        url: `/api/v1/tasks/${task.id}/status`,
        body: { status: "blocked", reason: "بانتظار الآليات" },
        snapshot: snapshot(t, task.id),
      };
    },
  },
  manageSupports: {
    request: async (t, a) => {
      const task = await arrangeTask(t, a);
      return {
        method: "PUT",
        url: `/api/v1/tasks/${task.id}/supports`,
        body: { supports: [] },
        snapshot: snapshot(t, task.id),
      };
    },
  },
  comment: {
    request: async (t, a) => {
      const task = await arrangeTask(t, a);
      return {
        method: "POST",
        url: `/api/v1/tasks/${task.id}/comments`,
        body: { body: "تم التنسيق" },
        snapshot: snapshot(t, task.id),
      };
    },
  },
  contribute: {
    request: async (t, a) => {
      const task = await arrangeTask(t, a);
      const agencyId = a.relation === "supporting" ? a.actorAgency.id : a.thirdAgency.id;
      return {
        method: "PATCH",
        url: `/api/v1/tasks/${task.id}/contributions/${agencyId}`,
        body: { status: "in_progress", note: "بدأنا" },
        snapshot: snapshot(t, task.id),
      };
    },
  },
  reopen: {
    request: async (t, a) => {
      const task = await arrangeTask(t, a, "done");
      return {
        method: "POST",
        url: `/api/v1/tasks/${task.id}/status`,
        body: { status: "in_progress", reason: "ظهرت حالات جديدة" },
        snapshot: snapshot(t, task.id),
      };
    },
  },
};

describe("tasks permission matrix (role × lead/supporting/other × internal/restricted × action)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());
  relationMatrix(() => t, RELATIONS, spec, actions);
});
