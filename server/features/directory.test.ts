import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, type Session, type TestApp } from "../test/app";
import { signedIn } from "../test/factories";
import { seedDemo } from "../demo/seed-demo";

describe("the directory: agencies, users, personnel", () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), "demo-password-1", "recent");
    admin = (await signedIn(t.app, t.db, "admin")).session;
  });
  afterAll(() => t.close());

  const names = (response: { json(): { data: { nameAr: string }[] } }) =>
    response.json().data.map((p) => p.nameAr);

  it("finds people whatever the hamza, ta marbuta, alef maqsura, diacritics, tatweel or digits", async () => {
    for (const q of ["اسامه", "أُسَامَة", "الدرسى", "أسامة الدرسي", "مـوسى"]) {
      const response = await call(t.app, admin, "GET", `/api/v1/personnel?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(200);
      expect(names(response).length, q).toBeGreaterThan(0);
    }
    const musa = await call(t.app, admin, "GET", `/api/v1/personnel?q=${encodeURIComponent("موسي البدين")}`);
    expect(names(musa)).toEqual(["موسى البدين"]);
    const created = await call(t.app, admin, "POST", "/api/v1/personnel", {
      nameAr: "سالم الفرجاني",
      agencyId: musa.json().data[0].agencyId,
      serviceNumber: "٤٥٦٧",
    });
    expect(created.statusCode).toBe(201);
    const byDigits = await call(t.app, admin, "GET", "/api/v1/personnel?q=4567");
    expect(names(byDigits)).toEqual(["سالم الفرجاني"]);
  });

  it("pages lists with totals", async () => {
    const first = (await call(t.app, admin, "GET", "/api/v1/agencies?pageSize=3&page=1")).json();
    const second = (await call(t.app, admin, "GET", "/api/v1/agencies?pageSize=3&page=2")).json();
    expect(first.page).toMatchObject({ page: 1, pageSize: 3 });
    expect(first.page.total).toBeGreaterThanOrEqual(8);
    expect(first.data).toHaveLength(3);
    const ids = new Set([...first.data, ...second.data].map((a: { id: string }) => a.id));
    expect(ids.size).toBe(6);
  });

  it("returns the agency tree with parents, and refuses a move that would make a cycle", async () => {
    const tree = (await call(t.app, admin, "GET", "/api/v1/agencies/tree")).json().data as {
      id: string;
      code: string;
      parentId: string | null;
    }[];
    const moi = tree.find((a) => a.code === "MOI")!;
    const directorate = tree.find((a) => a.code === "TBK-SD")!;
    expect(directorate.parentId).toBe(moi.id);
    const cycle = await call(t.app, admin, "PATCH", `/api/v1/agencies/${moi.id}`, {
      parentId: directorate.id,
    });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error).toMatchObject({ code: "invalid_parent", fields: [{ field: "parentId" }] });
    const self = await call(t.app, admin, "PATCH", `/api/v1/agencies/${moi.id}`, { parentId: moi.id });
    expect(self.statusCode).toBe(409);
  });

  it("refuses a duplicate code or username, naming the field", async () => {
    const dup = await call(t.app, admin, "POST", "/api/v1/agencies", {
      kind: "agency",
      code: "MOI",
      nameAr: "مكرر",
      nameEn: "Duplicate",
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: "duplicate", fields: [{ field: "code" }] });
    const agencies = (await call(t.app, admin, "GET", "/api/v1/agencies?q=MOI")).json().data;
    const user = await call(t.app, admin, "POST", "/api/v1/users", {
      username: "Director.Tobruk",
      password: "long-enough-pw",
      displayNameAr: "مكرر",
      displayNameEn: "Dup",
      agencyId: agencies[0].id,
      role: "officer",
    });
    expect(user.statusCode).toBe(409);
    expect(user.json().error.fields[0].field).toBe("username");
  });

  it("deactivates without deleting: inactive records leave the default list and come back on reactivation", async () => {
    const people = (
      await call(t.app, admin, "GET", `/api/v1/personnel?q=${encodeURIComponent("فرج الخطابية")}`)
    ).json().data;
    const id = people[0].id;
    expect(
      (await call(t.app, admin, "POST", `/api/v1/personnel/${id}/deactivate`)).json().data.isActive,
    ).toBe(false);
    expect((await call(t.app, admin, "POST", `/api/v1/personnel/${id}/deactivate`)).statusCode).toBe(409);
    const active = (
      await call(t.app, admin, "GET", `/api/v1/personnel?q=${encodeURIComponent("الخطابية")}`)
    ).json().data;
    expect(active).toHaveLength(0);
    const all = (
      await call(t.app, admin, "GET", `/api/v1/personnel?status=all&q=${encodeURIComponent("الخطابية")}`)
    ).json().data;
    expect(all).toHaveLength(1);
    expect(
      (await call(t.app, admin, "POST", `/api/v1/personnel/${id}/reactivate`)).json().data.isActive,
    ).toBe(true);
    expect(t.app.registeredRoutes.some((r) => r.method === "DELETE")).toBe(false);
  });

  it("admin resets a password: the user must change it before doing anything else", async () => {
    const { user, session } = await signedIn(t.app, t.db, "officer");
    const reset = await call(t.app, admin, "POST", `/api/v1/users/${user.id}/reset-password`, {
      password: "temporary-pw-1",
    });
    expect(reset.statusCode).toBe(200);
    expect((await call(t.app, session, "GET", "/api/auth/me")).statusCode).toBe(401);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: "temporary-pw-1" },
    });
    const cookie = {
      cookie: `tansiq_session=${login.cookies.find((c) => c.name === "tansiq_session")!.value}`,
    };
    expect(login.json().data.mustChangePassword).toBe(true);
    const blocked = await call(t.app, cookie, "GET", "/api/v1/agencies");
    expect(blocked.json().error.code).toBe("password_change_required");
    await call(t.app, cookie, "POST", "/api/auth/password", {
      currentPassword: "temporary-pw-1",
      newPassword: "my-own-password-1",
    });
    expect((await call(t.app, cookie, "GET", "/api/v1/agencies")).statusCode).toBe(200);
  });
});
