import { eq } from "drizzle-orm";
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

/** Counts a failure; the account locks for a while after too many. The count is kept even though the login fails. */
async function recordFailure(db: Db, ctx: Ctx, user: UserRow, config: Config, reason: string) {
  await db.transaction(async (tx) => {
    const failures = user.failedLogins + 1;
    const locks = failures >= config.login.maxFailures;
    const lockedUntil = locks
      ? new Date(ctx.now.getTime() + config.login.lockMinutes * 60_000)
      : user.lockedUntil;
    const [after] = await tx
      .update(users)
      .set({ failedLogins: locks ? 0 : failures, lockedUntil })
      .where(eq(users.id, user.id))
      .returning();
    await recordEvent(
      tx,
      { ...ctx, actorId: user.id, actorLabel: user.username },
      locks ? "auth.lock" : "auth.login_failed",
      "users",
      user.id,
      { failedLogins: user.failedLogins },
      { failedLogins: after?.failedLogins, lockedUntil, reason },
    );
  });
}

export async function logIn(
  db: Db,
  ctx: Ctx,
  config: Config,
  input: LoginInput,
  client: Client,
): Promise<LoginResult> {
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  if (!user || !user.isActive) {
    await burnPasswordCheck(input.password);
    throw new AppError("invalid_credentials");
  }
  if (user.lockedUntil && user.lockedUntil > ctx.now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - ctx.now.getTime()) / 60_000);
    throw new AppError("account_locked", { params: { minutes } });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailure(db, ctx, user, config, "password");
    throw new AppError("invalid_credentials");
  }
  let totpStep: number | null = null;
  if (user.totpEnabledAt && user.totpSecret) {
    if (!input.totp) throw new AppError("totp_required");
    totpStep = checkTotp(user.totpSecret, input.totp, ctx.now, user.totpLastStep);
    if (totpStep === null) {
      await recordFailure(db, ctx, user, config, "totp");
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
