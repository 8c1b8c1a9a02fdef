import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/app";
import { findUnguardedRoutes } from "./route-guard";

describe("route guard", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("every registered route declares a known policy or public", () => {
    const routes = t.app.registeredRoutes;
    expect(routes.length).toBeGreaterThan(20);
    expect(findUnguardedRoutes(routes)).toEqual([]);
    for (const route of routes.filter((r) => r.url.startsWith("/api/v1/"))) {
      expect(route.config?.public, `${route.url} must not be public`).not.toBe(true);
    }
  });

  it("refuses to start with a route that declares neither", async () => {
    await expect(
      createTestApp({
        plugins: [
          async (app) => {
            app.get("/api/v1/forgotten", async () => ({ secret: true }));
          },
        ],
      }),
    ).rejects.toThrow(/Unguarded routes: GET \/api\/v1\/forgotten/);
  });

  it("refuses a route naming a policy that does not exist", async () => {
    await expect(
      createTestApp({
        plugins: [
          async (app) => {
            app.get("/api/v1/typo", { config: { policy: "agencies.raed" } }, async () => ({}));
          },
        ],
      }),
    ).rejects.toThrow(/unknown policy agencies.raed/);
  });

  it("serves health and an OpenAPI 3.1 document listing the resources", async () => {
    const health = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({
      status: "ok",
      engine: process.env.DATABASE_URL ? "postgres" : "pglite",
    });
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    for (const path of [
      "/api/v1/agencies",
      "/api/v1/users",
      "/api/v1/personnel",
      "/api/v1/audit",
      "/api/auth/login",
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const docs = await t.app.inject({ method: "GET", url: "/api/docs" });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it("sets security headers that work on a plain-HTTP LAN", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    expect(response.headers["strict-transport-security"]).toBeUndefined();
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/static/index.html" });
    expect(docs.statusCode).toBeLessThan(400);
    expect(docs.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });
});
