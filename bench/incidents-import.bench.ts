import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { zonedDay } from "../common/dates";
import { DISTRICT_CENTRES } from "../common/district-centres";
import { DISTRICT_PCODES, type DistrictPcode } from "../common/districts";
import { openDatabase, queryRows, type Db } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { seedDemo } from "../server/demo/seed-demo";
import { TEMPLATE_COLUMNS } from "../server/features/incidents/import/parse-incidents";
import { csvCell } from "../server/features/incidents/import/read-csv";
import { ADMIN_URL, freshDatabase, round, type BenchDatabase } from "./support";

// Issue 12, acceptance: "import of a 100k-row Tansiq file ≥ 20,000 rows/s" on PostgreSQL. A fresh database with the
// demo region (agencies, users, incident types, districts), a 100,000-row file in Tansiq's own template (its columns
// taken from TEMPLATE_COLUMNS, Arabic headers, a BOM and CRLF as the template is served; Arabic places and
// narratives, every active type, 22 districts, three years of days, coordinates on 85% of the rows, a source id on
// each), then the command as an operator runs it, in its own process:
//   node --import tsx server/cli.ts import incidents FILE --as officer.emsaed     (DATABASE_URL → the bench database)
// timed from spawn to exit (start-up, migrations check, read, validate, write, commit), with the process's peak RSS.
// Then the same file again: it must create nothing (every row skipped by its source id). Then the file with one bad
// row near its end: refused, the row named, nothing written. The counts are checked in the database afterwards.
// BENCH_ROWS=… another size; BENCH_KEEP=1 keeps the database; BENCH_CPU_PROF=<dir> writes a CPU profile of each
// import process. Exit 1 when the bar is missed or a check fails.

const NAME = "tansiq_bench_import";
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const BAR_ROWS_PER_SECOND = 20_000;
const YEARS = 3;
const USER = "officer.emsaed";
const PASSWORD = "bench-password-1";
const NOW = new Date();
// The command reads its audit key from the environment (else it would make ./data/audit.key).
const AUDIT_KEY = "bench-import-audit-key-0123456789abcdef";
process.env.TANSIQ_AUDIT_KEY ??= AUDIT_KEY;

const PLACES = [
  "منفذ أمساعد البري",
  "بوابة أمساعد",
  "الطريق الساحلي شرق طبرق",
  "وسط مدينة طبرق",
  "ميناء طبرق",
  "الطريق الصحراوي جنوب طبرق",
  "بنغازي، حي الصابري",
  "درنة",
  "إجدابيا",
  "الكفرة",
  "سرت",
  "مصراتة",
  "طرابلس - سوق الجمعة",
  "زوارة",
  "سبها",
  "غات",
];
const NARRATIVES = [
  "ضبط شاحنة صهريج محملة بالوقود المهرب قرب البوابة",
  "اعتراض قارب يقل مهاجرين غير نظاميين قبالة الساحل، وإحالتهم إلى مركز الإيواء",
  "ضبط سيارة محملة بالسجائر والبضائع المهربة",
  'مداهمة مخزن للسلع المدعومة المعدة للتهريب ("دقيق وزيت")',
  "ضبط كمية من الأقراص المخدرة في نقطة تفتيش\r\nوإحالة السائق إلى النيابة",
  "بلاغ عن سرقة سيارة من أمام منزل المواطن",
  "العثور على مهاجرين تائهين في الصحراء",
  "ضبط عملة أجنبية غير مصرح بها مع مسافر, and a note in English",
  "",
];

type Field = (typeof TEMPLATE_COLUMNS)[number][1];
/** A pseudo-random integer in [0, n) for row i and a salt (Knuth's multiplicative hash). */
const h = (i: number, salt: number, n: number) => Number((BigInt(i + salt) * 2654435761n) % 4294967296n) % n;
const count = (i: number, salt: number, max: number) => {
  const n = h(i, salt, max * 3);
  return n < max ? String(n) : n < max * 2 ? "0" : "";
};

/**
 * The file, as Tansiq's template is served: Arabic headers, a BOM, CRLF. `bad`: the data row whose day does not
 * exist (row `bad + 1` of the sheet), with source ids of another series so that none would be skipped.
 */
function templateFile(rows: number, typeCodes: string[], bad?: number): string {
  const today = zonedDay(NOW);
  const dayOf = (i: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1 - h(i, 12, 365 * YEARS));
    return d.toISOString().slice(0, 10);
  };
  // Types skewed to the first ones (smuggling, migration), districts to Tobruk's; a twentieth of the rows name no
  // district (placed by their coordinates), 15% have no coordinates.
  const typeOf = (i: number) =>
    typeCodes[Math.floor(typeCodes.length * (h(i, 4, 1000) / 1000) ** 2)] ?? "other";
  const districtOf = (i: number): DistrictPcode =>
    h(i, 5, 3) === 0 ? "LY0104" : (DISTRICT_PCODES[h(i, 6, DISTRICT_PCODES.length)] ?? "LY0104");
  const located = (i: number) => h(i, 17, 100) < 85;
  const named = (i: number) => h(i, 18, 100) >= 5 || !located(i);
  const at = (i: number, axis: 0 | 1) =>
    located(i)
      ? (DISTRICT_CENTRES[districtOf(i)][axis] + (h(i, 13 + axis, 1000) - 500) / 2000).toFixed(5)
      : "";
  const cell: Record<Field, (i: number) => string> = {
    source_id: (i) => `${bad ? "BAD" : "BENCH"}-${String(i).padStart(7, "0")}`,
    type_code: typeOf,
    occurred_on: (i) => (i === bad ? "2025-02-30" : dayOf(i)),
    district_pcode: (i) => (named(i) ? districtOf(i) : ""),
    place_name: (i) => PLACES[h(i, 15, PLACES.length)] ?? "طبرق",
    latitude: (i) => at(i, 1),
    longitude: (i) => at(i, 0),
    narrative: (i) => NARRATIVES[h(i, 16, NARRATIVES.length)] ?? "",
    dead: (i) => count(i, 7, 3),
    missing: (i) => count(i, 8, 2),
    rescued: (i) => count(i, 9, 6),
    arrests: (i) => count(i, 10, 5),
    intercepted: (i) => count(i, 11, 40),
  };
  const lines = [TEMPLATE_COLUMNS.map(([ar]) => csvCell(ar)).join(",")];
  for (let i = 1; i <= rows; i++)
    lines.push(TEMPLATE_COLUMNS.map(([, en]) => csvCell(cell[en](i))).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

type Summary = { rows: number; created: number; skipped: number; written: boolean; refused: unknown[] };
type Run = {
  exitCode: number | null;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number | null;
  /** CPU time of the import process (user + system) and of the PostgreSQL backends serving it (sampled). */
  cpuSeconds: { node: number | null; postgres: number | null };
  /** Seconds from spawn to each progress line the command writes to stderr (the phases). */
  phases: Record<string, number>;
  summary: Summary | null;
  stderrTail: string;
};

const CLI = fileURLToPath(new URL("../server/cli.ts", import.meta.url));
// The import process reports its own peak RSS and CPU time as it exits (process.exit runs the "exit" listeners).
const REPORT_RSS = `data:text/javascript,${encodeURIComponent(
  'import { writeSync } from "node:fs"; process.on("exit", () => { const u = process.resourceUsage(); ' +
    "writeSync(2, `\\nbench-maxrss-kb ${u.maxRSS} cpu-us ${u.userCPUTime + u.systemCPUTime}\\n`); });",
)}`;

/**
 * The CPU time of the PostgreSQL backends serving `database` other than the bench's own connection, sampled every
 * 100 ms from /proc while `during` runs (a backend's last 100 ms may be missed); null when PostgreSQL is not local.
 */
async function backendCpuSeconds(db: Db, name: string, during: Promise<unknown>): Promise<number | null> {
  if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(ADMIN_URL).hostname)) return null;
  const ticks = new Map<number, number>();
  let done = false;
  void during.finally(() => (done = true));
  while (!done) {
    const pids = await queryRows<{ pid: number }>(
      db,
      sql`select pid from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`,
    );
    for (const { pid } of pids) {
      try {
        // after "(comm)": utime and stime are the 14th and 15th fields of the line
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        ticks.set(pid, Math.max(ticks.get(pid) ?? 0, Number(fields[11]) + Number(fields[12])));
      } catch {
        // the backend has just gone
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return round([...ticks.values()].reduce((a, b) => a + b, 0) / 100, 1); // USER_HZ: 100 ticks a second
}

/** `tansiq import incidents FILE --as USER` in its own process, as an operator runs it. */
async function runCommand(
  database: BenchDatabase,
  db: Db,
  file: string,
  rows: number,
  label: string,
): Promise<Run> {
  // one folder per run: the main thread's profile and tsx's loader thread's
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", "--cpu-prof-dir", path.join(process.env.BENCH_CPU_PROF, label)]
    : [];
  const args = [...profile, "--import", "tsx", "--import", REPORT_RSS, CLI, "import", "incidents", file];
  const started = performance.now();
  const child = spawn(process.execPath, [...args, "--as", USER], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const phases: Record<string, number> = {};
  child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  child.stderr.setEncoding("utf8").on("data", (s: string) => {
    const at = round((performance.now() - started) / 1000, 2);
    for (const line of s.split("\n")) {
      if (/^read \d+ rows/.test(line)) phases.read = at;
      else if (/ to create, /.test(line)) phases.validated = at;
      else if (/^written \d+ of \d+/.test(line)) {
        phases.firstChunkWritten ??= at;
        phases.lastChunkWritten = at;
      }
    }
    stderr += s;
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const postgresCpu = await backendCpuSeconds(db, NAME, exited);
  const exitCode = await exited;
  const seconds = (performance.now() - started) / 1000;
  const rss = /bench-maxrss-kb (\d+) cpu-us (\d+)/.exec(stderr);
  let summary: Summary | null = null;
  try {
    summary = JSON.parse(stdout) as Summary;
  } catch {
    summary = null;
  }
  return {
    exitCode,
    seconds: round(seconds, 2),
    rowsPerSecond: Math.round(rows / seconds),
    peakRssMb: rss ? round(Number(rss[1]) / 1024, 1) : null,
    cpuSeconds: { node: rss ? round(Number(rss[2]) / 1e6, 1) : null, postgres: postgresCpu },
    phases,
    summary: summary && { ...summary, refused: summary.refused.slice(0, 3) },
    stderrTail: exitCode === 0 ? "" : stderr.split("\n").slice(-12).join("\n"),
  };
}

const counted = async (db: Db) => {
  const [row] = await queryRows<{ incidents: number; history: number; imports: number; rollup: number }>(
    db,
    sql`select (select count(*)::int from incidents) as incidents,
          (select count(*)::int from incident_history) as history,
          (select count(*)::int from audit_events where action = 'incident.import') as imports,
          (select coalesce(sum(incidents), 0)::int from incident_day_counts) as rollup`,
  );
  return row!;
};

async function run() {
  const failures: string[] = [];
  const check = (ok: boolean, failure: string) => {
    if (!ok) failures.push(failure);
  };
  const loadAverageAtStart = os.loadavg().map((n) => round(n));
  const database = await freshDatabase(NAME);
  const dir = mkdtempSync(path.join(os.tmpdir(), "tansiq-bench-import-"));
  const db = await openDatabase({ engine: "postgres", url: database.url, poolSize: 1, operations: true });
  try {
    const started = performance.now();
    await migrateDatabase(db);
    await seedDemo(db.db, NOW, PASSWORD);
    await db.db.execute(sql`vacuum analyze`);
    const seedSeconds = round((performance.now() - started) / 1000, 1);
    const types = await queryRows<{ code: string }>(
      db.db,
      sql`select code from incident_types where is_active order by sort_order`,
    );
    const fileStarted = performance.now();
    const text = templateFile(
      ROWS,
      types.map((t) => t.code),
    );
    const file = path.join(dir, "incidents-100k.csv");
    writeFileSync(file, text);
    const fileSeconds = round((performance.now() - fileStarted) / 1000, 2);
    const demo = await counted(db.db);
    console.error(
      `demo region seeded in ${seedSeconds} s (${demo.incidents} incidents); ${ROWS} rows written to ${file} ` +
        `(${round(Buffer.byteLength(text) / 2 ** 20, 1)} MB) in ${fileSeconds} s`,
    );

    const first = await runCommand(database, db.db, file, ROWS, "first");
    const afterFirst = await counted(db.db);
    check(first.exitCode === 0, `first run: exit ${first.exitCode}\n${first.stderrTail}`);
    check(
      first.summary?.created === ROWS && first.summary.skipped === 0 && first.summary.written,
      `first run: ${JSON.stringify(first.summary)} (expected ${ROWS} created)`,
    );
    check(
      afterFirst.incidents === demo.incidents + ROWS,
      `incidents after the first run: ${afterFirst.incidents}, expected ${demo.incidents} + ${ROWS}`,
    );
    check(afterFirst.history === demo.history + ROWS, `history after the first run: ${afterFirst.history}`);
    check(afterFirst.imports === demo.imports + 1, `audit events incident.import: ${afterFirst.imports}`);
    check(
      afterFirst.rollup === afterFirst.incidents,
      `day rollup ${afterFirst.rollup} ≠ ${afterFirst.incidents} incidents`,
    );
    check(
      first.rowsPerSecond >= BAR_ROWS_PER_SECOND,
      `first run: ${first.rowsPerSecond} rows/s < ${BAR_ROWS_PER_SECOND}`,
    );
    const [event] = await queryRows<{ after: Record<string, unknown> }>(
      db.db,
      sql`select after from audit_events where action = 'incident.import' order by at desc limit 1`,
    );
    check(
      event?.after.created === ROWS && event.after.rows === ROWS,
      `audit event: ${JSON.stringify(event?.after)}`,
    );

    const second = await runCommand(database, db.db, file, ROWS, "second");
    const afterSecond = await counted(db.db);
    check(second.exitCode === 0, `second run: exit ${second.exitCode}\n${second.stderrTail}`);
    check(
      second.summary?.created === 0 && second.summary.skipped === ROWS,
      `second run: ${JSON.stringify(second.summary)} (expected 0 created, ${ROWS} skipped)`,
    );
    check(
      afterSecond.incidents === afterFirst.incidents,
      `second run created ${afterSecond.incidents - afterFirst.incidents} incidents`,
    );

    // One bad row near the end (a day that does not exist; new source ids, so nothing would be skipped): the
    // whole file is refused, the row named as the sheet numbers it (the header is row 1), nothing written.
    const badFile = path.join(dir, "incidents-100k-one-bad.csv");
    writeFileSync(
      badFile,
      templateFile(
        ROWS,
        types.map((t) => t.code),
        ROWS - 3,
      ),
    );
    const badRow = ROWS - 2;
    const refused = await runCommand(database, db.db, badFile, ROWS, "refused");
    const afterRefused = await counted(db.db);
    check(refused.exitCode === 1, `refused run: exit ${refused.exitCode} (expected 1)`);
    check(
      refused.summary?.written === false &&
        refused.summary.created === 0 &&
        JSON.stringify(refused.summary.refused) ===
          JSON.stringify([
            { row: badRow, column: "التاريخ", reason: "invalid_date", message: "تاريخ غير صالح" },
          ]),
      `refused run: ${JSON.stringify(refused.summary)}`,
    );
    check(
      afterRefused.incidents === afterSecond.incidents && afterRefused.imports === afterSecond.imports,
      `the refused file wrote ${afterRefused.incidents - afterSecond.incidents} incidents`,
    );

    console.log(
      JSON.stringify(
        {
          bench: "incidents-import",
          date: new Date().toISOString(),
          machine: { cpus: os.cpus().length, loadAverageAtStart, node: process.version },
          command: `node --import tsx server/cli.ts import incidents FILE --as ${USER}`,
          file: { rows: ROWS, megabytes: round(Buffer.byteLength(text) / 2 ** 20, 1) },
          bar: { rowsPerSecond: BAR_ROWS_PER_SECOND },
          demoIncidents: demo.incidents,
          first: { ...first, summary: first.summary && { ...first.summary, refused: undefined } },
          second: { ...second, summary: second.summary && { ...second.summary, refused: undefined } },
          refused,
          incidentsAfter: afterRefused.incidents,
        },
        null,
        2,
      ),
    );
    console.log(
      `first run: ${ROWS} rows in ${first.seconds} s = ${first.rowsPerSecond} rows/s (bar ≥ ${BAR_ROWS_PER_SECOND}), ` +
        `peak RSS ${first.peakRssMb} MB, CPU ${first.cpuSeconds.node} s node + ${first.cpuSeconds.postgres} s PostgreSQL; second run: ${second.summary?.created} created, ${second.summary?.skipped} ` +
        `skipped in ${second.seconds} s = ${second.rowsPerSecond} rows/s, peak RSS ${second.peakRssMb} MB; one bad row: ` +
        `refused in ${refused.seconds} s`,
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
    if (process.env.BENCH_KEEP === "1") await database.release();
    else await database.drop();
  }
  if (failures.length) {
    console.error(`FAIL\n${failures.join("\n")}`);
    process.exitCode = 1;
  } else console.log(`PASS: ${ROWS} rows imported at ≥ ${BAR_ROWS_PER_SECOND} rows/s, once`);
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
