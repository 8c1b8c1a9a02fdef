import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../http/app-error";
import { SESSION_COOKIE, loadSession } from "./sessions";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated writes must come from Tansiq's own pages: a browser sends Origin (and Sec-Fetch-Site)
 * on every cross-origin write, and those must name this host. Clients that send neither (scripts, tests)
 * are not browsers carrying someone else's cookie.
 */
export function isCrossSiteWrite(request: FastifyRequest, allowedOrigins: string[]): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const fetchSite = request.headers["sec-fetch-site"];
  if (fetchSite === "cross-site" || fetchSite === "same-site") return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  if (origin === "null") return true;
  try {
    const url = new URL(origin);
    return url.host !== request.headers.host && !allowedOrigins.includes(url.origin);
  } catch {
    return true;
  }
}

export function registerAuthentication(app: FastifyInstance) {
  const allowedOrigins = app.config.publicUrl ? [new URL(app.config.publicUrl).origin] : [];
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request) => {
    if (isCrossSiteWrite(request, allowedOrigins)) throw new AppError("csrf_failed");
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await loadSession(app.db, token, app.clock.now(), app.config);
    // 401 before the body is even parsed, for any route that is not public (unknown URLs go to the 404 handler).
    if (!request.actor && !request.routeOptions.config.public) {
      throw new AppError("unauthenticated");
    }
  });
}
