import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ChangePasswordBody,
  LoginBody,
  MeResponse,
  OkResponse,
  PreferencesBody,
  TotpCodeBody,
  TotpDisableBody,
  TotpSetupResponse,
} from "../../common/schemas/auth";
import type { Config } from "../config";
import { recordEvent } from "../audit/record-event";
import { actorOf, ctxOf } from "../http/context";
import { takeRateLimit } from "../http/rate-limit";
import { changePassword, disableTotp, enableTotp, loadMe, setPreferences, setUpTotp } from "./account";
import { logIn } from "./log-in";
import { SESSION_COOKIE, deleteSession } from "./sessions";

function setSessionCookie(reply: FastifyReply, token: string, config: Config) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    path: "/",
    maxAge: config.session.absoluteHours * 3600,
  });
}

/** The window of the per-address limit on sign-in attempts (`LOGIN_MAX_PER_ADDRESS` in it). */
const LOGIN_WINDOW_MS = 5 * 60_000;

const self = { policy: "account.self", duringSetup: true } as const;

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/auth/login",
    { schema: { body: LoginBody, response: { 200: MeResponse } }, config: { public: true } },
    async (request, reply) => {
      // Counted in the database: every instance behind a load balancer shares the address's count
      await takeRateLimit(app.db, `login:${request.ip}`, app.clock.now(), {
        max: app.config.login.maxPerAddress,
        windowMs: LOGIN_WINDOW_MS,
      });
      const ctx = ctxOf(app, request);
      const result = await logIn(app.db, ctx, app.config, request.body, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      if (request.actor) await deleteSession(app.db, request.actor.sessionId); // never reuse a session id across logins
      setSessionCookie(reply, result.token, app.config);
      return { data: await loadMe(app.db, result.user.id, result.sessionId, app.config) };
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { response: { 200: OkResponse } }, config: self },
    async (request, reply) => {
      const actor = actorOf(request);
      await app.db.transaction(async (tx) => {
        await deleteSession(tx, actor.sessionId);
        await recordEvent(tx, ctxOf(app, request), "auth.logout", "users", actor.userId, null, null);
      });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  app.get("/api/auth/me", { schema: { response: { 200: MeResponse } }, config: self }, async (request) => {
    const actor = actorOf(request);
    return { data: await loadMe(app.db, actor.userId, actor.sessionId, app.config) };
  });

  app.post(
    "/api/auth/password",
    { schema: { body: ChangePasswordBody, response: { 200: MeResponse } }, config: self },
    async (request) => {
      const actor = actorOf(request);
      await app.db.transaction((tx) =>
        changePassword(
          tx,
          ctxOf(app, request),
          actor,
          request.body.currentPassword,
          request.body.newPassword,
        ),
      );
      return { data: await loadMe(app.db, actor.userId, actor.sessionId, app.config) };
    },
  );

  app.patch(
    "/api/auth/preferences",
    { schema: { body: PreferencesBody, response: { 200: MeResponse } }, config: self },
    async (request) => {
      const actor = actorOf(request);
      await app.db.transaction((tx) => setPreferences(tx, ctxOf(app, request), actor, request.body));
      return { data: await loadMe(app.db, actor.userId, actor.sessionId, app.config) };
    },
  );

  app.post(
    "/api/auth/totp/setup",
    { schema: { response: { 200: TotpSetupResponse } }, config: self },
    async (request) => {
      const actor = actorOf(request);
      return { data: await app.db.transaction((tx) => setUpTotp(tx, ctxOf(app, request), actor)) };
    },
  );

  app.post(
    "/api/auth/totp/enable",
    { schema: { body: TotpCodeBody, response: { 200: MeResponse } }, config: self },
    async (request) => {
      const actor = actorOf(request);
      await app.db.transaction((tx) => enableTotp(tx, ctxOf(app, request), actor, request.body.code));
      return { data: await loadMe(app.db, actor.userId, actor.sessionId, app.config) };
    },
  );

  app.post(
    "/api/auth/totp/disable",
    { schema: { body: TotpDisableBody, response: { 200: MeResponse } }, config: self },
    async (request) => {
      const actor = actorOf(request);
      await app.db.transaction((tx) => disableTotp(tx, ctxOf(app, request), actor, request.body.password));
      return { data: await loadMe(app.db, actor.userId, actor.sessionId, app.config) };
    },
  );
};
