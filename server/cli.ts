import { loadConfig } from "./config";
import { openDatabase } from "./db/client";
import { DataDirLockedError } from "./db/lock";
import { migrateDatabase } from "./db/migrate";
import { runAuditCommand } from "./audit/audit-cli";
import { loadAuditKey, useAuditKey } from "./audit/audit-key";
import { OpsError, backup, restore } from "./ops/backup";
import { checkAdminInput, createAdmin, parseCreateAdminArgs, readAdminPassword } from "./ops/create-admin";
import { migrateToPostgres } from "./ops/migrate-to-postgres";
import {
  formatImportResult,
  importMeetingFile,
  parseImportMeetingArgs,
} from "./features/meetings/import-meeting-file";
import {
  ImportRefused,
  parseImportIncidentsArgs,
  runImportIncidents,
} from "./features/incidents/import/incidents.import.cli";
import "./authz/index";

// The server, the demo seeder and the report writer are loaded by the commands that use them: together they were
// 1.1 s of every command's start-up (bench/incidents-import.bench.ts times the import command from spawn to exit).
const loadServer = () => import("./main");
const loadDemo = () => import("./demo/seed-demo");
const loadWeeklyReport = () => import("./features/reports/weekly-report.cli");

const USAGE = `Usage: tansiq <command>

  start           start with the demo region on an empty database (what \`npm start\` runs)
  serve           start for production: no demo data
  migrate         apply database migrations and exit
  seed-demo [--recent]
                  seed the Tobruk demo region into an empty database (with --recent: the last eight weeks
                  of incidents only, without the year before them and IOM's rows; seconds faster)
  audit verify [--anchor FILE]
                  link pending audit events, then check the whole chain; exit 1 naming the first bad
                  event (with --anchor: also that the anchored head is still in the chain)
  audit anchor [FILE]
                  write the chain's head (position and link) to FILE, or print it: keep it away
                  from the database, then \`audit verify --anchor FILE\` proves nothing was removed since
  create-admin USERNAME [--agency CODE]
                  create an admin account (a production install's first one). The password is read from
                  TANSIQ_ADMIN_PASSWORD, from standard input, or typed at a prompt; on an empty database
                  the admin's agency (code ADMIN, or CODE) is created too
  backup FILE     write a backup of the database to FILE (PostgreSQL: pg_dump; embedded: PGlite's dump)
  restore FILE    replace the database with the backup in FILE (stop the server first)
  migrate-to-postgres DATABASE_URL
                  copy the embedded database (TANSIQ_DATA_DIR) into an empty PostgreSQL database, then
                  check every table and the audit chain there
  import incidents FILE [--format tansiq|acled|iom] [--dry-run] [--as USER]
                  import incidents from Tansiq's template (CSV or .xlsx), an ACLED export or IOM's Missing
                  Migrants CSV: progress on stderr, a JSON summary (created, skipped, refused) on stdout
  import meeting FILE [--date YYYY-MM-DD] [--format json|text]
                  read an Arabic meeting report and print the proposed meeting as JSON, or as a
                  readable summary with --format text (--date: the report's publication date, to
                  resolve "اليوم", "أمس" …); a report with no meeting says why and lists the people
                  and places found
  report weekly --out FILE.pdf|FILE.xlsx [--week 2026-W48] [--district LY0104] [--as USERNAME]
                [--language ar|en]
                  write the weekly security report: the week's incidents and crossings (by default the
                  last whole week), the plans' indicators and the follow-up as they stand; as the
                  region's leadership, or as USERNAME (a manager sees what they may list)
`;

async function withDatabase<T>(
  work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  useAuditKey(loadAuditKey(config.auditKey));
  // A command is not a request: no request timeouts (a long audit verify must not be cut at 3.5 s)
  const options = config.database;
  const database = await openDatabase(
    options.engine === "postgres" ? { ...options, operations: true } : options,
  );
  try {
    await migrateDatabase(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

async function main(args: string[]): Promise<number> {
  const [command, sub] = args;
  switch (command) {
    case "start":
    case "serve": {
      const demo = command === "start";
      const { printBanner, startServer, stopOnSignals } = await loadServer();
      const started = await startServer({ demo });
      printBanner(started, { demo, demoPassword: started.app.config.demoPassword });
      stopOnSignals(started);
      return -1; // keep running
    }
    case "migrate":
      await withDatabase(async () => {});
      console.log("Migrations applied.");
      return 0;
    case "seed-demo":
      return withDatabase(async ({ db }) => {
        const { isDatabaseEmpty, seedDemo } = await loadDemo();
        if (!(await isDatabaseEmpty(db))) {
          console.error(
            "The database already has agencies: the demo region is only seeded into an empty database.",
          );
          return 1;
        }
        await seedDemo(
          db,
          new Date(),
          loadConfig().demoPassword,
          args.includes("--recent") ? "recent" : "year",
        );
        console.log("Seeded the Tobruk demo region.");
        return 0;
      });
    case "import": {
      if (sub === "incidents") {
        const parsed = parseImportIncidentsArgs(args.slice(2));
        if (typeof parsed === "string") {
          console.error(parsed);
          break;
        }
        return withDatabase(async ({ db }) => {
          try {
            const summary = await runImportIncidents(db, loadConfig(), parsed, new Date());
            console.log(JSON.stringify(summary, null, 2));
            return summary.written || parsed.dryRun ? 0 : 1;
          } catch (error) {
            if (!(error instanceof ImportRefused)) throw error;
            console.error(error.message);
            return 1;
          }
        });
      }
      if (sub !== "meeting") break;
      const parsed = parseImportMeetingArgs(args.slice(2));
      if (!parsed) break;
      const result = await importMeetingFile(parsed);
      console.log(parsed.format === "text" ? formatImportResult(result) : JSON.stringify(result, null, 2));
      return result.ok ? 0 : 1;
    }
    case "report": {
      if (sub !== "weekly") break;
      const { ReportRefused, parseWeeklyReportArgs, writeWeeklyReport } = await loadWeeklyReport();
      const parsed = parseWeeklyReportArgs(args.slice(2));
      if (typeof parsed === "string") {
        console.error(parsed);
        break;
      }
      return withDatabase(async ({ db }) => {
        try {
          console.error(await writeWeeklyReport(db, loadConfig(), parsed, new Date()));
          return 0;
        } catch (error) {
          if (!(error instanceof ReportRefused)) throw error;
          console.error(error.message);
          return 1;
        }
      });
    }
    case "audit":
      return withDatabase(({ db }) => runAuditCommand(db, args.slice(1)));
    case "create-admin": {
      const parsed = parseCreateAdminArgs(args.slice(1));
      if (!parsed) break;
      const password = await readAdminPassword();
      checkAdminInput(parsed.username, password); // before the database is opened: a refusal writes nothing
      return withDatabase(async ({ db }) => {
        const { user, agencyCreated } = await createAdmin(db, { ...parsed, password });
        const agency = agencyCreated ? " and its agency" : "";
        console.error(
          `Created the admin ${user.username}${agency}. At the first sign-in Tansiq asks for a second factor (TOTP).`,
        );
        return 0;
      });
    }
    case "backup":
    case "restore": {
      if (!sub || args.length !== 2) break;
      const config = loadConfig();
      await (command === "backup" ? backup(config, sub) : restore(config, sub));
      return 0;
    }
    case "migrate-to-postgres": {
      if (!sub || args.length !== 2) break;
      const config = loadConfig();
      useAuditKey(loadAuditKey(config.auditKey));
      if (config.database.engine !== "pglite") {
        console.error("Run migrate-to-postgres without DATABASE_URL: it reads the embedded database.");
        return 2;
      }
      await migrateToPostgres(config.database.dataDir ?? "./data", sub);
      return 0;
    }
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof DataDirLockedError || error instanceof OpsError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
