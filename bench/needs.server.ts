import { buildApp } from "../server/app";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/client";

// The real app on PostgreSQL, in its own process for needs.bench.ts: listens on 127.0.0.1 (any port), sends
// {port}; on "memory" sends the peaks of RSS and heap sampled every 5 ms since the last "reset"; stops on "stop".

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("BENCH_DATABASE_URL is required");
const config = loadConfig(
  {},
  { logLevel: "silent", demoMode: true, database: { engine: "postgres", url, poolSize: 10 } },
);
const database = await openDatabase(config.database);
const app = await buildApp({ config, database });
await app.listen({ port: 0, host: "127.0.0.1" });

let peak = { rss: 0, heapUsed: 0, external: 0 };
const sample = () => {
  const m = process.memoryUsage();
  peak = {
    rss: Math.max(peak.rss, m.rss),
    heapUsed: Math.max(peak.heapUsed, m.heapUsed),
    external: Math.max(peak.external, m.external + m.arrayBuffers),
  };
};
setInterval(sample, 5).unref();
// Live memory: a full collection every 100 ms, so that the peaks measure what is retained, not what V8 has yet to
// collect (its heap grows lazily under allocation).
setInterval(() => global.gc?.(), 100).unref();

process.on("message", (message) => {
  if (message === "reset") {
    global.gc?.();
    peak = { rss: 0, heapUsed: 0, external: 0 };
    sample();
    process.send?.({ reset: true, now: process.memoryUsage() });
  } else if (message === "memory") {
    sample();
    process.send?.({ peak });
  } else if (message === "stop") {
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
  }
});
process.once("disconnect", () => process.exit(0));
const address = app.server.address();
process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
