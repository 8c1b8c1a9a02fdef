import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "../../../common/schemas/base";
import {
  BorderReportCreateBody,
  BorderReportListQuery,
  BorderReportListResponse,
  BorderReportResponse,
  BorderReportStepBody,
  BorderReportStepParams,
  BorderReportUpdateBody,
  CrossingBody,
  CrossingListResponse,
  CrossingResponse,
  CrossingUpdateBody,
} from "../../../common/schemas/border";
import { authorize } from "../../authz/engine";
import { AppError } from "../../http/app-error";
import { actorOf, ctxOf } from "../../http/context";
import { pageOf } from "../../http/pagination";
import {
  borderReportsPolicy,
  canReportAt,
  editNeedsCorrection,
  mayEditReport,
  mayTakeReportStep,
  reportStepOpen,
} from "./border.policy";
import { presentCrossing, presentReport } from "./border.present";
import { findActiveCrossing, findCrossing, findReport, listCrossings, listReports } from "./border.queries";
import { createCrossing, updateCrossing } from "./save-crossing";
import { createReport, updateReport } from "./save-report";
import { stepReport } from "./step-report";

/** Border crossings and their daily reports per shift: entry, submission, approval (locks the day), correction. */
export const borderRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/crossings",
    { schema: { response: { 200: CrossingListResponse } }, config: { policy: "crossings.read" } },
    async () => ({ data: (await listCrossings(app.db)).map(presentCrossing) }),
  );

  app.get(
    "/api/v1/crossings/:id",
    {
      schema: { params: IdParams, response: { 200: CrossingResponse } },
      config: { policy: "crossings.read" },
    },
    async (request) => ({ data: presentCrossing(await findCrossing(app.db, request.params.id)) }),
  );

  app.post(
    "/api/v1/crossings",
    {
      schema: { body: CrossingBody, response: { 201: CrossingResponse } },
      config: { policy: "crossings.manage" },
    },
    async (request, reply) => {
      const row = await app.db.transaction((tx) => createCrossing(tx, ctxOf(app, request), request.body));
      return reply.status(201).send({ data: presentCrossing(row) });
    },
  );

  app.patch(
    "/api/v1/crossings/:id",
    {
      schema: { params: IdParams, body: CrossingUpdateBody, response: { 200: CrossingResponse } },
      config: { policy: "crossings.manage" },
    },
    async (request) => {
      const row = await app.db.transaction((tx) =>
        updateCrossing(tx, ctxOf(app, request), request.params.id, request.body),
      );
      return { data: presentCrossing(row) };
    },
  );

  app.get(
    "/api/v1/border-reports",
    {
      schema: { querystring: BorderReportListQuery, response: { 200: BorderReportListResponse } },
      config: { policy: "borderReports.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listReports(app.db, request.query);
      return { data: rows.map((r) => presentReport(r, actor)), page: pageOf(request.query, total) };
    },
  );

  app.get(
    "/api/v1/border-reports/:id",
    {
      schema: { params: IdParams, response: { 200: BorderReportResponse } },
      config: { policy: "borderReports.read" },
    },
    async (request) => ({
      data: presentReport(await findReport(app.db, request.params.id), actorOf(request)),
    }),
  );

  app.post(
    "/api/v1/border-reports",
    {
      schema: { body: BorderReportCreateBody, response: { 201: BorderReportResponse } },
      config: { policy: "borderReports.create" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const report = await app.db.transaction(async (tx) => {
        const crossing = await findActiveCrossing(tx, request.body.crossingId);
        if (!canReportAt(actor, crossing)) throw new AppError("forbidden");
        const row = await createReport(tx, ctxOf(app, request), crossing, actor.agencyId, request.body);
        return { ...row, crossing };
      });
      return reply.status(201).send({ data: presentReport(report, actor) });
    },
  );

  // A draft is edited by the staff who work at the crossing; a submitted report is returned before it changes;
  // an approved one is corrected by leadership only, with a reason.
  app.patch(
    "/api/v1/border-reports/:id",
    {
      schema: { params: IdParams, body: BorderReportUpdateBody, response: { 200: BorderReportResponse } },
      config: { policy: "borderReports.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const report = await app.db.transaction(async (tx) => {
        const report = await findReport(tx, request.params.id, { forUpdate: true });
        if (!mayEditReport(actor, report)) throw new AppError("forbidden");
        const action = editNeedsCorrection(report) ? "correct" : "update";
        if (action === "update" && report.status !== "draft") throw new AppError("invalid_transition");
        authorize(actor, borderReportsPolicy, action, report);
        const row = await updateReport(tx, ctxOf(app, request), report, request.body);
        return { ...row, crossing: report.crossing };
      });
      return { data: presentReport(report, actor) };
    },
  );

  app.post(
    "/api/v1/border-reports/:id/:action",
    {
      schema: {
        params: BorderReportStepParams,
        body: BorderReportStepBody,
        response: { 200: BorderReportResponse },
      },
      config: { policy: "borderReports.step" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id, action } = request.params;
      const report = await app.db.transaction(async (tx) => {
        const report = await findReport(tx, id, { forUpdate: true });
        if (!mayTakeReportStep(actor, report, action)) throw new AppError("forbidden");
        if (!reportStepOpen(report, action)) throw new AppError("invalid_transition");
        authorize(actor, borderReportsPolicy, action, report);
        const row = await stepReport(tx, ctxOf(app, request), report, action, request.body.reason);
        return { ...row, crossing: report.crossing };
      });
      return { data: presentReport(report, actor) };
    },
  );
};
