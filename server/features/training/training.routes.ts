import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CoverageQuery,
  CoverageResponse,
  TargetsBody,
  TrainingCalendarQuery,
  TrainingCalendarResponse,
} from "../../../common/schemas/training";
import { actorOf, ctxOf } from "../../http/context";
import { coverageXlsx, setTargets, trainingCoverage } from "./coverage";
import { calendarSessions, trainingIcs } from "./training.calendar";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Coverage per agency and topic (and its Excel export), targets, and the calendar of sessions (and its feed). */
export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/training/coverage",
    {
      schema: { querystring: CoverageQuery, response: { 200: CoverageResponse } },
      config: { policy: "training.coverage" },
    },
    async (request) => ({
      data: await trainingCoverage(app.db, actorOf(request), request.query, app.clock.now()),
    }),
  );

  app.get(
    "/api/v1/training/coverage.xlsx",
    { schema: { querystring: CoverageQuery }, config: { policy: "training.coverage" } },
    async (request, reply) => {
      const actor = actorOf(request);
      const coverage = await trainingCoverage(app.db, actor, request.query, app.clock.now());
      return reply
        .type(XLSX)
        .header("content-disposition", `attachment; filename="training-coverage-${coverage.year}.xlsx"`)
        .send(await coverageXlsx(app.db, coverage, actor.language));
    },
  );

  app.put(
    "/api/v1/training/targets",
    {
      schema: { body: TargetsBody, response: { 200: z.object({ data: z.object({ saved: z.number() }) }) } },
      config: { policy: "training.setTargets" },
    },
    async (request) => {
      await app.db.transaction((tx) => setTargets(tx, ctxOf(app, request), request.body));
      return { data: { saved: request.body.targets.length } };
    },
  );

  app.get(
    "/api/v1/training/calendar",
    {
      schema: { querystring: TrainingCalendarQuery, response: { 200: TrainingCalendarResponse } },
      config: { policy: "courses.read" },
    },
    async (request) => ({
      data: await calendarSessions(app.db, actorOf(request), request.query, app.clock.now()),
    }),
  );

  app.get(
    "/api/v1/training/calendar.ics",
    { schema: { querystring: TrainingCalendarQuery }, config: { policy: "courses.read" } },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = app.clock.now();
      const sessions = await calendarSessions(app.db, actor, request.query, now);
      return reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", 'attachment; filename="tansiq-training.ics"')
        .send(trainingIcs(sessions, actor.language, now));
    },
  );
};
