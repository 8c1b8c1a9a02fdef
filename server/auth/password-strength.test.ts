import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../features/users/users.table";
import { call, createTestApp, login, type TestApp } from "../test/app";
import { TEST_PASSWORD, auditCount, buildUser, signedIn } from "../test/factories";
import { passwordStrength } from "./password-strength";

const WEAK = [
  "aaaaaaaaaa", // a repeat
  "abcabcabcabc", // a repeated sequence
  "1234567890", // a sequence
  "qwertyuiop", // a keyboard row
  "password123", // a common password
  "Password2026", // a common password with a year
  "محمد123456", // a common given name and digits
];

describe("password strength (issue 9, item 8e)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } }); // admin without a second factor
  });
  afterAll(() => t.close());

  it("refuses common passwords, repeats, sequences, keyboard rows and the account's own name; accepts a few unrelated words", () => {
    for (const weak of WEAK) expect(passwordStrength(weak).strong, weak).toBe(false);
    // The account's own name: strong on its own, weak as the password of that account.
    expect(passwordStrength("zorbakelmu1").strong).toBe(true);
    expect(passwordStrength("zorbakelmu1", ["zorbakelmu"]).strong).toBe(false);
    for (const strong of [
      "a-strong-password-1",
      "كلمةسرقوية٢٠٢٦",
      "correct horse battery",
      "Tobruk-Demo-2026",
    ]) {
      expect(passwordStrength(strong).strong, strong).toBe(true);
    }
  });

  it("an admin creating or resetting an account with a weak password gets a field error in the user's language; nothing is written", async () => {
    const { session, user: admin } = await signedIn(t.app, t.db, "admin");
    const target = await buildUser(t.db, { role: "officer", agencyId: admin.agencyId });
    const before = await auditCount(t.db);
    for (const password of WEAK) {
      const create = await call(t.app, session, "POST", "/api/v1/users", {
        username: "weak.user",
        password,
        displayNameAr: "مستخدم",
        displayNameEn: "User",
        agencyId: admin.agencyId,
        role: "officer",
      });
      expect(create.statusCode, `${password}: ${create.body}`).toBe(400);
      expect(create.json().error.fields).toEqual([
        expect.objectContaining({ field: "password", issue: "weak_password" }),
      ]);
      expect(create.json().error.fields[0].message).toMatch(/سهلة التخمين/);
    }
    expect(await t.db.select().from(users).where(eq(users.username, "weak.user"))).toHaveLength(0);

    const reset = await call(t.app, session, "POST", `/api/v1/users/${target.id}/reset-password`, {
      password: "Password2026",
    });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.fields[0]).toMatchObject({ field: "password", issue: "weak_password" });
    expect(reset.json().error.fields[0].message).toMatch(/^«كلمة المرور» سهلة التخمين/);
    expect(await auditCount(t.db)).toBe(before);
    expect((await login(t.app, target.username, TEST_PASSWORD)).cookie).toBeTruthy();

    const good = await call(t.app, session, "POST", `/api/v1/users/${target.id}/reset-password`, {
      password: "seven-green-lanterns",
    });
    expect(good.statusCode).toBe(200);
  });

  it("a user changing their own password to a weak one is refused and keeps the old one", async () => {
    const user = await buildUser(t.db);
    const session = await login(t.app, user.username, TEST_PASSWORD);
    const before = await auditCount(t.db);
    for (const newPassword of ["qwertyuiop", "1111111111", "password123"]) {
      const weak = await call(t.app, session, "POST", "/api/auth/password", {
        currentPassword: TEST_PASSWORD,
        newPassword,
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error.fields[0]).toMatchObject({ field: "newPassword", issue: "weak_password" });
    }
    expect(await auditCount(t.db)).toBe(before);
    expect((await call(t.app, session, "GET", "/api/auth/me")).statusCode).toBe(200);
  });
});
