import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionCookie, type TestApp } from "../test/app";
import { prettyLogLine } from "./request-log";
import { TEST_PASSWORD, buildUser } from "../test/factories";

describe("logs and failures", () => {
  let t: TestApp;
  let logs = "";
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    t = await createTestApp({
      config: { logLevel: "info" },
      logStream: stream,
      plugins: [
        async (app) => {
          app.get("/api/v1/explode", { config: { policy: "agencies.read" } }, async () => {
            throw new Error(
              "connection to 10.1.2.3 failed: password authentication failed for user tansiq_admin",
            );
          });
          // A failing query whose parameter is record content: the log keeps the SQL, never the value.
          app.get("/api/v1/explode-query", { config: { policy: "agencies.read" } }, async () => {
            await app.db.execute(sql`select ${"secret-record-content-7731"}::int`);
            return {};
          });
        },
      ],
    });
  });
  afterAll(() => t.close());

  it("logs requests as JSON without passwords, cookies or session tokens", async () => {
    const user = await buildUser(t.db);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    const cookie = sessionCookie(login);
    await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie, authorization: "Bearer abc.def" },
    });
    const lines = logs
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.some((l) => (l.req as { url?: string } | undefined)?.url === "/api/auth/login")).toBe(true);
    expect(logs).not.toContain(TEST_PASSWORD);
    expect(logs).not.toContain(cookie.split("=")[1]);
    expect(logs).not.toContain("abc.def");
    // One line per request, written when it is answered: method, path, status and time.
    const requests = lines.filter(
      (l) => l.msg === "request" || l.msg === "incoming request" || l.msg === "request completed",
    );
    expect(requests).toHaveLength(2);
    expect(requests[1]).toMatchObject({
      msg: "request",
      req: { method: "GET", url: "/api/auth/me" },
      res: { statusCode: 200 },
    });
  });

  it("reads as short lines in a terminal", () => {
    const line = prettyLogLine(
      JSON.stringify({
        level: 30,
        time: Date.UTC(2026, 11, 2, 10, 4, 2),
        msg: "request",
        req: { method: "GET", url: "/api/v1/tasks" },
        res: { statusCode: 200 },
        ms: 12,
      }),
    );
    expect(line).toBe("10:04:02 INFO  GET /api/v1/tasks 200 12 ms");
    expect(
      prettyLogLine(
        JSON.stringify({
          level: 30,
          time: Date.UTC(2026, 11, 2, 10, 0, 0),
          msg: "Server listening at http://127.0.0.1:8080",
        }),
      ),
    ).toBe("10:00:00 INFO  Server listening at http://127.0.0.1:8080");
  });

  it("a 5xx hides the internals from the client and keeps them in the log", async () => {
    const user = await buildUser(t.db);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    const response = await t.app.inject({
      method: "GET",
      url: "/api/v1/explode",
      headers: { cookie: sessionCookie(login), "accept-language": "en" }, // the user's own language (ar) wins
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: "internal", message: "حدث خطأ داخلي، أعد المحاولة لاحقاً" },
    });
    expect(response.body).not.toContain("10.1.2.3");
    expect(logs).toContain("10.1.2.3");
  });

  it("a failed query is logged with its SQL and code, never its parameters", async () => {
    const user = await buildUser(t.db);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    const response = await t.app.inject({
      method: "GET",
      url: "/api/v1/explode-query",
      headers: { cookie: sessionCookie(login) },
    });
    expect(response.statusCode).toBe(400); // PostgreSQL refused the value (22P02): the client's input
    const line = logs.split("\n").find((l) => l.includes("Failed query"));
    expect(line, logs.slice(-2000)).toBeDefined();
    expect(line).toContain("select $1::int");
    expect(line).toContain("22P02");
    expect(logs).not.toContain("secret-record-content-7731");
  });
});
