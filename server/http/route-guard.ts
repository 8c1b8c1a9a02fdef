import type { FastifyInstance, RouteOptions } from "fastify";
import { allow, isPolicyName } from "../authz/engine";
import { AppError } from "./app-error";

export type UnguardedRoute = { method: string; url: string; problem: string };

/**
 * Every route must declare `config.policy` (a known policy) or `config.public: true`. Routes are collected as
 * they are registered and checked when the app is ready: one unguarded route and the app refuses to start.
 */
export function registerRouteGuard(app: FastifyInstance): RouteOptions[] {
  const routes: RouteOptions[] = [];
  app.addHook("onRoute", (route) => {
    routes.push(route);
  });
  app.addHook("onReady", async () => {
    const problems = findUnguardedRoutes(routes);
    if (problems.length > 0) {
      throw new Error(
        `Unguarded routes: ${problems.map((p) => `${p.method} ${p.url} (${p.problem})`).join("; ")}`,
      );
    }
  });

  app.addHook("preHandler", async (request) => {
    const config = request.routeOptions.config;
    if (config.public) return;
    const actor = request.actor;
    if (!actor) throw new AppError("unauthenticated");
    if (!config.duringSetup) {
      if (actor.mustEnrollTotp) throw new AppError("totp_enrollment_required");
      if (actor.mustChangePassword) throw new AppError("password_change_required");
    }
    if (config.policy && !allow(config.policy, actor)) throw new AppError("forbidden");
  });
  return routes;
}

export function findUnguardedRoutes(routes: RouteOptions[]): UnguardedRoute[] {
  const problems: UnguardedRoute[] = [];
  for (const route of routes) {
    const method = Array.isArray(route.method) ? route.method.join(",") : route.method;
    const config = (route.config ?? {}) as { policy?: string; public?: boolean };
    if (config.public === true) continue;
    if (!config.policy) problems.push({ method, url: route.url, problem: "no policy and not public" });
    else if (!isPolicyName(config.policy))
      problems.push({ method, url: route.url, problem: `unknown policy ${config.policy}` });
  }
  return problems;
}
