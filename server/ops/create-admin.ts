import { eq } from "drizzle-orm";
import { LIMITS } from "../../common/limits";
import { Password, Username } from "../../common/schemas/users";
import type { Ctx } from "../authz/actor";
import type { Db } from "../db/client";
import { agencies, createAgency } from "../features/agencies";
import { createUser } from "../features/users";
import { users } from "../features/users/users.table";
import { passwordStrength } from "../auth/password-strength";
import { OpsError } from "./backup";

// `tansiq create-admin USERNAME`: the first account of a production installation (`tansiq serve` seeds nothing).
// The password is read from TANSIQ_ADMIN_PASSWORD, from standard input when it is not a terminal, or typed twice
// at a prompt that does not echo it; never from the command line (it would stay in the shell's history and be
// visible to every user in the process list). It must meet the app's own rule. Every row written is audited.

export const CREATE_ADMIN_ACTOR = "create-admin";
const DEFAULT_AGENCY = { code: "ADMIN", nameAr: "إدارة المنظومة", nameEn: "System administration" } as const;

export type CreateAdminOptions = { username: string; agencyCode: string | undefined; password: string };

/** Parses `USERNAME [--agency CODE]`; null when the arguments are not that. */
export function parseCreateAdminArgs(
  args: string[],
): { username: string; agencyCode: string | undefined } | null {
  const [username, flag, code, ...rest] = args;
  if (!username || username.startsWith("-") || rest.length > 0) return null;
  if (flag === undefined) return { username, agencyCode: undefined };
  if (flag !== "--agency" || !code) return null;
  return { username, agencyCode: code };
}

/** Refuses a username or password the app itself would refuse, with the app's own rule in the message. */
export function checkAdminInput(username: string, password: string): { username: string; password: string } {
  const name = Username.safeParse(username);
  if (!name.success) {
    throw new OpsError(
      `The username "${username}" is not valid: 3 to ${LIMITS.username} lower-case letters, digits, dots, dashes or underscores.`,
    );
  }
  const secret = Password.safeParse(password);
  if (!secret.success) {
    throw new OpsError(
      `The password is too weak: it needs ${LIMITS.passwordMin} to ${LIMITS.passwordMax} characters. Nothing was written.`,
    );
  }
  if (!passwordStrength(secret.data, [name.data]).strong) {
    throw new OpsError(
      "The password is too easy to guess (a common password, a repeat, a keyboard row, a name or a date). A few unrelated words make a strong one. Nothing was written.",
    );
  }
  return { username: name.data, password: secret.data };
}

export async function createAdmin(db: Db, options: CreateAdminOptions, now = new Date()) {
  const { username, password } = checkAdminInput(options.username, options.password);
  const ctx: Ctx = { actor: null, now, actorLabel: CREATE_ADMIN_ACTOR };
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) throw new OpsError(`The username "${username}" is already taken. Nothing was written.`);
    const existing = await tx.select({ id: agencies.id, code: agencies.code }).from(agencies).limit(2);
    let agencyId: string;
    let agencyCreated = false;
    if (options.agencyCode) {
      const [agency] = await tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(eq(agencies.code, options.agencyCode));
      if (agency) agencyId = agency.id;
      else if (existing.length === 0) {
        agencyId = (await createOwnAgency(tx, ctx, options.agencyCode)).id;
        agencyCreated = true;
      } else throw new OpsError(`No agency has the code "${options.agencyCode}". Nothing was written.`);
    } else if (existing.length === 0) {
      agencyId = (await createOwnAgency(tx, ctx, DEFAULT_AGENCY.code)).id;
      agencyCreated = true;
    } else if (existing.length === 1) {
      agencyId = existing[0]!.id;
    } else {
      throw new OpsError("The database has several agencies: name the admin's with --agency CODE.");
    }
    const user = await createUser(tx, ctx, {
      username,
      password,
      displayNameAr: username,
      displayNameEn: username,
      email: null,
      agencyId,
      role: "admin",
      language: "ar",
      calendar: "gregorian",
      numerals: "latn",
      sensitivity: "internal",
    });
    return { user, agencyCreated };
  });
}

function createOwnAgency(tx: Db, ctx: Ctx, code: string) {
  return createAgency(tx, ctx, {
    code,
    kind: "agency",
    parentId: null,
    nameAr: DEFAULT_AGENCY.nameAr,
    nameEn: DEFAULT_AGENCY.nameEn,
    districtPcode: null,
    sensitivity: "internal",
  });
}

/** The password: TANSIQ_ADMIN_PASSWORD, else standard input's first line, else typed twice without echo. */
export async function readAdminPassword(): Promise<string> {
  const fromEnv = process.env.TANSIQ_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  const first = await promptHidden("Password: ");
  const second = await promptHidden("Password again: ");
  if (first !== second) throw new OpsError("The two passwords differ. Nothing was written.");
  return first;
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let typed = "";
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString("utf8")) {
        if (char === "\r" || char === "\n") return done();
        if (char === "\u0003") return done(new OpsError("Cancelled. Nothing was written."));
        if (char === "\u007f" || char === "\b") typed = [...typed].slice(0, -1).join("");
        else typed += char;
      }
    };
    stdin.on("data", onData);
  });
}
