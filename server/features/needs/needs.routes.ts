import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams } from "../../../common/schemas/base";
import {
  Currency,
  DeliveryBody,
  NeedCreateBody,
  NeedDetailResponse,
  NeedExportQuery,
  NeedListQuery,
  NeedListResponse,
  NeedResponse,
  NeedStepBody,
  NeedStepParams,
  NeedUpdateBody,
  PledgeBody,
  UnmetSummaryResponse,
} from "../../../common/schemas/needs";
import { authorize } from "../../authz/engine";
import { AppError } from "../../http/app-error";
import { actorOf, ctxOf } from "../../http/context";
import { originOf } from "../../links/record-links";
import { pageOf } from "../../http/pagination";
import { nextStatus } from "./need-workflow";
import { needsCsv, needsXlsx } from "./needs.export";
import { canFileFor, mayTakeStep, maySupply, needsPolicy } from "./needs.policy";
import { presentNeed, presentNeedDetail } from "./needs.present";
import {
  findNeed,
  findNeedForUpdate,
  listNeeds,
  needDetailParts,
  needFilters,
  registerTotals,
  unmetSummary,
} from "./needs.queries";
import { recordDelivery, recordPledge } from "./record-supply";
import { createNeed, updateNeed } from "./save-need";
import { stepNeed } from "./step-need";

const exportName = (now: Date, ext: string) => `needs-${now.toISOString().slice(0, 10)}.${ext}`;

export const needRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/needs",
    {
      schema: { querystring: NeedListQuery, response: { 200: NeedListResponse } },
      config: { policy: "needs.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, totals } = await listNeeds(app.db, actor, request.query);
      return {
        data: rows.map((r) => presentNeed(r, actor)),
        page: pageOf(request.query, totals.count),
        totals,
      };
    },
  );

  for (const [ext, type, write] of [
    ["csv", "text/csv; charset=utf-8", needsCsv],
    ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", needsXlsx],
  ] as const) {
    app.get(
      `/api/v1/needs/export.${ext}`,
      { schema: { querystring: NeedExportQuery }, config: { policy: "needs.read" } },
      async (request, reply) => {
        const actor = actorOf(request);
        const where = needFilters(actor, request.query);
        const totals = await registerTotals(app.db, actor, request.query, where);
        return reply
          .type(type)
          .header("content-disposition", `attachment; filename="${exportName(app.clock.now(), ext)}"`)
          .send(write(app.db, where, totals, actor.language));
      },
    );
  }

  app.get(
    "/api/v1/needs/unmet-summary",
    {
      schema: {
        querystring: z.strictObject({ currency: Currency.default("LYD") }),
        response: { 200: UnmetSummaryResponse },
      },
      config: { policy: "needs.read" },
    },
    async (request) => ({ data: await unmetSummary(app.db, actorOf(request), request.query.currency) }),
  );

  app.get(
    "/api/v1/needs/:id",
    { schema: { params: IdParams, response: { 200: NeedDetailResponse } }, config: { policy: "needs.read" } },
    async (request) => {
      const actor = actorOf(request);
      const need = await findNeed(app.db, actor, request.params.id);
      const [parts, origin] = await Promise.all([
        needDetailParts(app.db, need.id),
        originOf(app.db, actor, "need", need.id),
      ]);
      return { data: presentNeedDetail(need, actor, parts, origin) };
    },
  );

  app.post(
    "/api/v1/needs",
    { schema: { body: NeedCreateBody, response: { 201: NeedResponse } }, config: { policy: "needs.create" } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!canFileFor(actor, request.body)) throw new AppError("forbidden");
      const row = await app.db.transaction((tx) => createNeed(tx, ctxOf(app, request), request.body));
      return reply.status(201).send({ data: presentNeed(row, actor) });
    },
  );

  app.patch(
    "/api/v1/needs/:id",
    {
      schema: { params: IdParams, body: NeedUpdateBody, response: { 200: NeedResponse } },
      config: { policy: "needs.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const need = await findNeedForUpdate(tx, actor, request.params.id);
        if (!canFileFor(actor, need)) throw new AppError("forbidden");
        if (need.status !== "draft") throw new AppError("invalid_transition");
        authorize(actor, needsPolicy, "update", need);
        return updateNeed(tx, ctxOf(app, request), need, request.body);
      });
      return { data: presentNeed(row, actor) };
    },
  );

  // One route per workflow step: /needs/:id/submit, /endorse, /review, /approve, /reject, /start, /close_partial,
  // /reopen. Refused to this person → 403; not a step from the need's status → 409 invalid_transition.
  app.post(
    "/api/v1/needs/:id/:action",
    {
      schema: { params: NeedStepParams, body: NeedStepBody, response: { 200: NeedResponse } },
      config: { policy: "needs.step" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id, action } = request.params;
      const comment = request.body.comment;
      const row = await app.db.transaction(async (tx) => {
        const need = await findNeedForUpdate(tx, actor, id);
        if (!mayTakeStep(actor, need, action)) throw new AppError("forbidden");
        if (!nextStatus(need.status, action)) throw new AppError("invalid_transition");
        authorize(actor, needsPolicy, action, need);
        return stepNeed(tx, ctxOf(app, request), need, action, comment);
      });
      return { data: presentNeed(row, actor) };
    },
  );

  app.post(
    "/api/v1/needs/:id/pledges",
    {
      schema: { params: IdParams, body: PledgeBody, response: { 201: NeedResponse } },
      config: { policy: "needs.supply" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const need = await findNeedForUpdate(tx, actor, request.params.id);
        if (!maySupply(actor, need)) throw new AppError("forbidden");
        return recordPledge(tx, ctxOf(app, request), need, request.body);
      });
      return reply.status(201).send({ data: presentNeed(row, actor) });
    },
  );

  app.post(
    "/api/v1/needs/:id/deliveries",
    {
      schema: { params: IdParams, body: DeliveryBody, response: { 201: NeedResponse } },
      config: { policy: "needs.supply" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const need = await findNeedForUpdate(tx, actor, request.params.id);
        if (!maySupply(actor, need)) throw new AppError("forbidden");
        return recordDelivery(tx, ctxOf(app, request), need, request.body);
      });
      return reply.status(201).send({ data: presentNeed(row, actor) });
    },
  );
};
