import { buildApp } from "../server/app";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/client";
import { serveUntilStopped } from "./support";

// The real app (buildApp: sessions, route guard, schemas, helmet …) on PostgreSQL, in its own process, for the
// benches: BENCH_DATABASE_URL is its database. Besides "stop" and "cpu" (see serveUntilStopped) it answers
// "reset" (start sampling memory every 5 ms; replies with the usage then, as `baseline`) and "memory" (stop
// sampling, send the peaks since "reset").
// "reset" samples the process as it runs. "reset retained" also forces a full collection every 100 ms, which makes
// the peaks what is retained, not what V8 has yet to collect; it slows the work measured (an export of a million
// incidents by a third), so time is measured without it. Outside sampling nothing is forced.

// BENCH_PGLITE_DIR instead: the embedded engine on that data directory.
const url = process.env.BENCH_DATABASE_URL;
const pgliteDir = process.env.BENCH_PGLITE_DIR;
if (!url && !pgliteDir) throw new Error("BENCH_DATABASE_URL or BENCH_PGLITE_DIR is required");
const config = loadConfig(
  {},
  {
    logLevel: "silent",
    demoMode: true,
    database: url
      ? { engine: "postgres", url, poolSize: 10 }
      : { engine: "pglite", dataDir: pgliteDir ?? null },
  },
);
const database = await openDatabase(config.database);
const app = await buildApp({
  config: { ...config, login: { ...config.login, maxPerAddress: 100_000 } },
  database,
});
await app.listen({ port: 0, host: "127.0.0.1" });

let peak = { rss: 0, heapUsed: 0, external: 0 };
let timers: NodeJS.Timeout[] = [];
const sample = () => {
  const m = process.memoryUsage();
  peak = {
    rss: Math.max(peak.rss, m.rss),
    heapUsed: Math.max(peak.heapUsed, m.heapUsed),
    external: Math.max(peak.external, m.external + m.arrayBuffers),
  };
};

process.on("message", (message) => {
  if (message === "reset" || message === "reset retained") {
    global.gc?.();
    peak = { rss: 0, heapUsed: 0, external: 0 };
    sample();
    timers.forEach(clearInterval);
    timers = [setInterval(sample, 5)];
    if (message === "reset retained") timers.push(setInterval(() => global.gc?.(), 100));
    process.send?.({ reset: true, baseline: process.memoryUsage() });
  } else if (message === "memory") {
    sample();
    timers.forEach(clearInterval);
    timers = [];
    process.send?.({ peak });
  }
});

const address = app.server.address();
serveUntilStopped(typeof address === "object" && address ? address.port : 0, async () => {
  await app.close();
  await database.close();
});
