import { eq } from "drizzle-orm";
import { ROLES_REQUIRING_TOTP } from "../../common/enums";
import type { Me } from "../../common/schemas/auth";
import type { Actor, Ctx } from "../authz/actor";
import { recordEvent } from "../audit/record-event";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { AppError } from "../http/app-error";
import { agencies } from "../features/agencies/agencies.table";
import { users, type UserRow } from "../features/users/users.table";
import { modulesFor, permissionsFor } from "../features/modules";
import { assertStrongPassword } from "./password-strength";
import { hashPassword, verifyPassword } from "./passwords";
import { actorFrom, deleteUserSessions } from "./sessions";
import { checkTotp, newTotpSecret, totpUri } from "./totp";

export async function loadMe(db: Db, userId: string, sessionId: string, config: Config): Promise<Me> {
  const [row] = await db
    .select({ user: users, agencyNameAr: agencies.nameAr, agencyNameEn: agencies.nameEn })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, userId));
  if (!row) throw new AppError("unauthenticated");
  const actor = actorFrom(row.user, sessionId, config);
  const u = row.user;
  return {
    id: u.id,
    username: u.username,
    displayNameAr: u.displayNameAr,
    displayNameEn: u.displayNameEn,
    agencyId: u.agencyId,
    agencyNameAr: row.agencyNameAr,
    agencyNameEn: row.agencyNameEn,
    role: u.role,
    language: u.language,
    calendar: u.calendar,
    numerals: u.numerals,
    hasTotp: u.totpEnabledAt !== null,
    mustEnrollTotp: actor.mustEnrollTotp,
    mustChangePassword: actor.mustChangePassword,
    modules: actor.mustEnrollTotp || actor.mustChangePassword ? [] : modulesFor(actor),
    permissions: actor.mustEnrollTotp || actor.mustChangePassword ? [] : permissionsFor(actor),
    demoMode: config.demoMode,
  };
}

async function currentUser(tx: Db, actor: Actor): Promise<UserRow> {
  const [user] = await tx.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError("unauthenticated");
  return user;
}

async function saveUser(tx: Db, ctx: Ctx, before: UserRow, changes: Partial<UserRow>, action: string) {
  const [after] = await tx
    .update(users)
    .set({ ...changes, updatedAt: ctx.now })
    .where(eq(users.id, before.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, action, "users", after.id, before, after);
  return after;
}

export async function changePassword(tx: Db, ctx: Ctx, actor: Actor, current: string, next: string) {
  const user = await currentUser(tx, actor);
  if (!(await verifyPassword(user.passwordHash, current))) {
    throw new AppError("invalid_credentials", { fields: [{ field: "currentPassword", issue: "invalid" }] });
  }
  assertStrongPassword(next, "newPassword", [user.username, user.displayNameAr, user.displayNameEn, current]);
  await saveUser(
    tx,
    ctx,
    user,
    { passwordHash: await hashPassword(next), mustChangePassword: false },
    "user.change_password",
  );
  await deleteUserSessions(tx, user.id, actor.sessionId);
}

export async function setPreferences(
  tx: Db,
  ctx: Ctx,
  actor: Actor,
  prefs: Partial<Pick<UserRow, "language" | "calendar" | "numerals">>,
) {
  const user = await currentUser(tx, actor);
  await saveUser(tx, ctx, user, prefs, "user.preferences");
}

/** Starts enrolment: a new secret is kept until a code from it is confirmed. */
export async function setUpTotp(tx: Db, ctx: Ctx, actor: Actor) {
  const user = await currentUser(tx, actor);
  if (user.totpEnabledAt) throw new AppError("conflict");
  const secret = newTotpSecret();
  await saveUser(tx, ctx, user, { totpSecret: secret }, "user.totp_setup");
  return { secret, uri: totpUri(user.username, secret) };
}

export async function enableTotp(tx: Db, ctx: Ctx, actor: Actor, code: string) {
  const user = await currentUser(tx, actor);
  if (user.totpEnabledAt || !user.totpSecret) throw new AppError("conflict");
  const step = checkTotp(user.totpSecret, code, ctx.now, null);
  if (step === null) throw new AppError("totp_invalid", { fields: [{ field: "code", issue: "invalid" }] });
  await saveUser(tx, ctx, user, { totpEnabledAt: ctx.now, totpLastStep: step }, "user.totp_enable");
  // Other sessions were opened without the second factor: they must not gain what enrolment unlocks.
  await deleteUserSessions(tx, user.id, actor.sessionId);
}

export async function disableTotp(tx: Db, ctx: Ctx, actor: Actor, password: string) {
  const user = await currentUser(tx, actor);
  if (ROLES_REQUIRING_TOTP.includes(user.role)) throw new AppError("forbidden");
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new AppError("invalid_credentials", { fields: [{ field: "password", issue: "invalid" }] });
  }
  await saveUser(
    tx,
    ctx,
    user,
    { totpEnabledAt: null, totpSecret: null, totpLastStep: null },
    "user.totp_disable",
  );
  // A session carries the factors it was opened with: the others end with the factor they relied on.
  await deleteUserSessions(tx, user.id, actor.sessionId);
}
