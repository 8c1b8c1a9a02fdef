import { readFile } from "node:fs/promises";
import { and, asc, eq } from "drizzle-orm";
import type { Config } from "../../../config";
import { actorFrom } from "../../../auth/sessions";
import { allow } from "../../../authz/engine";
import type { Db } from "../../../db/client";
import { users } from "../../users/users.table";
import { canImportFor } from "../incidents.policy";
import { importIncidents, type ImportSummary } from "./import-incidents";
import { IMPORT_FORMATS, type ImportFormat } from "./parse-incidents";

export type ImportIncidentsArgs = { file: string; format: ImportFormat; dryRun: boolean; as?: string };
export class ImportRefused extends Error {}

/** `import incidents FILE [--format tansiq|acled|iom] [--dry-run] [--as USER]`; a message when malformed. */
export function parseImportIncidentsArgs(args: string[]): ImportIncidentsArgs | string {
  let file: string | undefined;
  let format: ImportFormat = "tansiq";
  let dryRun = false;
  let as: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--dry-run") dryRun = true;
    else if (a === "--format" || a === "--as") {
      const v = args[++i];
      if (!v) return `${a} needs a value.`;
      if (a === "--as") as = v;
      else if ((IMPORT_FORMATS as readonly string[]).includes(v)) format = v as ImportFormat;
      else return `--format is one of ${IMPORT_FORMATS.join(", ")}.`;
    } else if (!a.startsWith("--") && !file) file = a;
    else return `Unknown argument ${a}.`;
  }
  if (!file) return "Which file? import incidents FILE [--format tansiq|acled|iom] [--dry-run] [--as USER]";
  return { file, format, dryRun, ...(as ? { as } : {}) };
}

/** Runs an import as a user (by default the first active leadership account), progress to stderr. */
export async function runImportIncidents(
  db: Db,
  config: Config,
  args: ImportIncidentsArgs,
  now: Date,
): Promise<ImportSummary> {
  const [user] = await db
    .select()
    .from(users)
    .where(
      and(args.as ? eq(users.username, args.as) : eq(users.role, "leadership"), eq(users.isActive, true)),
    )
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1);
  if (!user)
    throw new ImportRefused(args.as ? `No active user ${args.as}.` : "No active leadership account.");
  const actor = actorFrom(user, "cli", config);
  const agencyId = user.agencyId;
  if (!agencyId) throw new ImportRefused(`${user.username} belongs to no agency: the rows need one.`);
  if (!allow("incidents.import", actor) || !canImportFor(actor, agencyId))
    throw new ImportRefused(`${user.username} may not import incidents.`);
  const file = await readFile(args.file);
  return db.transaction((tx) =>
    importIncidents(
      tx,
      { actor, now },
      {
        format: args.format,
        agencyId,
        dryRun: args.dryRun,
        file,
        language: actor.language === "en" ? "en" : "ar",
        onProgress: (m) => process.stderr.write(`${m}\n`),
      },
    ),
  );
}
