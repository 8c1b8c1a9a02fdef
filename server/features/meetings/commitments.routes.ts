import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "../../../common/schemas/base";
import {
  CommitmentDueCountsResponse,
  CommitmentListQuery,
  CommitmentListResponse,
  CommitmentResponse,
  CommitmentStepBody,
  CommitmentStepParams,
  CommitmentToNeedBody,
  CommitmentToNeedResponse,
  CommitmentToTaskBody,
  CommitmentToTaskResponse,
  CommitmentUpdateBody,
} from "../../../common/schemas/meetings";
import { authorize } from "../../authz/engine";
import { AppError } from "../../http/app-error";
import { actorOf, ctxOf } from "../../http/context";
import { pageOf } from "../../http/pagination";
import { presentNeed } from "../needs";
import { presentTask } from "../tasks";
import { commitmentsPolicy, nextCommitmentStatus, STEP_RULES } from "./commitments.policy";
import { commitmentDueCounts, findCommitment, listCommitments } from "./commitments.queries";
import { convertCommitmentToNeed, convertCommitmentToTask } from "./convert-commitment";
import { presentCommitment } from "./meetings.present";
import { updateCommitment } from "./save-commitment";
import { stepCommitment } from "./step-commitment";

export const commitmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const now = () => app.clock.now();

  // The follow-up lists: region-wide or per owner agency, due soon or overdue, by status, searched.
  app.get(
    "/api/v1/commitments",
    {
      schema: { querystring: CommitmentListQuery, response: { 200: CommitmentListResponse } },
      config: { policy: "commitments.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listCommitments(app.db, actor, request.query, now());
      return {
        data: rows.map((r) => presentCommitment(r, actor, now())),
        page: pageOf(request.query, total),
      };
    },
  );

  app.get(
    "/api/v1/commitments/due-counts",
    { schema: { response: { 200: CommitmentDueCountsResponse } }, config: { policy: "commitments.read" } },
    async (request) => ({ data: await commitmentDueCounts(app.db, actorOf(request), now()) }),
  );

  app.get(
    "/api/v1/commitments/:id",
    {
      schema: { params: IdParams, response: { 200: CommitmentResponse } },
      config: { policy: "commitments.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      return {
        data: presentCommitment(await findCommitment(app.db, actor, request.params.id), actor, now()),
      };
    },
  );

  app.patch(
    "/api/v1/commitments/:id",
    {
      schema: { params: IdParams, body: CommitmentUpdateBody, response: { 200: CommitmentResponse } },
      config: { policy: "commitments.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const record = await app.db.transaction(async (tx) => {
        const c = await findCommitment(tx, actor, request.params.id, { forUpdate: true });
        authorize(actor, commitmentsPolicy, "update", c);
        await updateCommitment(tx, ctxOf(app, request), c, request.body);
        return findCommitment(tx, actor, c.id);
      });
      return { data: presentCommitment(record, actor, now()) };
    },
  );

  app.post(
    "/api/v1/commitments/:id/convert-to-task",
    {
      schema: { params: IdParams, body: CommitmentToTaskBody, response: { 201: CommitmentToTaskResponse } },
      config: { policy: "commitments.convert" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await app.db.transaction(async (tx) => {
        const c = await findCommitment(tx, actor, request.params.id, { forUpdate: true });
        authorize(actor, commitmentsPolicy, "convertToTask", c);
        const { task } = await convertCommitmentToTask(tx, ctxOf(app, request), c, request.body);
        return { commitment: await findCommitment(tx, actor, c.id), task };
      });
      return reply.status(201).send({
        data: {
          commitment: presentCommitment(result.commitment, actor, now()),
          task: presentTask(result.task, actor, now()),
        },
      });
    },
  );

  app.post(
    "/api/v1/commitments/:id/convert-to-need",
    {
      schema: { params: IdParams, body: CommitmentToNeedBody, response: { 201: CommitmentToNeedResponse } },
      config: { policy: "commitments.convert" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await app.db.transaction(async (tx) => {
        const c = await findCommitment(tx, actor, request.params.id, { forUpdate: true });
        authorize(actor, commitmentsPolicy, "convertToNeed", c);
        const { need } = await convertCommitmentToNeed(tx, ctxOf(app, request), c, request.body);
        return { commitment: await findCommitment(tx, actor, c.id), need };
      });
      return reply.status(201).send({
        data: {
          commitment: presentCommitment(result.commitment, actor, now()),
          need: presentNeed(result.need, actor),
        },
      });
    },
  );

  // One route per status step: /commitments/:id/start, /complete, /drop, /reopen. Refused to this person → 403;
  // not a step from the commitment's status → 409 invalid_transition.
  app.post(
    "/api/v1/commitments/:id/:action",
    {
      schema: {
        params: CommitmentStepParams,
        body: CommitmentStepBody,
        response: { 200: CommitmentResponse },
      },
      config: { policy: "commitments.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id, action } = request.params;
      const record = await app.db.transaction(async (tx) => {
        const c = await findCommitment(tx, actor, id, { forUpdate: true });
        if (!STEP_RULES[action](actor, c)) throw new AppError("forbidden");
        if (!nextCommitmentStatus(c.status, action)) throw new AppError("invalid_transition");
        authorize(actor, commitmentsPolicy, action, c);
        await stepCommitment(tx, ctxOf(app, request), c, action, request.body.reason);
        return findCommitment(tx, actor, id);
      });
      return { data: presentCommitment(record, actor, now()) };
    },
  );
};
