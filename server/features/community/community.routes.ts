import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { CommunityAction } from "../../../common/enums";
import { IdParams } from "../../../common/schemas/base";
import {
  CommunityAssignBody,
  CommunityCloseBody,
  CommunityConvertBody,
  CommunityDuplicateBody,
  CommunityListQuery,
  CommunityMessageBody,
  CommunityReportListResponse,
  CommunityReportResponse,
} from "../../../common/schemas/community";
import type { Actor, Ctx } from "../../authz/actor";
import { authorize } from "../../authz/engine";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { actorOf, ctxOf } from "../../http/context";
import { pageOf } from "../../http/pagination";
import { communityPolicy } from "./community.policy";
import { presentReport } from "./community.present";
import { findReport, listReports, messagesOf, referencesOf } from "./community.queries";
import type { CommunityReportRow } from "./community.table";
import { convertReport } from "./convert-report";
import { addMessage, assignReport, closeReport, markDuplicate } from "./triage-report";

/** A report with its replies and notes, as the inbox shows it. */
async function detail(db: Db, actor: Actor, row: CommunityReportRow) {
  const [references, messages] = await Promise.all([referencesOf(db, actor, [row]), messagesOf(db, row.id)]);
  return {
    data: {
      ...presentReport(row, actor, references),
      messages: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    },
  };
}

/** One inbox action: find in the actor's inbox (404 otherwise) → authorize → act in one transaction → detail. */
async function act(
  app: FastifyInstance,
  request: FastifyRequest & { params: { id: string } },
  action: Exclude<CommunityAction, "seeContact">,
  run: (tx: Db, ctx: Ctx, report: CommunityReportRow) => Promise<CommunityReportRow>,
) {
  const actor = actorOf(request);
  const row = await app.db.transaction(async (tx) => {
    const report = await findReport(tx, actor, request.params.id, { forUpdate: true });
    authorize(actor, communityPolicy, action, report);
    return run(tx, ctxOf(app, request), report);
  });
  return detail(app.db, actor, row);
}

/** The staff inbox of community reports: managers of the receiving and assigned agencies, and leadership. */
export const communityRoutes: FastifyPluginAsyncZod = async (app) => {
  const withId = <B extends z.ZodType>(body: B) => ({
    schema: { params: IdParams, body, response: { 200: CommunityReportResponse } },
    config: { policy: "communityReports.manage" },
  });

  app.get(
    "/api/v1/community-reports",
    {
      schema: { querystring: CommunityListQuery, response: { 200: CommunityReportListResponse } },
      config: { policy: "communityReports.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listReports(app.db, actor, request.query);
      const references = await referencesOf(app.db, actor, rows);
      return {
        data: rows.map((r) => presentReport(r, actor, references)),
        page: pageOf(request.query, total),
      };
    },
  );

  app.get(
    "/api/v1/community-reports/:id",
    {
      schema: { params: IdParams, response: { 200: CommunityReportResponse } },
      config: { policy: "communityReports.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      return detail(app.db, actor, await findReport(app.db, actor, request.params.id));
    },
  );

  app.post("/api/v1/community-reports/:id/assign", withId(CommunityAssignBody), async (request) =>
    act(app, request, "assign", (tx, ctx, report) => assignReport(tx, ctx, report, request.body.agencyId)),
  );
  app.post("/api/v1/community-reports/:id/reply", withId(CommunityMessageBody), async (request) =>
    act(app, request, "reply", (tx, ctx, report) => addMessage(tx, ctx, report, "reply", request.body.text)),
  );
  app.post("/api/v1/community-reports/:id/note", withId(CommunityMessageBody), async (request) =>
    act(app, request, "note", (tx, ctx, report) => addMessage(tx, ctx, report, "note", request.body.text)),
  );
  app.post("/api/v1/community-reports/:id/duplicate", withId(CommunityDuplicateBody), async (request) =>
    act(app, request, "markDuplicate", async (tx, ctx, report) => {
      // The original must be a report the actor handles too; any other id is refused as an invalid value.
      const original = await findReport(tx, actorOf(request), request.body.duplicateOfId).catch(() => {
        throw new AppError("validation_failed", {
          fields: [{ field: "duplicateOfId", issue: "invalid_value" }],
        });
      });
      return markDuplicate(tx, ctx, report, original);
    }),
  );
  app.post("/api/v1/community-reports/:id/convert", withId(CommunityConvertBody), async (request) =>
    act(app, request, "convert", async (tx, ctx, report) => {
      const { report: after } = await convertReport(tx, ctx, report, request.body);
      return after;
    }),
  );
  app.post("/api/v1/community-reports/:id/close", withId(CommunityCloseBody), async (request) =>
    act(app, request, "close", (tx, ctx, report) => closeReport(tx, ctx, report, request.body.outcome)),
  );
};
