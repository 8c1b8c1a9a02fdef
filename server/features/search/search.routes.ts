import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { SearchQuery, SearchResponse } from "../../../common/schemas/search";
import { actorOf } from "../../http/context";
import "./search.policy";
import { searchAll } from "./search.queries";

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/search",
    {
      schema: { querystring: SearchQuery, response: { 200: SearchResponse } },
      config: { policy: "search.read" },
    },
    async (request) => searchAll(app.db, actorOf(request), request.query),
  );
};
