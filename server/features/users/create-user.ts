import type { UserCreateBody } from "../../../common/schemas/users";
import { searchKey } from "../../../common/arabic";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import { assertStrongPassword } from "../../auth/password-strength";
import { hashPassword } from "../../auth/passwords";
import type { Db } from "../../db/client";
import { withUniqueFields } from "../../db/errors";
import { nextReference } from "../../db/references";
import { assertActiveAgency } from "../agencies";
import { users, type UserRow } from "./users.table";

export const USER_UNIQUE_FIELDS = { users_username_unique: "username" };

export function userSearchKey(
  u: Pick<UserRow, "username" | "displayNameAr" | "displayNameEn" | "email" | "reference">,
) {
  return searchKey([u.username, u.displayNameAr, u.displayNameEn, u.email, u.reference]);
}

export type NewUserOptions = { mustChangePassword?: boolean; isDemo?: boolean; passwordHash?: string };

export async function createUser(
  tx: Db,
  ctx: Ctx,
  input: UserCreateBody,
  options: NewUserOptions = {},
): Promise<UserRow> {
  if (!options.passwordHash) {
    assertStrongPassword(input.password, "password", [
      input.username,
      input.displayNameAr,
      input.displayNameEn,
    ]);
  }
  await assertActiveAgency(tx, ctx, input.agencyId);
  const reference = await nextReference(tx, "USR", ctx.now);
  const { password, ...fields } = input;
  const [row] = await withUniqueFields(USER_UNIQUE_FIELDS, async () =>
    tx
      .insert(users)
      .values({
        ...fields,
        reference,
        passwordHash: options.passwordHash ?? (await hashPassword(password)),
        mustChangePassword: options.mustChangePassword ?? false,
        isDemo: options.isDemo ?? false,
        searchKey: userSearchKey({ ...fields, reference }),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning(),
  );
  if (!row) throw new Error("insert returned nothing");
  await recordEvent(tx, ctx, "user.create", "users", row.id, null, row);
  return row;
}
