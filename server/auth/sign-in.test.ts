import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/audit.table";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { call, createTestApp, login, type TestApp } from "../test/app";
import { TEST_PASSWORD, buildUser } from "../test/factories";

const attempt = (username: string, password: string, headers: Record<string, string> = {}) => ({
  method: "POST" as const,
  url: "/api/auth/login",
  payload: { username, password },
  headers,
});

describe("sign-in behind a proxy, across instances", () => {
  let t: TestApp;
  beforeAll(async () => {
    // TRUST_PROXY=true as an operator writes it (the injected requests come from 127.0.0.1, the proxy); five
    // attempts per address.
    t = await createTestApp({
      config: {
        trustProxy: loadConfig({ TRUST_PROXY: "true" }).trustProxy,
        login: { maxFailures: 5, lockMinutes: 15, maxPerAddress: 5 },
      },
    });
  });
  afterAll(() => t.close());

  it("believes only the proxy's own hop: a client-chosen X-Forwarded-For does not buy new addresses", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      // The client writes any address; the one proxy in front appends the real one.
      const r = await t.app.inject(
        attempt(`nobody${i}`, "wrong-password-1", { "x-forwarded-for": `198.51.100.${i}, 203.0.113.7` }),
      );
      statuses.push(r.statusCode);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it("shares the per-address count between instances on one database", async () => {
    const second = await buildApp({ config: t.config, database: t.database, clock: t.clock, plugins: [] });
    await second.ready();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const app = i % 2 === 0 ? t.app : second;
        const r = await app.inject(
          attempt(`someone${i}`, "wrong-password-1", { "x-forwarded-for": "192.0.2.44" }),
        );
        statuses.push(r.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      await second.close();
    }
  });
});

describe("account lockout", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("checks at most maxFailures passwords of 100 parallel guesses, then answers a locked account like an unknown one", async () => {
    const user = await buildUser(t.db);
    const guesses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => t.app.inject(attempt(user.username, `wrong-password-${i}`))),
    );
    expect(new Set(guesses.map((g) => g.statusCode))).toEqual(new Set([401]));
    const checked = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityId, user.id),
          inArray(auditEvents.action, ["auth.login_failed", "auth.lock"]),
        ),
      );
    expect(checked.length).toBeLessThanOrEqual(t.config.login.maxFailures);
    expect(checked.filter((e) => e.action === "auth.lock")).toHaveLength(1);
    // Locked: the right password gets exactly the answer an unknown account gets.
    const locked = await t.app.inject(attempt(user.username, TEST_PASSWORD));
    const unknown = await t.app.inject(attempt("no.such.user", TEST_PASSWORD));
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toEqual(unknown.json());
    t.clock.advance(t.config.login.lockMinutes * 60_000 + 1000);
    expect((await t.app.inject(attempt(user.username, TEST_PASSWORD))).statusCode).toBe(200);
    t.clock.set("2026-11-29T08:00:00.000Z");
  });
});

describe("idle timeout", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { session: { idleMinutes: 1, absoluteHours: 12 } } });
  });
  afterAll(() => t.close());

  it("keeps a session in use open with SESSION_IDLE_MINUTES=1, and ends it a minute after its last use", async () => {
    const user = await buildUser(t.db);
    const session = await login(t.app, user.username, TEST_PASSWORD);
    for (let i = 0; i < 9; i++) {
      t.clock.advance(20_000);
      expect((await call(t.app, session, "GET", "/api/auth/me")).statusCode, `after ${(i + 1) * 20} s`).toBe(
        200,
      );
    }
    t.clock.advance(60_000);
    expect((await call(t.app, session, "GET", "/api/auth/me")).statusCode).toBe(401);
    t.clock.set("2026-11-29T08:00:00.000Z");
  });
});
