import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DashboardQuery, DashboardResponse } from "../../../common/schemas/dashboard";
import { zonedDay } from "../../../common/dates";
import { actorOf } from "../../http/context";
import { DASHBOARD_COUNTS, dashboardVisibilityKey } from "./dashboard.policy";
import { dashboardOf } from "./dashboard.queries";

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/dashboard",
    {
      schema: { querystring: DashboardQuery, response: { 200: DashboardResponse } },
      config: { policy: "dashboard.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const now = app.clock.now();
      // Kept per visibility class, day and query until a change of what it counts is heard (from any instance).
      const key = `dashboard:${dashboardVisibilityKey(actor)}:${zonedDay(now)}:${JSON.stringify(request.query)}`;
      return {
        data: await app.figures.get(key, DASHBOARD_COUNTS, () =>
          dashboardOf(app.db, actor, request.query, now),
        ),
      };
    },
  );
};
