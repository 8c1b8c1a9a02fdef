import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { createSession } from "../auth/sessions";
import { fixedClock } from "../clock";
import { loadConfig } from "../config";
import { publishChange } from "../live/publish-change";
import { TEST_NOW } from "../test/app";
import { createTestDatabase } from "../test/database";
import { buildTask, buildUser } from "../test/factories";
import { openSse, type SseStream } from "../test/sse";
import { startTcpProxy, type TcpProxy } from "../test/tcp-proxy";
import { openDatabase, type Database } from "./client";

/** How long each outage lasts; requests are sampled through it. */
const OUTAGE_MS = 30_000;
const SAMPLE_EVERY_MS = 6_000;

/**
 * A database outage seen by a running instance, through a TCP proxy this test cuts: every connection reset,
 * then a silent partition. Requests answer 503 with Retry-After within 5 s, health says `degraded`, and once
 * the database is back requests and live updates recover without a restart.
 */
describe.skipIf(!process.env.DATABASE_URL)("a database outage (PostgreSQL through a proxy)", () => {
  let direct: Database;
  let proxied: Database;
  let proxy: TcpProxy;
  let app: FastifyInstance;
  let cookie: string;
  let stream: SseStream;
  /** A task the officer may read: the stream sends only changes to records its client may read. */
  let taskId: string;

  beforeAll(async () => {
    direct = await createTestDatabase();
    const url = new URL(direct.pool!.options.connectionString!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = "127.0.0.1";
    url.port = String(proxy.port);
    proxied = await openDatabase({ engine: "postgres", url: url.toString(), poolSize: 4 });
    const config = loadConfig(
      {},
      { logLevel: "silent", database: { engine: "postgres", url: url.toString(), poolSize: 4 } },
    );
    app = await buildApp({ config, database: proxied, clock: fixedClock(TEST_NOW) });
    await app.listen({ port: 0, host: "127.0.0.1" });
    await app.live.ready;
    const user = await buildUser(direct.db, { role: "officer" });
    taskId = (await buildTask(direct.db, { agencyId: user.agencyId! })).id;
    const { token } = await createSession(direct.db, user.id, new Date(TEST_NOW), config, {});
    cookie = `tansiq_session=${token}`;
    stream = await openSse((app.server.address() as AddressInfo).port, "/api/v1/live", cookie);
  });
  afterAll(async () => {
    stream?.close();
    proxy?.restore();
    await app?.close();
    await proxied?.close();
    await proxy?.close();
    await direct?.close();
  });

  const get = async (url: string) => {
    const started = performance.now();
    const response = await app.inject({ method: "GET", url, headers: { cookie } });
    return { response, ms: performance.now() - started };
  };

  const anonymous = async (url: string) => {
    const started = performance.now();
    const response = await app.inject({ method: "GET", url });
    return { response, ms: performance.now() - started };
  };

  async function expectUnavailableThroughout() {
    const until = Date.now() + OUTAGE_MS;
    let samples = 0;
    while (Date.now() < until) {
      const [tasks, health] = await Promise.all([get("/api/v1/tasks"), anonymous("/api/health")]);
      expect(tasks.response.statusCode, tasks.response.body).toBe(503);
      expect(tasks.response.json().error.code).toBe("unavailable");
      expect(tasks.response.headers["retry-after"]).toBe("5");
      expect(tasks.ms).toBeLessThan(5_000);
      expect(health.response.statusCode, health.response.body).toBe(503);
      expect(health.response.json()).toMatchObject({ status: "degraded", database: "unavailable" });
      expect(health.ms).toBeLessThan(5_000);
      samples++;
      await new Promise((r) => setTimeout(r, Math.min(SAMPLE_EVERY_MS, Math.max(0, until - Date.now()))));
    }
    expect(samples).toBeGreaterThanOrEqual(3);
  }

  async function expectRecovery(label: string) {
    const started = Date.now();
    let status = 0;
    while (Date.now() - started < 20_000) {
      status = (await get("/api/v1/tasks")).response.statusCode;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status, `${label}: requests did not recover`).toBe(200);
    // The live hub listens again (backoff, forever), tells its streams to resync, and delivers new changes.
    await stream.next((e) => e.event === "resync", 40_000);
    stream.forget(); // an earlier change to the same task must not answer for this one
    await publishChange(direct.db, { entity: "task", id: taskId });
    const change = await stream.next((e) => e.event === "change" && e.data.includes(taskId), 10_000);
    expect(JSON.parse(change.data)).toMatchObject({ entity: "task", id: taskId });
    const health = await get("/api/health");
    expect(health.response.json()).toMatchObject({ status: "ok", database: "up", live: "listening" });
    return Date.now() - started;
  }

  it("answers and recovers as it should before, during and after a reset and a silent partition", async () => {
    expect((await get("/api/v1/tasks")).response.statusCode).toBe(200);
    expect((await get("/api/health")).response.json()).toMatchObject({ status: "ok", live: "listening" });

    proxy.reset();
    await expectUnavailableThroughout();
    proxy.restore();
    const afterReset = await expectRecovery("reset");

    stream.forget(); // the next resync must be the partition's
    proxy.pause();
    await expectUnavailableThroughout();
    proxy.restore();
    const afterPause = await expectRecovery("pause");
    console.log(
      `outage: recovered ${afterReset} ms after the reset ended, ${afterPause} ms after the partition`,
    );
  }, 240_000);
});
