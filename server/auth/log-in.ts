import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Ctx } from "../authz/actor";
import { recordEvent } from "../audit/record-event";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { AppError } from "../http/app-error";
import { users, type UserRow } from "../features/users/users.table";
import { burnPasswordCheck, verifyPassword } from "./passwords";
import { createSession } from "./sessions";
import { checkTotp } from "./totp";

export type LoginInput = { username: string; password: string; totp?: string | undefined };
export type LoginResult = { user: UserRow; token: string; sessionId: string };
type Client = { ip?: string; userAgent?: string };

/**
 * Takes one attempt from the account's allowance before anything is checked, in one statement: the count goes up
 * in the database, and the attempt that reaches `maxFailures` locks the account (a success lifts it). Parallel
 * guesses therefore get at most `maxFailures` password checks. Null when the account is locked.
 */
async function takeAttempt(db: Db, ctx: Ctx, user: UserRow, config: Config) {
  const reaches = sql`${users.failedLogins} + 1 >= ${config.login.maxFailures}`;
  const lockUntil = new Date(ctx.now.getTime() + config.login.lockMinutes * 60_000);
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`case when ${reaches} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${reaches} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(and(eq(users.id, user.id), or(isNull(users.lockedUntil), lte(users.lockedUntil, ctx.now))))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  if (!row) return null;
  return { locks: row.lockedUntil !== null && row.lockedUntil > ctx.now, failedLogins: row.failedLogins };
}

/** Records a failed check (the count was taken with the attempt): a locking one as `auth.lock`. */
async function recordFailure(
  db: Db,
  ctx: Ctx,
  user: UserRow,
  taken: { locks: boolean; failedLogins: number },
  reason: string,
) {
  await db.transaction((tx) =>
    recordEvent(
      tx,
      { ...ctx, actorId: user.id, actorLabel: user.username },
      taken.locks ? "auth.lock" : "auth.login_failed",
      "users",
      user.id,
      null,
      { failedLogins: taken.failedLogins, locked: taken.locks, reason },
    ),
  );
}

export async function logIn(
  db: Db,
  ctx: Ctx,
  config: Config,
  input: LoginInput,
  client: Client,
): Promise<LoginResult> {
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  // Unknown, inactive and locked accounts get one answer, after the same work: nothing tells them apart.
  const taken = user?.isActive ? await takeAttempt(db, ctx, user, config) : null;
  if (!user || !taken) {
    await burnPasswordCheck(input.password);
    throw new AppError("invalid_credentials");
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailure(db, ctx, user, taken, "password");
    throw new AppError("invalid_credentials");
  }
  let totpStep: number | null = null;
  if (user.totpEnabledAt && user.totpSecret) {
    if (!input.totp) throw new AppError("totp_required");
    totpStep = checkTotp(user.totpSecret, input.totp, ctx.now, user.totpLastStep);
    if (totpStep === null) {
      await recordFailure(db, ctx, user, taken, "totp");
      throw new AppError("totp_invalid");
    }
  }
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: ctx.now,
        ...(totpStep !== null ? { totpLastStep: totpStep } : {}),
      })
      .where(eq(users.id, user.id))
      .returning();
    if (!after) throw new AppError("not_found");
    const session = await createSession(tx, user.id, ctx.now, config, client);
    await recordEvent(
      tx,
      { ...ctx, actorId: user.id, actorLabel: user.username },
      "auth.login",
      "users",
      user.id,
      null,
      { sessionCreatedAt: ctx.now },
    );
    return { user: after, token: session.token, sessionId: session.id };
  });
}
