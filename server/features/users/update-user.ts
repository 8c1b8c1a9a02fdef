import { eq } from "drizzle-orm";
import type { UserUpdateBody } from "../../../common/schemas/users";
import type { Actor, Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import { assertStrongPassword } from "../../auth/password-strength";
import { hashPassword } from "../../auth/passwords";
import { deleteUserSessions } from "../../auth/sessions";
import type { Db } from "../../db/client";
import { withUniqueFields } from "../../db/errors";
import { AppError } from "../../http/app-error";
import { assertActiveAgency } from "../agencies";
import { canManageAccount } from "./users.policy";
import { USER_UNIQUE_FIELDS, userSearchKey } from "./create-user";
import { users, type UserRow } from "./users.table";

async function save(
  tx: Db,
  ctx: Ctx,
  before: UserRow,
  changes: Partial<UserRow>,
  action: string,
): Promise<UserRow> {
  const [after] = await withUniqueFields(USER_UNIQUE_FIELDS, () =>
    tx
      .update(users)
      .set({ ...changes, updatedAt: ctx.now })
      .where(eq(users.id, before.id))
      .returning(),
  );
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, action, "users", after.id, before, after);
  return after;
}

export async function updateUser(tx: Db, ctx: Ctx, actor: Actor, user: UserRow, input: UserUpdateBody) {
  const next = { ...user, ...input };
  // The account must stay within what the actor may manage: a manager cannot move it away or promote it.
  if (!canManageAccount(actor, next)) throw new AppError("forbidden");
  if (user.id === actor.userId && (input.role !== undefined || input.agencyId !== undefined)) {
    throw new AppError("forbidden");
  }
  if (input.agencyId && input.agencyId !== user.agencyId) await assertActiveAgency(tx, ctx, input.agencyId);
  const changed = await save(tx, ctx, user, { ...input, searchKey: userSearchKey(next) }, "user.update");
  if (input.role !== undefined || input.agencyId !== undefined) await deleteUserSessions(tx, user.id);
  return changed;
}

export async function setUserActive(tx: Db, ctx: Ctx, user: UserRow, isActive: boolean) {
  const changed = await save(tx, ctx, user, { isActive }, isActive ? "user.reactivate" : "user.deactivate");
  if (!isActive) await deleteUserSessions(tx, user.id);
  return changed;
}

/** Sets a temporary password the user must change at next sign-in; unlocks the account; ends its sessions. */
export async function resetPassword(tx: Db, ctx: Ctx, user: UserRow, password: string) {
  assertStrongPassword(password, "password", [user.username, user.displayNameAr, user.displayNameEn]);
  const changed = await save(
    tx,
    ctx,
    user,
    {
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
    },
    "user.reset_password",
  );
  await deleteUserSessions(tx, user.id);
  return changed;
}
