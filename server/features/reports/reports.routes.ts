import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ReportSubscriptionBody,
  ReportSubscriptionResponse,
  WeeklyReportQuery,
  WeeklyReportResponse,
} from "../../../common/schemas/reports";
import { actorOf, ctxOf } from "../../http/context";
import { subscribe, subscriptionOf, unsubscribe } from "./report-subscriptions";
import { weeklyReportOf } from "./weekly-report";
import { weeklyReportInput } from "./weekly-report.document";
import { weeklyReportWorkbook } from "./weekly-report.xlsx";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const fileName = (week: string, district: string | null, ext: string) =>
  `tansiq-weekly-${week}${district ? `-${district}` : ""}.${ext}`;

/** The weekly security report of the reader: as data, as a PDF, and as a workbook. Nothing is written. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { policy: "reports.weekly" };

  app.get(
    "/api/v1/reports/weekly",
    { schema: { querystring: WeeklyReportQuery, response: { 200: WeeklyReportResponse } }, config },
    async (request) => ({
      data: await weeklyReportOf(app.db, actorOf(request), request.query, app.clock.now()),
    }),
  );

  app.get(
    "/api/v1/reports/weekly.pdf",
    { schema: { querystring: WeeklyReportQuery }, config },
    async (request, reply) => {
      const actor = actorOf(request);
      const report = await weeklyReportOf(app.db, actor, request.query, app.clock.now());
      const input = await weeklyReportInput(app.db, actor, report);
      const pdf = await app.documents.render(actor, "weeklyReport", input, {
        language: actor.language,
        numerals: actor.numerals,
      });
      return reply
        .type("application/pdf")
        .header(
          "content-disposition",
          `attachment; filename="${fileName(report.week, report.district?.pcode ?? null, "pdf")}"`,
        )
        .send(pdf);
    },
  );

  app.get(
    "/api/v1/reports/weekly.xlsx",
    { schema: { querystring: WeeklyReportQuery }, config },
    async (request, reply) => {
      const actor = actorOf(request);
      const report = await weeklyReportOf(app.db, actor, request.query, app.clock.now());
      const input = await weeklyReportInput(app.db, actor, report);
      const book = await weeklyReportWorkbook(report, actor.language, input.agency);
      return reply
        .type(XLSX)
        .header(
          "content-disposition",
          `attachment; filename="${fileName(report.week, report.district?.pcode ?? null, "xlsx")}"`,
        )
        .send(book);
    },
  );

  const subscription = { policy: "reports.subscribe" };
  const path = "/api/v1/reports/weekly/subscription";
  app.get(
    path,
    { schema: { response: { 200: ReportSubscriptionResponse } }, config: subscription },
    async (request) => ({ data: await subscriptionOf(app.db, actorOf(request)) }),
  );
  app.put(
    path,
    {
      schema: { body: ReportSubscriptionBody, response: { 200: ReportSubscriptionResponse } },
      config: subscription,
    },
    async (request) => {
      const ctx = { ...ctxOf(app, request), actor: actorOf(request) };
      const { subscribed, district } = request.body;
      return { data: await (subscribed ? subscribe(app.db, ctx, district) : unsubscribe(app.db, ctx)) };
    },
  );
};
