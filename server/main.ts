import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import { loadAuditKey, useAuditKey } from "./audit/audit-key";
import { terminalLogStream } from "./http/request-log";
import { loadConfig, type Config } from "./config";
import { openDatabase, type Database } from "./db/client";
import { migrateDatabase } from "./db/migrate";
import { DEMO_USERS } from "./demo/demo-region";
import { isDatabaseEmpty, seedDemo } from "./demo/seed-demo";
import { startBackgroundJobs } from "./jobs";
import { WEB_DIST, buildWeb, isWebBuildStale } from "./web-build";

export type ServerOptions = { demo: boolean; config?: Config };
export type RunningServer = { app: FastifyInstance; database: Database; url: string; stop(): Promise<void> };

/** Opens the database, applies migrations, seeds the demo region on an empty database (demo mode), listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const config = options.config ?? loadConfig(process.env, { demoMode: options.demo, webDist: WEB_DIST });
  if (options.demo && isWebBuildStale()) {
    console.log("Building the web app…");
    await buildWeb();
  }
  useAuditKey(loadAuditKey(config.auditKey));
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    if (options.demo && (await isDatabaseEmpty(database.db))) {
      await seedDemo(database.db, new Date(), config.demoPassword);
      console.log("Seeded the Tobruk demo region.");
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  // A person watching a terminal reads short lines; anything else (a service manager, a file) gets JSON.
  const logStream = process.stdout.isTTY ? terminalLogStream() : undefined;
  const app = await buildApp({ config, database, ...(logStream ? { logStream } : {}) });
  await app.listen({ port: config.port, host: config.host });
  const stopJobs = startBackgroundJobs(app);
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      stopJobs();
      await app.close(); // stops accepting, waits for requests in flight
      await database.close();
    })());
  return { app, database, url, stop };
}

export function printBanner(server: RunningServer, config: { demo: boolean; demoPassword: string }) {
  const lines = [
    "",
    `Tansiq is running: ${server.url}`,
    `Database: ${server.database.engine === "pglite" ? "embedded (PGlite)" : "PostgreSQL"}   API docs: ${server.url}/api/docs`,
  ];
  if (config.demo) {
    lines.push(
      "",
      `Demo logins (password for all: ${config.demoPassword}):`,
      ...DEMO_USERS.map((u) => `  ${u.username.padEnd(16)} ${u.role.padEnd(11)} ${u.displayNameEn}`),
      "",
      "Demo mode: the demo admin and leadership accounts may sign in without a second factor (TOTP).",
      "Production: `npx tansiq serve` (no demo data; admin and leadership must enrol TOTP).",
    );
  }
  console.log(lines.join("\n"));
}

/** Stops cleanly on SIGTERM/SIGINT: no new connections, requests in flight finish, the database closes. */
export function stopOnSignals(server: RunningServer) {
  const onSignal = (signal: NodeJS.Signals) => {
    console.log(`\n${signal}: stopping…`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
