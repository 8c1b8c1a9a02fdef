import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { IdParams } from "../../../common/schemas/base";
import {
  NeedResponse,
  Problem,
  ProblemCreateBody,
  ProblemListQuery,
  ProblemListResponse,
  ProblemResponse,
  ProblemToNeedBody,
  ProblemToTaskBody,
} from "../../../common/schemas/needs";
import type { Actor } from "../../authz/actor";
import { abilitiesFor, authorize } from "../../authz/engine";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { actorOf, ctxOf } from "../../http/context";
import { matchesSearch, pageOf, pageWindow } from "../../http/pagination";
import { canFileFor, problemsPolicy, problemsVisibleTo } from "./needs.policy";
import { presentNeed } from "./needs.present";
import { problems, type ProblemRow } from "./needs.table";
import { derivedSensitivity } from "../../authz/derived";
import { closeProblem, convertProblemToNeed, createProblem, linkProblemToTask } from "./save-problem";
import { createTask, presentTask } from "../tasks";
import { TaskResponse } from "../../../common/schemas/tasks";

export function presentProblem(row: ProblemRow, actor: Actor): Problem {
  return {
    id: row.id,
    reference: row.reference,
    agencyId: row.agencyId,
    title: row.title,
    description: row.description,
    location: row.location,
    since: row.since,
    impact: row.impact,
    status: row.status,
    needId: row.needId,
    taskId: row.taskId,
    sensitivity: row.sensitivity,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, problemsPolicy, row),
  };
}

async function findProblem(db: Db, actor: Actor, id: string, forUpdate = false): Promise<ProblemRow> {
  const query = db
    .select()
    .from(problems)
    .where(and(eq(problems.id, id), problemsVisibleTo(actor)));
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw new AppError("not_found");
  return row;
}

export const problemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/problems",
    {
      schema: { querystring: ProblemListQuery, response: { 200: ProblemListResponse } },
      config: { policy: "problems.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      const where = and(
        problemsVisibleTo(actor),
        q.agencyId ? eq(problems.agencyId, q.agencyId) : undefined,
        q.status ? eq(problems.status, q.status) : undefined,
        matchesSearch(problems.searchKey, q.q),
      );
      const { limit, offset } = pageWindow(q);
      const [rows, total] = await Promise.all([
        app.db
          .select()
          .from(problems)
          .where(where)
          .orderBy(desc(problems.createdAt), desc(problems.id))
          .limit(limit)
          .offset(offset),
        app.db.$count(problems, where),
      ]);
      return { data: rows.map((r) => presentProblem(r, actor)), page: pageOf(q, total) };
    },
  );

  app.get(
    "/api/v1/problems/:id",
    { schema: { params: IdParams, response: { 200: ProblemResponse } }, config: { policy: "problems.read" } },
    async (request) => {
      const actor = actorOf(request);
      return { data: presentProblem(await findProblem(app.db, actor, request.params.id), actor) };
    },
  );

  app.post(
    "/api/v1/problems",
    {
      schema: { body: ProblemCreateBody, response: { 201: ProblemResponse } },
      config: { policy: "problems.create" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!canFileFor(actor, request.body)) throw new AppError("forbidden");
      const row = await app.db.transaction((tx) => createProblem(tx, ctxOf(app, request), request.body));
      return reply.status(201).send({ data: presentProblem(row, actor) });
    },
  );

  app.post(
    "/api/v1/problems/:id/close",
    {
      schema: { params: IdParams, response: { 200: ProblemResponse } },
      config: { policy: "problems.close" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const problem = await findProblem(tx, actor, request.params.id, true);
        authorize(actor, problemsPolicy, "close", problem);
        return closeProblem(tx, ctxOf(app, request), problem);
      });
      return { data: presentProblem(row, actor) };
    },
  );

  app.post(
    "/api/v1/problems/:id/convert-to-need",
    {
      schema: {
        params: IdParams,
        body: ProblemToNeedBody,
        response: { 201: z.object({ data: z.object({ problem: Problem, need: NeedResponse.shape.data }) }) },
      },
      config: { policy: "problems.update" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await app.db.transaction(async (tx) => {
        const problem = await findProblem(tx, actor, request.params.id, true);
        authorize(actor, problemsPolicy, "convertToNeed", problem);
        return convertProblemToNeed(tx, ctxOf(app, request), problem, request.body);
      });
      return reply.status(201).send({
        data: { problem: presentProblem(result.problem, actor), need: presentNeed(result.need, actor) },
      });
    },
  );

  app.post(
    "/api/v1/problems/:id/convert-to-task",
    {
      schema: {
        params: IdParams,
        body: ProblemToTaskBody,
        response: { 201: z.object({ data: z.object({ problem: Problem, task: TaskResponse.shape.data }) }) },
      },
      config: { policy: "problems.update" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await app.db.transaction(async (tx) => {
        const problem = await findProblem(tx, actor, request.params.id, true);
        authorize(actor, problemsPolicy, "convertToTask", problem);
        const ctx = ctxOf(app, request);
        const task = await createTask(tx, ctx, {
          ...request.body,
          titleAr: request.body.titleAr ?? problem.title,
          description: request.body.description ?? problem.description,
          agencyId: problem.agencyId,
          sensitivity: derivedSensitivity(problem, request.body.sensitivity, actor),
          planId: null,
          objectiveId: null,
        });
        return { problem: await linkProblemToTask(tx, ctx, problem, task.id), task };
      });
      return reply.status(201).send({
        data: {
          problem: presentProblem(result.problem, actor),
          task: presentTask(result.task, actor, app.clock.now()),
        },
      });
    },
  );
};
