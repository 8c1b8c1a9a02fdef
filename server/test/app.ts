import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../app";
import { fixedClock } from "../clock";
import { loadConfig, type Config } from "../config";
import type { Database, Db } from "../db/client";
import { createTestDatabase } from "./database";

export type TestApp = {
  app: FastifyInstance;
  db: Db;
  database: Database;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  close(): Promise<void>;
};

export const TEST_NOW = "2026-11-29T08:00:00.000Z";

/** The real app on a fresh database, with a movable clock and logs off. */
export async function createTestApp(
  options: {
    config?: Partial<Config>;
    plugins?: ((app: FastifyInstance) => Promise<void>)[];
    logStream?: NodeJS.WritableStream;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = fixedClock(TEST_NOW);
  const base = loadConfig({}, { logLevel: "silent", database: { engine: "pglite", dataDir: null } });
  // Every injected request comes from one address: the per-address login limit is raised (auth.test checks it).
  const config = { ...base, login: { ...base.login, maxPerAddress: 10_000 }, ...options.config };
  const app = await buildApp({
    config,
    database,
    clock,
    plugins: options.plugins ?? [],
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    clock,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export type Session = { cookie: string };

/** A request as a signed-in user (or anonymous when `session` is null). */
export function call(
  app: FastifyInstance,
  session: Session | null,
  method: InjectOptions["method"],
  url: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    ...(session ? { headers: { cookie: session.cookie } } : {}),
    ...(body !== undefined ? { payload: body as InjectOptions["payload"] } : {}),
  });
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === "tansiq_session");
  if (!cookie) throw new Error(`no session cookie (status ${response.statusCode}: ${response.body})`);
  return `tansiq_session=${cookie.value}`;
}

export async function login(
  app: FastifyInstance,
  username: string,
  password: string,
  totp?: string,
): Promise<Session> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password, ...(totp ? { totp } : {}) },
  });
  return { cookie: sessionCookie(response) };
}
