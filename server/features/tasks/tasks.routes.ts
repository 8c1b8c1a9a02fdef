import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "../../../common/schemas/base";
import {
  BoardQuery,
  BoardResponse,
  ContributionBody,
  TaskAssignBody,
  TaskCommentBody,
  TaskContributionParams,
  TaskCreateBody,
  TaskDetailResponse,
  TaskListQuery,
  TaskListResponse,
  TaskResponse,
  TaskStatusBody,
  TaskSupportsBody,
  TaskTimelineResponse,
  TaskUpdateBody,
} from "../../../common/schemas/tasks";
import type { Actor } from "../../authz/actor";
import { authorize } from "../../authz/engine";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { originOf } from "../../links/record-links";
import { actorOf, ctxOf } from "../../http/context";
import { pageOf } from "../../http/pagination";
import { findPlan } from "../plans/plans.queries";
import { changeTaskStatus } from "./change-task-status";
import { createTask } from "./create-task";
import { contributionsPolicy, mayCreateTask, tasksPolicy } from "./tasks.policy";
import { presentTask, presentUpdate } from "./tasks.present";
import { agencyBoard, findTask, listTasks, timeline } from "./tasks.queries";
import { commentOnTask, updateContribution } from "./update-contribution";
import { assignTask, setSupports, updateTask } from "./update-task";

/** Who may create a task: leadership; staff of the lead agency; the managers of the plan's owner agency. */
/** Permission first (tasks.policy), then the plan's state: no new task in an archived plan. */
async function authorizeCreate(db: Db, actor: Actor, body: TaskCreateBody) {
  const plan = body.planId ? await findPlan(db, actor, body.planId) : null;
  if (!mayCreateTask(actor, { agencyId: body.agencyId, plan })) throw new AppError("forbidden");
  if (plan && plan.status === "archived") throw new AppError("conflict");
}

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const now = () => app.clock.now();

  app.get(
    "/api/v1/tasks",
    {
      schema: { querystring: TaskListQuery, response: { 200: TaskListResponse } },
      config: { policy: "tasks.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listTasks(app.db, actor, request.query, now());
      return { data: rows.map((r) => presentTask(r, actor, now())), page: pageOf(request.query, total) };
    },
  );

  app.get(
    "/api/v1/tasks/board",
    {
      schema: { querystring: BoardQuery, response: { 200: BoardResponse } },
      config: { policy: "tasks.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      return { data: await agencyBoard(app.db, actor, request.query.agencyId ?? actor.agencyId, now()) };
    },
  );

  app.get(
    "/api/v1/tasks/:id",
    { schema: { params: IdParams, response: { 200: TaskDetailResponse } }, config: { policy: "tasks.read" } },
    async (request) => {
      const actor = actorOf(request);
      const task = await findTask(app.db, actor, request.params.id);
      const origin = await originOf(app.db, actor, "task", task.id);
      return { data: { ...presentTask(task, actor, now()), origin } };
    },
  );

  app.get(
    "/api/v1/tasks/:id/timeline",
    {
      schema: { params: IdParams, response: { 200: TaskTimelineResponse } },
      config: { policy: "tasks.read" },
    },
    async (request) => {
      const task = await findTask(app.db, actorOf(request), request.params.id);
      return { data: (await timeline(app.db, task.id)).map(presentUpdate) };
    },
  );

  app.post(
    "/api/v1/tasks",
    { schema: { body: TaskCreateBody, response: { 201: TaskResponse } }, config: { policy: "tasks.create" } },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        await authorizeCreate(tx, actor, request.body);
        return createTask(tx, ctxOf(app, request), request.body);
      });
      return reply.status(201).send({ data: presentTask(row, actor, now()) });
    },
  );

  app.patch(
    "/api/v1/tasks/:id",
    {
      schema: { params: IdParams, body: TaskUpdateBody, response: { 200: TaskResponse } },
      config: { policy: "tasks.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const task = await findTask(tx, actor, request.params.id, { forUpdate: true });
        authorize(actor, tasksPolicy, "update", task);
        return updateTask(tx, ctxOf(app, request), task, request.body);
      });
      return { data: presentTask(row, actor, now()) };
    },
  );

  app.post(
    "/api/v1/tasks/:id/status",
    {
      schema: { params: IdParams, body: TaskStatusBody, response: { 200: TaskResponse } },
      config: { policy: "tasks.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const task = await findTask(tx, actor, request.params.id, { forUpdate: true });
        return changeTaskStatus(tx, ctxOf(app, request), actor, task, request.body);
      });
      return { data: presentTask(row, actor, now()) };
    },
  );

  app.post(
    "/api/v1/tasks/:id/assign",
    {
      schema: { params: IdParams, body: TaskAssignBody, response: { 200: TaskResponse } },
      config: { policy: "tasks.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const task = await findTask(tx, actor, request.params.id, { forUpdate: true });
        authorize(actor, tasksPolicy, "assign", task);
        return assignTask(tx, ctxOf(app, request), task, request.body.assigneeId);
      });
      return { data: presentTask(row, actor, now()) };
    },
  );

  app.put(
    "/api/v1/tasks/:id/supports",
    {
      schema: { params: IdParams, body: TaskSupportsBody, response: { 200: TaskResponse } },
      config: { policy: "tasks.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const task = await findTask(tx, actor, request.params.id, { forUpdate: true });
        authorize(actor, tasksPolicy, "manageSupports", task);
        return setSupports(tx, ctxOf(app, request), task, request.body);
      });
      return { data: presentTask(row, actor, now()) };
    },
  );

  app.post(
    "/api/v1/tasks/:id/comments",
    {
      schema: { params: IdParams, body: TaskCommentBody, response: { 200: TaskTimelineResponse } },
      config: { policy: "tasks.comment" },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = await app.db.transaction(async (tx) => {
        const task = await findTask(tx, actor, request.params.id);
        authorize(actor, tasksPolicy, "comment", task);
        await commentOnTask(tx, ctxOf(app, request), task, request.body.body);
        return task.id;
      });
      return { data: (await timeline(app.db, id)).map(presentUpdate) };
    },
  );

  app.patch(
    "/api/v1/tasks/:id/contributions/:agencyId",
    {
      schema: { params: TaskContributionParams, body: ContributionBody, response: { 200: TaskResponse } },
      config: { policy: "tasks.contribute" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const task = await findTask(tx, actor, request.params.id, { forUpdate: true });
        const support = task.supports.find((s) => s.agencyId === request.params.agencyId);
        if (!support) throw new AppError("not_found");
        authorize(actor, contributionsPolicy, "update", { task, support });
        return updateContribution(tx, ctxOf(app, request), task, support, request.body);
      });
      return { data: presentTask(row, actor, now()) };
    },
  );
};
