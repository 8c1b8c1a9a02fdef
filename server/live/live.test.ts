import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { openDatabase, type Database } from "../db/client";
import { createTestApp, call, type TestApp } from "../test/app";
import { buildAgency, buildTask, signedIn } from "../test/factories";

type Stream = { next(match: (data: string) => boolean): Promise<string>; close(): void };

/** Opens an SSE stream and waits until it is connected (the server has subscribed). */
function openStream(app: FastifyInstance, cookie: string): Promise<Stream> {
  const { port } = app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: "127.0.0.1", port, path: "/api/v1/live", headers: { cookie, accept: "text/event-stream" } },
      (res) => {
        res.setEncoding("utf8");
        let buffer = "";
        const waiters: { match: (d: string) => boolean; resolve: (d: string) => void }[] = [];
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = event
              .split("\n")
              .find((l) => l.startsWith("data: "))
              ?.slice(6);
            if (event.includes(": connected")) resolve(stream);
            if (!data) continue;
            for (const w of [...waiters])
              if (w.match(data)) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve(data);
              }
          }
        });
        const stream: Stream = {
          next: (match) => new Promise((done) => waiters.push({ match, resolve: done })),
          close: () => req.destroy(),
        };
      },
    );
    req.on("error", reject);
  });
}

describe("live updates by server-sent events", () => {
  let t: TestApp;
  let other: { app: FastifyInstance; database: Database } | null = null;

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    if (t.database.engine === "postgres") {
      // A second server process stand-in: its own app and its own pool, on the same PostgreSQL database.
      const url = t.database.pool!.options.connectionString!;
      const database = await openDatabase({ engine: "postgres", url, poolSize: 4 });
      const app = await buildApp({ config: t.config, database, clock: t.clock });
      await app.listen({ port: 0, host: "127.0.0.1" });
      await app.live.ready;
      other = { app, database };
    }
    await t.app.live.ready;
  });
  afterAll(async () => {
    if (other) {
      await other.app.close();
      await other.database.close();
    }
    await t.close();
  });

  it("a task changed through one instance reaches a client connected to the other (in process on PGlite)", async () => {
    const lead = await buildAgency(t.db);
    const { session } = await signedIn(t.app, t.db, "officer", lead.id);
    const task = await buildTask(t.db, { agencyId: lead.id });
    const listening = other?.app ?? t.app;
    const stream = await openStream(listening, session.cookie);
    try {
      const seen = stream.next((d) => d.includes(task.id));
      const response = await call(t.app, session, "PATCH", `/api/v1/tasks/${task.id}`, { progress: 35 });
      expect(response.statusCode).toBe(200);
      expect(JSON.parse(await seen)).toEqual({ entity: "task", id: task.id, planId: null });
    } finally {
      stream.close();
    }
  });

  it("a change rolled back is never announced", async () => {
    const lead = await buildAgency(t.db);
    const { session } = await signedIn(t.app, t.db, "officer", lead.id);
    const task = await buildTask(t.db, { agencyId: lead.id });
    const stream = await openStream(other?.app ?? t.app, session.cookie);
    try {
      const events: string[] = [];
      const first = stream.next((d) => {
        events.push(d);
        return d.includes(task.id);
      });
      // Refused (no reason): the transaction rolls back before any NOTIFY commits.
      expect(
        (await call(t.app, session, "POST", `/api/v1/tasks/${task.id}/status`, { status: "blocked" }))
          .statusCode,
      ).toBe(400);
      expect(
        (await call(t.app, session, "POST", `/api/v1/tasks/${task.id}/status`, { status: "in_progress" }))
          .statusCode,
      ).toBe(200);
      await first;
      expect(events.filter((d) => d.includes(task.id))).toHaveLength(1);
    } finally {
      stream.close();
    }
  });
});
