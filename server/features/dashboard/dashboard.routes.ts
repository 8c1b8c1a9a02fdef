import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DashboardQuery, DashboardResponse } from "../../../common/schemas/dashboard";
import { actorOf } from "../../http/context";
import { dashboardOf } from "./dashboard.queries";

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/dashboard",
    {
      schema: { querystring: DashboardQuery, response: { 200: DashboardResponse } },
      config: { policy: "dashboard.read" },
    },
    async (request) => ({
      data: await dashboardOf(app.db, actorOf(request), request.query, app.clock.now()),
    }),
  );
};
