import { loadConfig } from "./config";
import { openDatabase } from "./db/client";
import { DataDirLockedError } from "./db/lock";
import { migrateDatabase } from "./db/migrate";
import { runAuditCommand } from "./audit/audit-cli";
import { loadAuditKey, useAuditKey } from "./audit/audit-key";
import { isDatabaseEmpty, seedDemo } from "./demo/seed-demo";
import { printBanner, startServer, stopOnSignals } from "./main";
import { importMeetingFile, parseImportMeetingArgs } from "./features/meetings/import-meeting-file";

const USAGE = `Usage: tansiq <command>

  start           start with the demo region on an empty database (what \`npm start\` runs)
  serve           start for production: no demo data
  migrate         apply database migrations and exit
  seed-demo       seed the Tobruk demo region into an empty database
  audit verify [--anchor FILE]
                  link pending audit events, then check the whole chain; exit 1 naming the first bad
                  event (with --anchor: also that the anchored head is still in the chain)
  audit anchor [FILE]
                  write the chain's head (position and link) to FILE, or print it: keep it away
                  from the database, then \`audit verify --anchor FILE\` proves nothing was removed since
  import meeting FILE [--date YYYY-MM-DD]
                  read an Arabic meeting report and print the proposed meeting as JSON
                  (--date: the report's publication date, to resolve "اليوم", "أمس" …)
`;

async function withDatabase<T>(
  work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  useAuditKey(loadAuditKey(config.auditKey));
  const database = await openDatabase(config.database);
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
      const server = await startServer({ demo });
      printBanner(server, { demo, demoPassword: server.app.config.demoPassword });
      stopOnSignals(server);
      return -1; // keep running
    }
    case "migrate":
      await withDatabase(async () => {});
      console.log("Migrations applied.");
      return 0;
    case "seed-demo":
      return withDatabase(async ({ db }) => {
        if (!(await isDatabaseEmpty(db))) {
          console.error(
            "The database already has agencies: the demo region is only seeded into an empty database.",
          );
          return 1;
        }
        await seedDemo(db, new Date(), loadConfig().demoPassword);
        console.log("Seeded the Tobruk demo region.");
        return 0;
      });
    case "import": {
      if (sub !== "meeting") break;
      const parsed = parseImportMeetingArgs(args.slice(2));
      if (!parsed) break;
      const result = await importMeetingFile(parsed);
      console.log(JSON.stringify(result, null, 2));
      return result.ok ? 0 : 1;
    }
    case "audit":
      return withDatabase(({ db }) => runAuditCommand(db, args.slice(1)));
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof DataDirLockedError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
