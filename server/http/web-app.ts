import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { SESSION_COOKIE } from "../auth/sessions";
import { sendError } from "./error-handler";

/** Marks every route registered in this plugin context as public (static files, the API docs page). */
export function publicRoutes(scope: FastifyInstance) {
  scope.addHook("onRoute", (route) => {
    route.config = { ...(route.config ?? {}), public: true };
  });
}

const IMMUTABLE = "public, max-age=31536000, immutable";

/** The app's pages that are open without signing in (web/src/app/router.tsx): a certificate's verification. */
function isPublicPage(url: string): boolean {
  const pathname = url.split("?")[0] ?? "";
  return pathname === "/verify" || pathname.startsWith("/verify/");
}

/** Serves the built web app and falls back to index.html for client-side routes; /api/* misses are JSON 404s. */
export async function registerWebApp(app: FastifyInstance, webDist: string | null) {
  const hasWeb = webDist !== null && existsSync(path.join(webDist, "index.html"));
  let indexHtml: string | undefined;
  if (hasWeb) {
    await app.register(async (scope) => {
      publicRoutes(scope);
      // Brotli and gzip files built beside each asset (web/vite.config.ts) are sent to clients that accept them,
      // with Content-Encoding and Vary: Accept-Encoding. Files under /assets/ carry a hash of their content in
      // their name: cached for a year, never revalidated. Anything else (the icon) is revalidated every time.
      await scope.register(fastifyStatic, {
        root: webDist,
        wildcard: false,
        index: false,
        preCompressed: true,
        cacheControl: false,
        setHeaders: (reply, file) => {
          const relative = path.relative(webDist, file);
          const hashed = [
            `assets${path.sep}`,
            `signin${path.sep}assets${path.sep}`,
            `report${path.sep}assets${path.sep}`,
          ].some((p) => relative.startsWith(p));
          reply.header("cache-control", hashed ? IMMUTABLE : "no-cache");
        },
      });
    });
  }
  // The public report page (community reports) is its own small entry, built into web/dist/report.
  const reportHtml = hasWeb ? path.join(webDist!, "report", "index.html") : null;
  if (reportHtml && existsSync(reportHtml)) {
    let html: string | undefined;
    for (const url of ["/report", "/track"])
      app.get(url, { schema: { hide: true }, config: { public: true } }, async (_request, reply) => {
        html ??= await readFile(reportHtml, "utf8");
        return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(html);
      });
  }
  // The sign-in page is its own small entry too, built into web/dist/signin (issue 10, item 11: a usable form on a
  // slow line before the app has downloaded).
  const signInHtml = hasWeb ? path.join(webDist!, "signin", "index.html") : null;
  const hasSignIn = signInHtml !== null && existsSync(signInHtml);
  if (hasSignIn) {
    let html: string | undefined;
    app.get("/login", { schema: { hide: true }, config: { public: true } }, async (_request, reply) => {
      html ??= await readFile(signInHtml, "utf8");
      return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(html);
    });
  }
  // The 404 handler is public: it serves the app to anyone and tells nothing about the API.
  const notFoundOptions = { config: { public: true } } as Parameters<
    FastifyInstance["setNotFoundHandler"]
  >[0];
  app.setNotFoundHandler(notFoundOptions, async (request, reply) => {
    // Client-side routes get the app; a missing file (an old asset after a rebuild) gets a real 404.
    const isFile = /\.[a-z0-9]+$/i.test(request.url.split("?")[0] ?? "");
    if (hasWeb && request.method === "GET" && !request.url.startsWith("/api/") && !isFile) {
      // A visitor with no session is sent to sign in before downloading the app, and comes back here after.
      // (A session that has ended is found by the app, which sends its visitor the same way.)
      if (hasSignIn && !request.cookies[SESSION_COOKIE] && !isPublicPage(request.url)) {
        const back = request.url === "/" ? "" : `?from=${encodeURIComponent(request.url)}`;
        return reply.header("cache-control", "no-store").redirect(`/login${back}`, 302);
      }
      indexHtml ??= await readFile(path.join(webDist!, "index.html"), "utf8");
      return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(indexHtml);
    }
    return sendError(request, reply, "not_found");
  });
}
