import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { Config } from "../config";
import { fromPglite, openDatabase } from "../db/client";
import { acquireDataDirLock } from "../db/lock";
import { migrateDatabase } from "../db/migrate";
import { progress } from "./progress";

// `tansiq backup FILE` and `tansiq restore FILE`. PostgreSQL: pg_dump's custom format, restored by pg_restore in
// one transaction. PGlite: the data folder as PGlite dumps it (a gzipped tar), loaded into a new folder while the
// old one is kept beside it. The audit key is not in a backup: it is kept outside the database on purpose.

export class OpsError extends Error {}

type Kind = "postgres" | "pglite";

/** What a backup file holds, by its first bytes: pg_dump's custom format starts "PGDMP", a gzip 1f 8b. */
function backupKind(file: string): Kind | null {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    readSync(fd, head, 0, 5, 0);
    if (head.toString("latin1") === "PGDMP") return "postgres";
    if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
    return null;
  } finally {
    closeSync(fd);
  }
}

function megabytes(file: string): string {
  return `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`;
}

/** Runs a PostgreSQL client program; its own messages go to our stderr. */
function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new OpsError(
              `${program} was not found: install PostgreSQL's client programs (postgresql-client).`,
            )
          : error,
      ),
    );
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new OpsError(`${program} failed (exit ${code}); nothing was changed.`)),
    );
  });
}

export async function backup(config: Config, file: string): Promise<void> {
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  const started = Date.now();
  if (config.database.engine === "postgres") {
    progress(`Backing up the PostgreSQL database with pg_dump to ${target} …`);
    await run("pg_dump", [
      "--format=custom",
      "--no-owner",
      "--no-privileges",
      `--file=${target}`,
      config.database.url,
    ]);
  } else {
    const dataDir = config.database.dataDir ?? "./data";
    progress(`Backing up the embedded database in ${path.resolve(dataDir)} to ${target} …`);
    const database = await openDatabase({ engine: "pglite", dataDir });
    try {
      await migrateDatabase(database);
      progress("Dumping PGlite's data folder …");
      const dump = await database.pglite!.dumpDataDir("gzip");
      writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await database.close();
    }
  }
  progress(
    `Backup written: ${target} (${megabytes(target)}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  progress(
    "The audit key is not in the backup: keep it (TANSIQ_AUDIT_KEY or its file) to verify the restored chain.",
  );
}

export async function restore(config: Config, file: string): Promise<void> {
  const source = path.resolve(file);
  if (!existsSync(source)) throw new OpsError(`${source} does not exist.`);
  const kind = backupKind(source);
  if (kind === null)
    throw new OpsError(`${source} is not a Tansiq backup (neither pg_dump's format nor PGlite's).`);
  if (kind !== config.database.engine) {
    throw new OpsError(
      kind === "pglite"
        ? `${source} is a backup of an embedded (PGlite) installation: restore it without DATABASE_URL, then move it with \`tansiq migrate-to-postgres\`.`
        : `${source} is a PostgreSQL backup: restore it with DATABASE_URL set.`,
    );
  }
  const started = Date.now();
  if (config.database.engine === "postgres") {
    progress(`Restoring ${source} into the PostgreSQL database with pg_restore (one transaction) …`);
    await run("pg_restore", [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      "--exit-on-error",
      `--dbname=${config.database.url}`,
      source,
    ]);
    const database = await openDatabase({ ...config.database, engine: "postgres", operations: true });
    try {
      progress("Applying newer migrations, if any …");
      await migrateDatabase(database);
    } finally {
      await database.close();
    }
  } else {
    const dataDir = path.resolve(config.database.dataDir ?? "./data");
    mkdirSync(dataDir, { recursive: true });
    const release = acquireDataDirLock(dataDir); // refused while a server runs on the folder
    try {
      const pgdata = path.join(dataDir, "pgdata");
      const fresh = path.join(dataDir, `pgdata.restoring-${process.pid}`);
      progress(`Restoring ${source} into ${dataDir} …`);
      const client = await PGlite.create(fresh, {
        extensions: { pg_trgm },
        loadDataDir: new Blob([readFileSync(source)]),
      });
      const database = fromPglite(client);
      try {
        progress("Applying newer migrations, if any …");
        await migrateDatabase(database);
      } finally {
        await database.close();
      }
      if (existsSync(pgdata)) {
        const kept = path.join(
          dataDir,
          `pgdata.before-restore-${new Date().toISOString().replaceAll(":", "-")}`,
        );
        renameSync(pgdata, kept);
        progress(`The previous database is kept in ${kept} (delete it once the restore is checked).`);
      }
      renameSync(fresh, pgdata);
    } finally {
      release();
    }
  }
  progress(
    `Restored ${source} in ${((Date.now() - started) / 1000).toFixed(1)} s. Check it: tansiq audit verify`,
  );
}
