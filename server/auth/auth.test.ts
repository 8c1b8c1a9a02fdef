import { eq } from "drizzle-orm";
import { generateSync } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../features/users/users.table";
import { call, createTestApp, login, sessionCookie, type TestApp } from "../test/app";
import { TEST_PASSWORD, auditCount, buildUser } from "../test/factories";

const loginBody = (username: string, password = TEST_PASSWORD, totp?: string) => ({
  method: "POST" as const,
  url: "/api/auth/login",
  payload: { username, password, ...(totp ? { totp } : {}) },
});

describe("authentication", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("answers 401 on every /api/v1 route without a session, before reading the body", async () => {
    const routes = t.app.registeredRoutes.filter((r) => r.url.startsWith("/api/v1/"));
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      for (const method of [route.method].flat()) {
        if (method === "HEAD") continue;
        const url = route.url.replace(":id", "01a2259e-b9c0-71d9-b81c-6443174ae7c3");
        const response = await t.app.inject({
          method,
          url,
          payload: method === "GET" ? undefined : "{not json",
          headers: { "content-type": "application/json" },
        });
        expect(response.statusCode, `${method} ${url}`).toBe(401);
        expect(response.json().error.code).toBe("unauthenticated");
      }
    }
  });

  it("stores passwords as argon2id", async () => {
    const user = await buildUser(t.db);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("sets an http-only SameSite session cookie whose value changes at every login", async () => {
    const user = await buildUser(t.db);
    const first = await t.app.inject(loginBody(user.username));
    expect(first.statusCode).toBe(200);
    const cookie = first.cookies.find((c) => c.name === "tansiq_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.path).toBe("/");
    // Logging in again while signed in gives a new session id and ends the old one.
    const second = await t.app.inject({
      ...loginBody(user.username),
      headers: { cookie: sessionCookie(first) },
    });
    expect(sessionCookie(second)).not.toBe(sessionCookie(first));
    expect((await call(t.app, { cookie: sessionCookie(first) }, "GET", "/api/auth/me")).statusCode).toBe(401);
    expect((await call(t.app, { cookie: sessionCookie(second) }, "GET", "/api/auth/me")).statusCode).toBe(
      200,
    );
  });

  it("never reveals whether a username exists", async () => {
    const user = await buildUser(t.db);
    const wrong = await t.app.inject(loginBody(user.username, "wrong-password-1"));
    const unknown = await t.app.inject(loginBody("nobody.here", "wrong-password-1"));
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it("locks an account after repeated failures, even for the right password, until the lock expires", async () => {
    const user = await buildUser(t.db);
    for (let i = 0; i < t.config.login.maxFailures; i++) {
      expect((await t.app.inject(loginBody(user.username, "wrong-password-1"))).statusCode).toBe(401);
    }
    // Locked: the same answer as a wrong password or an unknown account (sign-in.test.ts compares them).
    const locked = await t.app.inject({ ...loginBody(user.username), headers: { "accept-language": "en" } });
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe("invalid_credentials");
    t.clock.advance(t.config.login.lockMinutes * 60_000 + 1000);
    expect((await t.app.inject(loginBody(user.username))).statusCode).toBe(200);
    t.clock.set("2026-11-29T08:00:00.000Z");
  });

  it("ends a session after the idle timeout and after logout", async () => {
    const user = await buildUser(t.db);
    const session = await login(t.app, user.username, TEST_PASSWORD);
    t.clock.advance((t.config.session.idleMinutes - 1) * 60_000);
    expect((await call(t.app, session, "GET", "/api/auth/me")).statusCode).toBe(200);
    t.clock.advance((t.config.session.idleMinutes + 1) * 60_000);
    expect((await call(t.app, session, "GET", "/api/auth/me")).statusCode).toBe(401);
    t.clock.set("2026-11-29T08:00:00.000Z");
    const again = await login(t.app, user.username, TEST_PASSWORD);
    expect((await call(t.app, again, "POST", "/api/auth/logout")).statusCode).toBe(200);
    expect((await call(t.app, again, "GET", "/api/auth/me")).statusCode).toBe(401);
  });

  it("refuses cookie-authenticated writes from another site", async () => {
    const user = await buildUser(t.db, { role: "manager" });
    const session = await login(t.app, user.username, TEST_PASSWORD);
    const before = await auditCount(t.db);
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/auth/preferences",
      headers: { cookie: session.cookie, origin: "http://evil.example", host: "tansiq.local" },
      payload: { language: "en" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("csrf_failed");
    const sameOrigin = await t.app.inject({
      method: "PATCH",
      url: "/api/auth/preferences",
      headers: { cookie: session.cookie, origin: "http://tansiq.local", host: "tansiq.local" },
      payload: { language: "en" },
    });
    expect(sameOrigin.statusCode).toBe(200);
    expect(await auditCount(t.db)).toBe(before + 1);
  });

  it("makes admin and leadership enrol TOTP, then asks for a code at every login and refuses a replayed one", async () => {
    const admin = await buildUser(t.db, { role: "admin" });
    const session = await login(t.app, admin.username, TEST_PASSWORD);
    const me = (await call(t.app, session, "GET", "/api/auth/me")).json();
    expect(me.data.mustEnrollTotp).toBe(true);
    const blocked = await call(t.app, session, "GET", "/api/v1/agencies");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe("totp_enrollment_required");

    const setup = (await call(t.app, session, "POST", "/api/auth/totp/setup")).json();
    expect(setup.data.uri).toMatch(/^otpauth:\/\/totp\/Tansiq:/);
    const epoch = Math.floor(t.clock.now().getTime() / 1000);
    const wrong = await call(t.app, session, "POST", "/api/auth/totp/enable", { code: "000000" });
    expect(wrong.statusCode).toBe(401);
    const code = generateSync({ secret: setup.data.secret, epoch });
    const enabled = await call(t.app, session, "POST", "/api/auth/totp/enable", { code });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json().data.mustEnrollTotp).toBe(false);
    expect((await call(t.app, session, "GET", "/api/v1/agencies")).statusCode).toBe(200);

    const noCode = await t.app.inject(loginBody(admin.username));
    expect(noCode.json().error.code).toBe("totp_required");
    const replay = await t.app.inject(loginBody(admin.username, TEST_PASSWORD, code));
    expect(replay.json().error.code).toBe("totp_invalid");
    t.clock.advance(30_000);
    const fresh = generateSync({ secret: setup.data.secret, epoch: epoch + 30 });
    expect((await t.app.inject(loginBody(admin.username, TEST_PASSWORD, fresh))).statusCode).toBe(200);
    // Admin accounts cannot turn the second factor off.
    const off = await call(t.app, session, "POST", "/api/auth/totp/disable", { password: TEST_PASSWORD });
    expect(off.statusCode).toBe(403);
    t.clock.set("2026-11-29T08:00:00.000Z");
  });

  it("ends every other session of a user who enrols or disables TOTP: a session keeps the factors it was opened with", async () => {
    const admin = await buildUser(t.db, { role: "admin" });
    const a = await login(t.app, admin.username, TEST_PASSWORD);
    const b = await login(t.app, admin.username, TEST_PASSWORD);
    const blocked = await call(t.app, b, "GET", "/api/v1/users");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe("totp_enrollment_required");
    const setup = (await call(t.app, a, "POST", "/api/auth/totp/setup")).json();
    const code = generateSync({
      secret: setup.data.secret,
      epoch: Math.floor(t.clock.now().getTime() / 1000),
    });
    expect((await call(t.app, a, "POST", "/api/auth/totp/enable", { code })).statusCode).toBe(200);
    expect((await call(t.app, a, "GET", "/api/v1/users")).statusCode).toBe(200);
    // Session B never presented a code: it is over, not upgraded.
    const upgraded = await call(t.app, b, "GET", "/api/v1/users");
    expect(upgraded.statusCode).toBe(401);
    expect((await call(t.app, b, "GET", "/api/auth/me")).statusCode).toBe(401);

    // Disabling (a role that may) ends the other sessions too.
    const officer = await buildUser(t.db, { role: "officer" });
    const c = await login(t.app, officer.username, TEST_PASSWORD);
    const officerSetup = (await call(t.app, c, "POST", "/api/auth/totp/setup")).json();
    t.clock.advance(30_000);
    const officerCode = generateSync({
      secret: officerSetup.data.secret,
      epoch: Math.floor(t.clock.now().getTime() / 1000),
    });
    expect((await call(t.app, c, "POST", "/api/auth/totp/enable", { code: officerCode })).statusCode).toBe(
      200,
    );
    t.clock.advance(30_000);
    const second = generateSync({
      secret: officerSetup.data.secret,
      epoch: Math.floor(t.clock.now().getTime() / 1000),
    });
    const d = await login(t.app, officer.username, TEST_PASSWORD, second);
    const off = await call(t.app, c, "POST", "/api/auth/totp/disable", { password: TEST_PASSWORD });
    expect(off.statusCode).toBe(200);
    expect((await call(t.app, c, "GET", "/api/auth/me")).statusCode).toBe(200);
    expect((await call(t.app, d, "GET", "/api/auth/me")).statusCode).toBe(401);
    t.clock.set("2026-11-29T08:00:00.000Z");
  });

  it("lets a user change their password, refusing a wrong current one, and ends their other sessions", async () => {
    const user = await buildUser(t.db);
    const a = await login(t.app, user.username, TEST_PASSWORD);
    const b = await login(t.app, user.username, TEST_PASSWORD);
    const bad = await call(t.app, a, "POST", "/api/auth/password", {
      currentPassword: "nope-nope-nope",
      newPassword: "a-new-password-1",
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.fields[0].field).toBe("currentPassword");
    const good = await call(t.app, a, "POST", "/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "a-new-password-1",
    });
    expect(good.statusCode).toBe(200);
    expect((await call(t.app, a, "GET", "/api/auth/me")).statusCode).toBe(200);
    expect((await call(t.app, b, "GET", "/api/auth/me")).statusCode).toBe(401);
    expect((await t.app.inject(loginBody(user.username, "a-new-password-1"))).statusCode).toBe(200);
  });

  it("answers in the user's language: Arabic by default, English on request", async () => {
    const ar = await t.app.inject({ method: "GET", url: "/api/v1/agencies" });
    expect(ar.json().error.message).toBe("يجب تسجيل الدخول أولاً");
    const en = await t.app.inject({
      method: "GET",
      url: "/api/v1/agencies",
      headers: { "accept-language": "en-GB,en;q=0.9" },
    });
    expect(en.json().error.message).toBe("Please sign in first");
  });
});

describe("per-address login limit", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { login: { maxFailures: 5, lockMinutes: 15, maxPerAddress: 3 } } });
  });
  afterAll(() => t.close());

  it("refuses further attempts from one address in the window, for any account", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await t.app.inject(loginBody(`someone${i}`, "wrong-password-1"))).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
