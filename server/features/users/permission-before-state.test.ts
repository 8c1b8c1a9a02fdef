import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, type TestApp } from "../../test/app";
import { auditCount, buildAgency, buildUser, signedIn } from "../../test/factories";
import { users } from "./users.table";

// Permission is checked before state: a manager acting on another agency's account gets 403 whatever the
// account's state (a 409 would tell them whether it is active), and nothing changes.
describe("users: permission before state", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());

  it("a manager reactivating an active user, or deactivating an inactive one, of another agency gets 403", async () => {
    const home = await buildAgency(t.db);
    const other = await buildAgency(t.db);
    const { session } = await signedIn(t.app, t.db, "manager", home.id);
    const active = await buildUser(t.db, { agencyId: other.id });
    const inactive = await buildUser(t.db, { agencyId: other.id });
    await t.db.update(users).set({ isActive: false }).where(eq(users.id, inactive.id));
    const before = await auditCount(t.db);
    const reactivate = await call(t.app, session, "POST", `/api/v1/users/${active.id}/reactivate`);
    const deactivate = await call(t.app, session, "POST", `/api/v1/users/${inactive.id}/deactivate`);
    expect([reactivate.statusCode, deactivate.statusCode]).toEqual([403, 403]);
    expect(await auditCount(t.db)).toBe(before);
    // Their own agency's officer: the state answer is theirs to have.
    const own = await buildUser(t.db, { agencyId: home.id });
    expect((await call(t.app, session, "POST", `/api/v1/users/${own.id}/reactivate`)).statusCode).toBe(409);
  });
});
