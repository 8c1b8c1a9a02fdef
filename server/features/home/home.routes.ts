import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { HomeResponse } from "../../../common/schemas/home";
import { actorOf } from "../../http/context";
import { homeOf } from "./home.queries";

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/home",
    { schema: { response: { 200: HomeResponse } }, config: { policy: "home.read" } },
    async (request) => ({ data: await homeOf(app.db, actorOf(request), app.clock.now()) }),
  );
};
