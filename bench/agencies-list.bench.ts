import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { checkList, logIn, PAGE_SIZE, prepare, USERNAME } from "./agencies-list.data";
import { freshDatabase, measure, round, startTarget, type LoadFigures, type Target } from "./support";

// GET /api/v1/agencies (first page of 25, with its count) as a signed-in manager, on PostgreSQL: the real app
// against a bare Fastify route running the same two queries and returning a similar body. Same database, same
// load, one server at a time, each in its own process; autocannon runs here. Writes bench/results/agencies-list.json.

const DATABASE = "tansiq_bench";
const LOAD = {
  connections: envInt("BENCH_CONNECTIONS", 10, 1, 100),
  durationSeconds: envInt("BENCH_DURATION", 10, 1, 20),
  warmupSeconds: envInt("BENCH_WARMUP", 2, 0, 10),
};
const PATH = "/api/v1/agencies";
const TARGETS = new URL("./agencies-list.targets.ts", import.meta.url);
const RESULTS = new URL("./results/agencies-list.json", import.meta.url);

function envInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be an integer in ${min}..${max}`);
  return n;
}

async function run() {
  const loadAtStart = os.loadavg()[0] ?? 0;
  const database = await freshDatabase(DATABASE);
  const running: Target[] = [];
  const start = async (name: "tansiq" | "bare", env: Record<string, string>) => {
    const target = await startTarget(TARGETS, [name], env);
    running.push(target);
    return target;
  };
  try {
    const data = await prepare(database.url);
    const env = { BENCH_DATABASE_URL: database.url, BENCH_AGENCY_ID: data.agencyId };

    const tansiq = await start("tansiq", env);
    const cookie = await logIn(tansiq.url);
    const tansiqCheck = await checkList(`${tansiq.url}${PATH}`, { cookie }, data.visible);
    const tansiqFigures = await measure(tansiq, database, PATH, { cookie }, LOAD);
    await tansiq.stop();

    const bare = await start("bare", env);
    const bareCheck = await checkList(`${bare.url}${PATH}`, {}, data.visible);
    if (bareCheck.codes !== tansiqCheck.codes) throw new Error("bare and Tansiq return different pages");
    const bareFigures = await measure(bare, database, PATH, {}, LOAD);
    await bare.stop();

    return {
      bench: "agencies-list",
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? "unknown",
        memoryGiB: round(os.totalmem() / 2 ** 30, 1),
        loadAverageAtStart: round(loadAtStart, 2), // other work on the machine skews the figures
        node: process.version,
        postgres: data.postgres,
      },
      load: { ...LOAD, pipelining: 1, request: `GET ${PATH} (page 1 of ${PAGE_SIZE} rows, with the total)` },
      data: { agencies: data.agencies, visibleToUser: data.visible, user: `${USERNAME} (manager)` },
      tansiq: { ...tansiqFigures, bodyBytes: tansiqCheck.bodyBytes },
      bare: { ...bareFigures, bodyBytes: bareCheck.bodyBytes },
      ratio: {
        requestsPerSecond: round(tansiqFigures.requestsPerSecond / bareFigures.requestsPerSecond, 3),
        latencyP50: round(tansiqFigures.latencyMs.p50 / bareFigures.latencyMs.p50, 3),
        latencyP99: round(tansiqFigures.latencyMs.p99 / bareFigures.latencyMs.p99, 3),
      },
    };
  } finally {
    for (const target of running) await target.stop();
    await database.drop();
  }
}

function line(name: string, f: LoadFigures) {
  const l = f.latencyMs;
  const cpu = `${f.cpuMsPerRequest.server} ms server + ${f.cpuMsPerRequest.postgres ?? "?"} ms PostgreSQL`;
  return [
    `${name.padEnd(7)} ${f.requestsPerSecond} req/s (mean)   latency p50 ${l.p50} ms, p97.5 ${l.p97_5} ms, p99 ${l.p99} ms`,
    `        ${f.requests} requests, non-2xx ${f.non2xx}, errors ${f.errors}; CPU per request ${cpu}`,
  ].join("\n");
}

const started = Date.now();
const measured = await run();
const result = { ...measured, elapsedSeconds: round((Date.now() - started) / 1000, 1) };
mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);

console.log(
  `\nGET /api/v1/agencies: ${LOAD.connections} connections, ${LOAD.durationSeconds} s after a ${LOAD.warmupSeconds} s warm-up; ` +
    `${result.data.visibleToUser} of ${result.data.agencies} agencies visible to ${result.data.user}`,
);
console.log(line("Tansiq", result.tansiq));
console.log(line("bare", result.bare));
console.log(
  `ratio Tansiq/bare: ${result.ratio.requestsPerSecond} of the requests/s ` +
    `(bodies: ${result.tansiq.bodyBytes} and ${result.bare.bodyBytes} bytes)`,
);
console.log(`\n${JSON.stringify(result, null, 2)}`);
console.log(`Written to bench/results/agencies-list.json (${result.elapsedSeconds} s)`);

if ([result.tansiq, result.bare].some((f) => f.non2xx > 0 || f.errors > 0 || f.requests === 0)) {
  console.error("FAILED: non-2xx responses or connection errors during the load");
  process.exitCode = 1;
}
