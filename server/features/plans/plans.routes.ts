import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "../../../common/schemas/base";
import {
  IndicatorBody,
  IndicatorResponse,
  IndicatorUpdateBody,
  MeasurementBody,
  ObjectiveBody,
  ObjectiveResponse,
  ObjectiveUpdateBody,
  PlanCreateBody,
  PlanDetailResponse,
  PlanListQuery,
  PlanListResponse,
  PlanResponse,
  PlanUpdateBody,
  RegionOverviewResponse,
} from "../../../common/schemas/plans";
import type { Actor } from "../../authz/actor";
import { authorize } from "../../authz/engine";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { actorOf, ctxOf } from "../../http/context";
import { pageOf } from "../../http/pagination";
import { dueCountsByAgency } from "../tasks/tasks.queries";
import { canManagePlan, indicatorsPolicy, objectivesPolicy, plansPolicy } from "./plans.policy";
import { presentIndicator, presentObjective, presentPlan } from "./plans.present";
import {
  findIndicator,
  findObjective,
  findPlan,
  listPlans,
  planTree,
  rollupOf,
  rollups,
} from "./plans.queries";
import type { PlanRow } from "./plans.table";
import { seriesOf } from "./indicator-series";
import {
  createIndicator,
  createObjective,
  createPlan,
  recordMeasurement,
  setPlanStatus,
  updateIndicator,
  updateObjective,
  updatePlan,
} from "./save-plan";

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const presentMany = async (db: Db, actor: Actor, rows: PlanRow[]) => {
    const sums = await rollups(
      db,
      actor,
      "planId",
      rows.map((r) => r.id),
      app.clock.now(),
    );
    return rows.map((r) => presentPlan(r, actor, rollupOf(sums, r.id)));
  };
  const presentDetail = async (db: Db, actor: Actor, plan: PlanRow) => {
    const tree = await planTree(db, plan.id);
    const now = app.clock.now();
    const [planSums, objectiveSums, series] = await Promise.all([
      rollups(db, actor, "planId", [plan.id], now),
      rollups(
        db,
        actor,
        "objectiveId",
        tree.map((o) => o.id),
        now,
      ),
      seriesOf(
        db,
        actor,
        tree.flatMap((o) => o.indicators),
        plan,
        now,
      ),
    ]);
    return {
      ...presentPlan(plan, actor, rollupOf(planSums, plan.id)),
      objectives: tree.map((o) => presentObjective(o, plan, actor, rollupOf(objectiveSums, o.id), series)),
    };
  };

  app.get(
    "/api/v1/plans",
    {
      schema: { querystring: PlanListQuery, response: { 200: PlanListResponse } },
      config: { policy: "plans.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listPlans(app.db, actor, request.query);
      return { data: await presentMany(app.db, actor, rows), page: pageOf(request.query, total) };
    },
  );

  app.get(
    "/api/v1/plans/overview",
    { schema: { response: { 200: RegionOverviewResponse } }, config: { policy: "plans.read" } },
    async (request) => {
      const actor = actorOf(request);
      const { rows } = await listPlans(app.db, actor, {
        page: 1,
        pageSize: 100,
        status: "active",
        sort: "endsOn",
        dir: "asc",
      });
      return {
        data: {
          plans: await presentMany(app.db, actor, rows),
          overdueByAgency: await dueCountsByAgency(app.db, actor, app.clock.now()),
        },
      };
    },
  );

  app.get(
    "/api/v1/plans/:id",
    { schema: { params: IdParams, response: { 200: PlanDetailResponse } }, config: { policy: "plans.read" } },
    async (request) => {
      const actor = actorOf(request);
      return { data: await presentDetail(app.db, actor, await findPlan(app.db, actor, request.params.id)) };
    },
  );

  app.post(
    "/api/v1/plans",
    { schema: { body: PlanCreateBody, response: { 201: PlanResponse } }, config: { policy: "plans.create" } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!canManagePlan(actor, request.body)) throw new AppError("forbidden");
      const row = await app.db.transaction((tx) => createPlan(tx, ctxOf(app, request), request.body));
      return reply.status(201).send({ data: presentPlan(row, actor, rollupOf(new Map(), row.id)) });
    },
  );

  app.patch(
    "/api/v1/plans/:id",
    {
      schema: { params: IdParams, body: PlanUpdateBody, response: { 200: PlanResponse } },
      config: { policy: "plans.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const plan = await findPlan(tx, actor, request.params.id);
        authorize(actor, plansPolicy, "update", plan);
        return updatePlan(tx, ctxOf(app, request), plan, request.body);
      });
      return { data: (await presentMany(app.db, actor, [row]))[0]! };
    },
  );

  for (const [verb, status] of [
    ["activate", "active"],
    ["complete", "completed"],
    ["archive", "archived"],
  ] as const) {
    app.post(
      `/api/v1/plans/:id/${verb}`,
      { schema: { params: IdParams, response: { 200: PlanResponse } }, config: { policy: "plans.update" } },
      async (request) => {
        const actor = actorOf(request);
        const row = await app.db.transaction(async (tx) => {
          const plan = await findPlan(tx, actor, request.params.id);
          if (!canManagePlan(actor, plan)) throw new AppError("forbidden");
          if (!plansPolicy.record[verb](actor, plan)) throw new AppError("invalid_transition");
          return setPlanStatus(tx, ctxOf(app, request), plan, status);
        });
        return { data: (await presentMany(app.db, actor, [row]))[0]! };
      },
    );
  }

  app.post(
    "/api/v1/plans/:id/objectives",
    {
      schema: { params: IdParams, body: ObjectiveBody, response: { 201: ObjectiveResponse } },
      config: { policy: "plans.update" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { row, plan } = await app.db.transaction(async (tx) => {
        const plan = await findPlan(tx, actor, request.params.id);
        authorize(actor, plansPolicy, "addObjective", plan);
        return { row: await createObjective(tx, ctxOf(app, request), plan, request.body), plan };
      });
      return reply.status(201).send({
        data: presentObjective({ ...row, indicators: [] }, plan, actor, rollupOf(new Map(), row.id)),
      });
    },
  );

  app.patch(
    "/api/v1/objectives/:id",
    {
      schema: { params: IdParams, body: ObjectiveUpdateBody, response: { 200: ObjectiveResponse } },
      config: { policy: "plans.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { row, plan } = await app.db.transaction(async (tx) => {
        const { objective, plan } = await findObjective(tx, actor, request.params.id);
        authorize(actor, objectivesPolicy, "update", { plan });
        return { row: await updateObjective(tx, ctxOf(app, request), objective, request.body), plan };
      });
      const tree = (await planTree(app.db, plan.id)).find((o) => o.id === row.id)!;
      const now = app.clock.now();
      const sums = await rollups(app.db, actor, "objectiveId", [row.id], now);
      const series = await seriesOf(app.db, actor, tree.indicators, plan, now);
      return { data: presentObjective(tree, plan, actor, rollupOf(sums, row.id), series) };
    },
  );

  app.post(
    "/api/v1/objectives/:id/indicators",
    {
      schema: { params: IdParams, body: IndicatorBody, response: { 201: IndicatorResponse } },
      config: { policy: "plans.update" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { row, plan } = await app.db.transaction(async (tx) => {
        const { objective, plan } = await findObjective(tx, actor, request.params.id);
        authorize(actor, objectivesPolicy, "addIndicator", { plan });
        return { row: await createIndicator(tx, ctxOf(app, request), objective, request.body), plan };
      });
      const series = await seriesOf(app.db, actor, [row], plan, app.clock.now());
      return reply
        .status(201)
        .send({ data: presentIndicator({ ...row, measurements: [] }, plan, actor, series.get(row.id)) });
    },
  );

  const indicatorNow = async (actor: Actor, id: string) => {
    const { indicator, plan } = await findIndicator(app.db, actor, id);
    const tree = await planTree(app.db, plan.id);
    const full = tree.flatMap((o) => o.indicators).find((i) => i.id === indicator.id)!;
    const series = await seriesOf(app.db, actor, [full], plan, app.clock.now());
    return presentIndicator(full, plan, actor, series.get(full.id));
  };

  app.patch(
    "/api/v1/indicators/:id",
    {
      schema: { params: IdParams, body: IndicatorUpdateBody, response: { 200: IndicatorResponse } },
      config: { policy: "plans.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      await app.db.transaction(async (tx) => {
        const { indicator, plan } = await findIndicator(tx, actor, request.params.id);
        authorize(actor, indicatorsPolicy, "update", { plan, source: indicator.source });
        await updateIndicator(tx, ctxOf(app, request), indicator, plan.id, request.body);
      });
      return { data: await indicatorNow(actor, request.params.id) };
    },
  );

  app.post(
    "/api/v1/indicators/:id/measurements",
    {
      schema: { params: IdParams, body: MeasurementBody, response: { 201: IndicatorResponse } },
      config: { policy: "plans.measure" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await app.db.transaction(async (tx) => {
        const { indicator, plan } = await findIndicator(tx, actor, request.params.id);
        authorize(actor, indicatorsPolicy, "measure", { plan, source: indicator.source });
        await recordMeasurement(tx, ctxOf(app, request), indicator, plan.id, request.body);
      });
      return reply.status(201).send({ data: await indicatorNow(actor, request.params.id) });
    },
  );
};
