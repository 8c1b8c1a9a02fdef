import { count } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../audit/audit.table";
import { sessions } from "../auth/sessions.table";
import { agencies } from "../features/agencies/agencies.table";
import { personnel } from "../features/personnel/personnel.table";
import { users } from "../features/users/users.table";
import { commitments } from "../features/meetings/commitments.table";
import { honours } from "../features/meetings/honours.table";
import { meetings } from "../features/meetings/meetings.table";
import { call, createTestApp, type Session, type TestApp } from "../test/app";
import { TEST_PASSWORD, buildAgency, buildPerson, buildUser, signedIn } from "../test/factories";
import { buildCommitment, buildHonour } from "../test/meetings-factories";
import { buildCertificate, buildCourse } from "../test/training-factories";
import { courses, certificates, nominations } from "../features/training";

type WriteRoute = {
  method: "POST" | "PATCH";
  url: string;
  valid: Record<string, unknown>;
  anonymous?: boolean;
};

describe("bad input on every write route: a clear error naming the field, nothing written", () => {
  let t: TestApp;
  let admin: Session;
  let routes: WriteRoute[];

  const footprint = async () => {
    const tables = [
      auditEvents,
      agencies,
      users,
      personnel,
      sessions,
      meetings,
      commitments,
      honours,
      courses,
      nominations,
      certificates,
    ];
    return Promise.all(tables.map(async (table) => (await t.db.select({ n: count() }).from(table))[0]?.n));
  };

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    admin = (await signedIn(t.app, t.db, "admin")).session;
    const agency = await buildAgency(t.db);
    const user = await buildUser(t.db, { agencyId: agency.id });
    const person = await buildPerson(t.db, { agencyId: agency.id });
    const commitment = await buildCommitment(t.db, { agencyId: agency.id });
    const honour = await buildHonour(t.db, { agencyId: agency.id });
    const course = await buildCourse(t.db, { status: "open" });
    const certificate = await buildCertificate(t.db);
    routes = [
      {
        method: "POST",
        url: "/api/v1/agencies",
        valid: { kind: "agency", code: "NEWCODE", nameAr: "جهاز", nameEn: "Unit" },
      },
      { method: "PATCH", url: `/api/v1/agencies/${agency.id}`, valid: { nameEn: "Renamed" } },
      {
        method: "POST",
        url: "/api/v1/users",
        valid: {
          username: "new.one",
          password: "long-enough-pw",
          displayNameAr: "أ",
          displayNameEn: "A",
          agencyId: agency.id,
          role: "officer",
        },
      },
      { method: "PATCH", url: `/api/v1/users/${user.id}`, valid: { displayNameEn: "Renamed" } },
      {
        method: "POST",
        url: `/api/v1/users/${user.id}/reset-password`,
        valid: { password: "long-enough-pw" },
      },
      { method: "POST", url: "/api/v1/personnel", valid: { nameAr: "أسامة الدرسي", agencyId: agency.id } },
      { method: "PATCH", url: `/api/v1/personnel/${person.id}`, valid: { rank: "عقيد" } },
      {
        method: "POST",
        url: "/api/auth/login",
        valid: { username: user.username, password: TEST_PASSWORD },
        anonymous: true,
      },
      {
        method: "POST",
        url: "/api/auth/password",
        valid: { currentPassword: TEST_PASSWORD, newPassword: "another-long-pw" },
      },
      { method: "PATCH", url: "/api/auth/preferences", valid: { language: "en" } },
      { method: "POST", url: "/api/auth/totp/enable", valid: { code: "123456" } },
      { method: "POST", url: "/api/auth/totp/disable", valid: { password: TEST_PASSWORD } },
      {
        method: "POST",
        url: "/api/v1/meetings",
        valid: {
          agencyId: agency.id,
          titleAr: "اجتماع",
          startsAt: "2026-11-20T08:00:00Z",
          placeText: "طبرق",
        },
      },
      { method: "PATCH", url: `/api/v1/meetings/${commitment.meetingId}`, valid: { titleAr: "اجتماع" } },
      { method: "POST", url: `/api/v1/meetings/${commitment.meetingId}/attendees`, valid: { name: "سالم" } },
      { method: "PATCH", url: `/api/v1/commitments/${commitment.id}`, valid: { dueOn: "2027-01-31" } },
      {
        method: "POST",
        url: `/api/v1/commitments/${commitment.id}/convert-to-need`,
        valid: { unit: "قانون" },
      },
      {
        method: "POST",
        url: "/api/v1/honours",
        valid: {
          agencyId: agency.id,
          kind: "shield",
          title: "درع",
          awardedOn: "2026-11-20",
          recipientName: "سالم",
        },
      },
      { method: "PATCH", url: `/api/v1/honours/${honour.id}`, valid: { title: "درع" } },
      {
        method: "POST",
        url: "/api/v1/courses",
        valid: {
          kind: "course",
          topic: "first_aid",
          titleAr: "إسعافات أولية",
          providerKind: "ministry",
          place: "طبرق",
          startsOn: "2027-01-10",
          endsOn: "2027-01-11",
          capacity: 10,
        },
      },
      { method: "PATCH", url: `/api/v1/courses/${course.id}`, valid: { place: "بنغازي" } },
      { method: "POST", url: `/api/v1/courses/${course.id}/cancel`, valid: { reason: "سبب" } },
      { method: "POST", url: `/api/v1/courses/${course.id}/nominations`, valid: { personId: person.id } },
      { method: "POST", url: `/api/v1/certificates/${certificate.id}/revoke`, valid: { reason: "خطأ" } },
    ];
  });
  afterAll(() => t.close());

  /** Sends a bad request and checks: 4xx with a code (and fields for validation), nothing written. */
  async function expectRefused(
    route: WriteRoute,
    payload: string,
    want: { status: number; code: string; field?: string; issue?: string },
  ) {
    const before = await footprint();
    const response = await t.app.inject({
      method: route.method,
      url: route.url,
      headers: {
        "content-type": "application/json",
        "accept-language": "en",
        ...(route.anonymous ? {} : { cookie: admin.cookie }),
      },
      payload,
    });
    const where = `${route.method} ${route.url} ${payload.slice(0, 120)}`;
    expect(response.statusCode, `${where} → ${response.body.slice(0, 300)}`).toBe(want.status);
    const body = response.json() as {
      error: { code: string; message: string; fields?: { field: string; issue: string; message: string }[] };
    };
    expect(body.error.code, where).toBe(want.code);
    expect(body.error.message.length).toBeGreaterThan(0);
    if (want.field !== undefined) {
      const named = body.error.fields?.find((f) => f.field === want.field);
      expect(
        named,
        `${where}: field ${want.field} not named in ${JSON.stringify(body.error.fields)}`,
      ).toBeDefined();
      if (want.issue) expect(named?.issue).toBe(want.issue);
      expect(named?.message).not.toBe("");
    }
    expect(await footprint(), `${where}: something was written`).toEqual(before);
  }

  const stringKeys = (r: WriteRoute) => Object.keys(r.valid).filter((k) => typeof r.valid[k] === "string");

  it("malformed JSON → 400 malformed_json", async () => {
    for (const route of routes) {
      for (const text of ['{"a":', "{'single': 1}", "[1,2", "nul", '{"x":1}}']) {
        await expectRefused(route, text, { status: 400, code: "malformed_json" });
      }
    }
  });

  it("a body over the limit → 413 payload_too_large", async () => {
    for (const route of routes) {
      await expectRefused(route, JSON.stringify({ ...route.valid, nameAr: "ط".repeat(300_000) }), {
        status: 413,
        code: "payload_too_large",
      });
    }
  });

  it("a field of the wrong type → 400 naming it", async () => {
    const wrong = fc.oneof(
      fc.integer(),
      fc.boolean(),
      fc.array(fc.string(), { maxLength: 3 }),
      // "__proto__" keys are refused earlier, as prototype poisoning (tested below).
      fc.dictionary(
        fc.string().filter((k) => k !== "__proto__"),
        fc.integer(),
        { maxKeys: 2 },
      ),
    );
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...stringKeys(route)), wrong, async (key, value) => {
          await expectRefused(route, JSON.stringify({ ...route.valid, [key]: value }), {
            status: 400,
            code: "validation_failed",
            field: key,
          });
        }),
        { numRuns: 8 },
      );
    }
  });

  it("a prototype-poisoning key anywhere in the body → 400 malformed_json", async () => {
    for (const route of routes) {
      const [key] = stringKeys(route);
      for (const text of [
        `{"__proto__":{"isAdmin":true},"${key}":"x"}`,
        `{"${key}":{"__proto__":0}}`,
        `{"${key}":"x","constructor":{"prototype":{"polluted":1}}}`,
      ]) {
        await expectRefused(route, text, { status: 400, code: "malformed_json" });
      }
    }
  });

  it("an over-long string → 400 naming the field", async () => {
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...stringKeys(route)),
          fc.integer({ min: 300, max: 5000 }),
          async (key, length) => {
            await expectRefused(route, JSON.stringify({ ...route.valid, [key]: "ب".repeat(length) }), {
              status: 400,
              code: "validation_failed",
              field: key,
            });
          },
        ),
        { numRuns: 6 },
      );
    }
  });

  it("an unknown field → 400 naming it", async () => {
    const known = new Set(["nameAr", "nameEn", "password", "username", "code", "rank", "language"]);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.stringMatching(/^[a-zA-Z_]{1,20}$/).filter((k) => !(k in route.valid) && !known.has(k)),
          async (key) => {
            await expectRefused(route, JSON.stringify({ ...route.valid, [key]: "x" }), {
              status: 400,
              code: "validation_failed",
              field: key,
              issue: "unknown_field",
            });
          },
        ),
        { numRuns: 6 },
      );
    }
  });

  it("any JSON value as the body never causes a 5xx, and a refusal writes nothing", async () => {
    for (const route of routes.filter((r) => r.method === "PATCH" || r.url.endsWith("/agencies"))) {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
          const before = await footprint();
          const response = await call(
            t.app,
            route.anonymous ? null : admin,
            route.method,
            route.url,
            JSON.stringify(value),
          );
          expect(
            response.statusCode,
            `${route.url} ${JSON.stringify(value).slice(0, 200)} → ${response.body}`,
          ).toBeLessThan(500);
          if (response.statusCode >= 400) expect(await footprint()).toEqual(before);
        }),
        { numRuns: 30 },
      );
    }
  });

  it("random Unicode in text fields is stored or refused, never a 5xx", async () => {
    const route = routes.find((r) => r.url.endsWith("/personnel") && r.method === "POST")!;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 80 }), async (text) => {
        const response = await call(t.app, admin, "POST", route.url, {
          ...route.valid,
          nameAr: text,
          rank: text,
        });
        expect(response.statusCode, `${JSON.stringify(text)} → ${response.body}`).toBeLessThan(500);
        if (response.statusCode === 201) expect(response.json().data.nameAr).toBe(text.trim());
      }),
      { numRuns: 60 },
    );
  });

  it("bad query strings → 400 naming the parameter", async () => {
    for (const [url, field] of [
      ["/api/v1/agencies?pageSize=1000", "pageSize"],
      ["/api/v1/users?page=zero", "page"],
      ["/api/v1/personnel?agencyId=not-a-uuid", "agencyId"],
      ["/api/v1/agencies?kind=castle", "kind"],
      ["/api/v1/audit?from=yesterday", "from"],
      ["/api/v1/users?colour=blue", "colour"],
      ["/api/v1/meetings?from=yesterday", "from"],
      ["/api/v1/commitments?due=later", "due"],
      ["/api/v1/honours?kind=trophy", "kind"],
      ["/api/v1/meetings.ics?to=2026-13-01", "to"],
      ["/api/v1/courses?topic=cooking", "topic"],
      ["/api/v1/certificates?courseId=nope", "courseId"],
      ["/api/v1/training/coverage?year=1066", "year"],
      ["/api/v1/training/calendar.ics?from=soon", "from"],
    ] as const) {
      const response = await call(t.app, admin, "GET", url);
      expect(response.statusCode, url).toBe(400);
      expect(
        response.json().error.fields.map((f: { field: string }) => f.field),
        url,
      ).toContain(field);
    }
  });

  it("an error message names the field in the user's language", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/personnel",
      headers: { cookie: admin.cookie, "accept-language": "ar" },
      payload: { nameAr: "س".repeat(500), agencyId: routes[5]!.valid.agencyId },
    });
    const field = response.json().error.fields[0];
    expect(field).toMatchObject({ field: "nameAr", issue: "too_long" });
    expect(field.message).toBe("الحقل «الاسم بالعربية» أطول من 200 حرفاً");
  });
});
