import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { sendError } from "./error-handler";

/** Marks every route registered in this plugin context as public (static files, the API docs page). */
export function publicRoutes(scope: FastifyInstance) {
  scope.addHook("onRoute", (route) => {
    route.config = { ...(route.config ?? {}), public: true };
  });
}

/** Serves the built web app and falls back to index.html for client-side routes; /api/* misses are JSON 404s. */
export async function registerWebApp(app: FastifyInstance, webDist: string | null) {
  const hasWeb = webDist !== null && existsSync(path.join(webDist, "index.html"));
  if (hasWeb) {
    await app.register(async (scope) => {
      publicRoutes(scope);
      await scope.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: "1h" });
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (hasWeb && request.method === "GET" && !request.url.startsWith("/api/")) {
      return reply.header("cache-control", "no-cache").sendFile("index.html", webDist!);
    }
    return sendError(request, reply, "not_found");
  });
}
