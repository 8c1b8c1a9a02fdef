import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, type TestApp } from "../../test/app";
import { buildUser, signedIn } from "../../test/factories";
import { permissionMatrix, type ActionSpec, type MatrixAction } from "../../test/matrix";
import { users } from "./users.table";

// Cells: [own agency internal, own agency restricted, other agency internal, other agency restricted].
// Targets are officer accounts (the kind a manager may manage).
const spec: Record<string, ActionSpec> = {
  read: {
    admin: ["ok", "ok", "ok", "ok"],
    leadership: ["ok", "ok", "ok", "ok"],
    manager: ["ok", "ok", "ok", 404],
    officer: ["ok", "ok", "ok", 404],
    observer: ["ok", 404, "ok", 404],
    trainer: ["ok", "ok", "ok", 404],
  },
  create: {
    admin: ["ok", "ok", "ok", "ok"],
    leadership: [403, 403, 403, 403],
    manager: ["ok", "ok", 403, 403],
    officer: [403, 403, 403, 403],
    observer: [403, 403, 403, 403],
    trainer: [403, 403, 403, 403],
  },
  update: {
    admin: ["ok", "ok", "ok", "ok"],
    leadership: [403, 403, 403, 403],
    manager: ["ok", "ok", 403, 404],
    officer: [403, 403, 403, 403],
    observer: [403, 403, 403, 403],
    trainer: [403, 403, 403, 403],
  },
  deactivate: {
    admin: ["ok", "ok", "ok", "ok"],
    leadership: [403, 403, 403, 403],
    manager: ["ok", "ok", 403, 404],
    officer: [403, 403, 403, 403],
    observer: [403, 403, 403, 403],
    trainer: [403, 403, 403, 403],
  },
};

const snapshotOf = (t: TestApp, id: string) => async () =>
  (await t.db.select().from(users).where(eq(users.id, id)))[0];
const target = (t: TestApp, agencyId: string, sensitivity: "internal" | "restricted") =>
  buildUser(t.db, { role: "officer", agencyId, sensitivity });

let n = 0;
const actions: Record<string, MatrixAction> = {
  read: {
    request: async (t, a) => ({
      method: "GET",
      url: `/api/v1/users/${(await target(t, a.targetAgency.id, a.sensitivity)).id}`,
    }),
  },
  create: {
    request: async (t, a) => {
      const username = `new.user${++n}`;
      return {
        method: "POST",
        url: "/api/v1/users",
        body: {
          username,
          password: "a-strong-password-1",
          displayNameAr: "مستخدم جديد",
          displayNameEn: "New user",
          agencyId: a.targetAgency.id,
          role: "officer",
          sensitivity: a.sensitivity,
        },
        snapshot: async () => (await t.db.select().from(users).where(eq(users.username, username))).length,
      };
    },
  },
  update: {
    request: async (t, a) => {
      const user = await target(t, a.targetAgency.id, a.sensitivity);
      return {
        method: "PATCH",
        url: `/api/v1/users/${user.id}`,
        body: { displayNameEn: "Renamed" },
        snapshot: snapshotOf(t, user.id),
      };
    },
  },
  deactivate: {
    request: async (t, a) => {
      const user = await target(t, a.targetAgency.id, a.sensitivity);
      return { method: "POST", url: `/api/v1/users/${user.id}/deactivate`, snapshot: snapshotOf(t, user.id) };
    },
  },
};

describe("users permission matrix (role × own/other × internal/restricted × action)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());
  permissionMatrix(() => t, spec, actions);

  it("a manager cannot promote an account beyond what managers manage, nor create one", async () => {
    const { user: manager, session } = await signedIn(t.app, t.db, "manager");
    const officer = await buildUser(t.db, { role: "officer", agencyId: manager.agencyId });
    const promote = await call(t.app, session, "PATCH", `/api/v1/users/${officer.id}`, {
      role: "leadership",
    });
    expect(promote.statusCode).toBe(403);
    const [stored] = await t.db.select().from(users).where(eq(users.id, officer.id));
    expect(stored?.role).toBe("officer");
    const create = await call(t.app, session, "POST", "/api/v1/users", {
      username: "would.be.admin",
      password: "a-strong-password-1",
      displayNameAr: "س",
      displayNameEn: "x",
      agencyId: manager.agencyId,
      role: "admin",
    });
    expect(create.statusCode).toBe(403);
  });

  it("deactivating a user ends their sessions; nobody deactivates themselves", async () => {
    const { user: admin, session: adminSession } = await signedIn(t.app, t.db, "admin");
    const { user: officer, session: officerSession } = await signedIn(t.app, t.db, "officer");
    expect(
      (await call(t.app, adminSession, "POST", `/api/v1/users/${officer.id}/deactivate`)).statusCode,
    ).toBe(200);
    expect((await call(t.app, officerSession, "GET", "/api/auth/me")).statusCode).toBe(401);
    expect((await call(t.app, adminSession, "POST", `/api/v1/users/${admin.id}/deactivate`)).statusCode).toBe(
      403,
    );
    const list = await call(
      t.app,
      adminSession,
      "GET",
      `/api/v1/users?status=inactive&q=${officer.username}`,
    );
    expect(list.json().data.map((u: { id: string }) => u.id)).toEqual([officer.id]);
  });

  it("never sends password hashes or second-factor secrets", async () => {
    const { session } = await signedIn(t.app, t.db, "admin");
    const body = (await call(t.app, session, "GET", "/api/v1/users?pageSize=100")).body;
    expect(body).not.toContain("argon2");
    expect(body).not.toMatch(/passwordHash|totpSecret/);
  });
});
