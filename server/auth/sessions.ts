import { createHash, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { ROLES_REQUIRING_TOTP } from "../../common/enums";
import type { Actor } from "../authz/actor";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { users, type UserRow } from "../features/users/users.table";
import { sessions } from "./sessions.table";

export const SESSION_COOKIE = "tansiq_session";
/**
 * How often last_seen_at is written for a session in use: a tenth of the idle timeout, at most once a minute, so
 * a session in use never idles out between two writes (SESSION_IDLE_MINUTES=1 touches every 6 s).
 */
const touchEveryMs = (config: Config) => Math.min(60_000, config.session.idleMinutes * 6_000);

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function needsTotpEnrollment(
  user: Pick<UserRow, "role" | "totpEnabledAt" | "isDemo">,
  config: Config,
) {
  return ROLES_REQUIRING_TOTP.includes(user.role) && !user.totpEnabledAt && !(config.demoMode && user.isDemo);
}

type ActorSource = Pick<
  UserRow,
  | "id"
  | "username"
  | "agencyId"
  | "role"
  | "language"
  | "calendar"
  | "numerals"
  | "totpEnabledAt"
  | "isDemo"
  | "mustChangePassword"
>;

export function actorFrom(user: ActorSource, sessionId: string, config: Config): Actor {
  return {
    userId: user.id,
    username: user.username,
    agencyId: user.agencyId,
    role: user.role,
    language: user.language,
    calendar: user.calendar,
    numerals: user.numerals,
    sessionId,
    mustEnrollTotp: needsTotpEnrollment(user, config),
    mustChangePassword: user.mustChangePassword,
  };
}

/** Opens a new session (a new random id at every login); returns the cookie token. */
export async function createSession(
  tx: Db,
  userId: string,
  now: Date,
  config: Config,
  client: { ip?: string; userAgent?: string },
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const id = tokenHash(token);
  const expiresAt = new Date(now.getTime() + config.session.absoluteHours * 3_600_000);
  await tx.insert(sessions).values({
    id,
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: client.ip ?? null,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, id, expiresAt };
}

/** The columns a request needs to act for its user: never the password hash or the second-factor secret. */
const sessionActorColumns = {
  sessionId: sessions.id,
  expiresAt: sessions.expiresAt,
  lastSeenAt: sessions.lastSeenAt,
  id: users.id,
  username: users.username,
  agencyId: users.agencyId,
  role: users.role,
  language: users.language,
  calendar: users.calendar,
  numerals: users.numerals,
  isActive: users.isActive,
  isDemo: users.isDemo,
  totpEnabledAt: users.totpEnabledAt,
  mustChangePassword: users.mustChangePassword,
};

function prepareSessionLookup(db: Db) {
  return db
    .select(sessionActorColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare("tansiq_load_session");
}

// Every authenticated request runs this lookup: prepared once per database (bench/README.md has the figures).
const preparedLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();

/** The actor behind a cookie token, or null when the session is unknown, expired, idle too long or its user inactive. */
export async function loadSession(db: Db, token: string, now: Date, config: Config): Promise<Actor | null> {
  const id = tokenHash(token);
  let lookup = preparedLookups.get(db);
  if (!lookup) {
    lookup = prepareSessionLookup(db);
    preparedLookups.set(db, lookup);
  }
  const [row] = await lookup.execute({ id });
  if (!row) return null;
  const idleLimit = row.lastSeenAt.getTime() + config.session.idleMinutes * 60_000;
  if (now >= row.expiresAt || now.getTime() >= idleLimit || !row.isActive) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= touchEveryMs(config)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return actorFrom(row, id, config);
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user (deactivation, password reset), optionally keeping one. */
export async function deleteUserSessions(db: Db, userId: string, keepSessionId?: string) {
  await db
    .delete(sessions)
    .where(
      keepSessionId
        ? sql`${sessions.userId} = ${userId} and ${sessions.id} <> ${keepSessionId}`
        : eq(sessions.userId, userId),
    );
}
