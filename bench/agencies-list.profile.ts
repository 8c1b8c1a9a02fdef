import { checkList, logIn, prepare } from "./agencies-list.data";
import { freshDatabase, measure, startTarget, type LoadFigures, type Target } from "./support";

// Where Tansiq's time goes on GET /api/v1/agencies: from the bare route to the real app, one part added at a
// time (see agencies-list.targets.ts), each under the same load. Compare CPU per request more than requests/s:
// on a small machine the load generator, the server and PostgreSQL share the cores.

const DATABASE = "tansiq_bench_profile";
const PATH = "/api/v1/agencies";
const LOAD = { connections: 10, durationSeconds: 5, warmupSeconds: 1 };
const TARGETS = new URL("./agencies-list.targets.ts", import.meta.url);
// Each step and the step it adds to (its Δ is against that one).
const STEPS: [string, string | null][] = [
  ["bare", null],
  ["bare+session", "bare"],
  ["drizzle", "bare"],
  ["drizzle+zod", "drizzle"],
  ["drizzle+zod+session", "drizzle+zod"],
  ["tansiq", "drizzle+zod+session"],
];

const database = await freshDatabase(DATABASE);
const results = new Map<string, LoadFigures>();
let running: Target | undefined;
try {
  const data = await prepare(database.url);
  const env = { BENCH_DATABASE_URL: database.url, BENCH_AGENCY_ID: data.agencyId };
  let cookie = "";
  // Tansiq first: its login makes the session cookie the other steps send.
  for (const step of ["tansiq", ...STEPS.map(([name]) => name).filter((name) => name !== "tansiq")]) {
    running = await startTarget(TARGETS, [step], env);
    if (step === "tansiq") cookie = await logIn(running.url);
    await checkList(`${running.url}${PATH}`, { cookie }, data.visible);
    results.set(step, await measure(running, database, PATH, { cookie }, LOAD));
    await running.stop();
    running = undefined;
  }
} finally {
  await running?.stop();
  await database.drop();
}

console.log(`\nGET ${PATH}, ${LOAD.connections} connections, ${LOAD.durationSeconds} s each`);
console.log(
  "step                  req/s  p50 ms  p99 ms   CPU ms/request: server   PostgreSQL   (Δ against)",
);
const delta = (now: number | null, before: number | null | undefined) =>
  now === null || before === null || before === undefined
    ? ""
    : `${now - before >= 0 ? "+" : ""}${(now - before).toFixed(3)}`;
for (const [step, base] of STEPS) {
  const f = results.get(step);
  const b = base ? results.get(base) : undefined;
  if (!f) continue;
  const server = f.cpuMsPerRequest.server;
  const postgres = f.cpuMsPerRequest.postgres;
  console.log(
    [
      step.padEnd(20),
      f.requestsPerSecond.toFixed(0).padStart(6),
      String(f.latencyMs.p50).padStart(7),
      String(f.latencyMs.p99).padStart(7),
      `${server.toFixed(3)} ${delta(server, b?.cpuMsPerRequest.server)}`.padStart(29),
      `${postgres?.toFixed(3) ?? "?"} ${delta(postgres, b?.cpuMsPerRequest.postgres)}`.padStart(15),
      base ? `  (${base})` : "",
    ].join(" "),
  );
}
const failed = [...results.values()].some((f) => f.non2xx > 0 || f.errors > 0);
if (failed) {
  console.error("FAILED: non-2xx responses or connection errors");
  process.exitCode = 1;
}
