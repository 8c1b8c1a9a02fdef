import { Writable } from "node:stream";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import type { RouteOptions } from "fastify";
import fc from "fast-check";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../common/enums";
import { queryRows } from "../db/client";
import * as schema from "../db/schema";
import { seedDemo } from "../demo/seed-demo";
import { TEST_NOW, createTestApp, type Session, type TestApp } from "../test/app";
import { createSession } from "../auth/sessions";
import { buildUser, signedIn } from "../test/factories";
import { arbitraryFor, fieldsOf, isStrictObject, type FieldFacts, type IdPool } from "../test/zod-arbitrary";

/**
 * Bad input on every route of the app, taken from its own route table: a route added tomorrow is covered the
 * day it is registered, its requests generated from its own Zod schemas. Each request is either one the schema
 * accepts (it may still be refused by the rules: no 5xx) or one with a single bad value aimed at one field
 * (refused 400 naming that field). A refusal writes nothing; the server log never carries a query's values.
 */

type Route = {
  method: string;
  url: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  public: boolean;
};
type Request = {
  route: Route;
  actor: number;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  /** The field a bad value was put in (`body.x`, `query.x`, `params.x`), when the request is meant to fail. */
  aimedAt: { part: "body" | "query" | "params"; field: string; kind: string } | null;
};

/** Routes not driven here, each with the reason; everything else the app registers is. */
const NOT_DRIVEN: [RegExp, string][] = [
  [/^\/api\/docs/, "Swagger UI's own static pages (a library's routes, no input of ours)"],
  [/^\/api\/v1\/live$/, "a server-sent event stream never ends; server/live tests drive it"],
];
const REQUESTS_AT_LEAST = 10_000;
const ACTOR_ROLES: Role[] = ["admin", "leadership", "manager", "officer"];
const NUL = "a\u0000b";
const LONE_SURROGATE = "a\uD800b";

/** The app's routes as it registered them (HEAD mirrors GET and is left out). */
function routesOf(table: RouteOptions[]): Route[] {
  const routes: Route[] = [];
  for (const r of table) {
    for (const method of [r.method].flat()) {
      if (method === "HEAD" || NOT_DRIVEN.some(([re]) => re.test(r.url))) continue;
      const s = (r.schema ?? {}) as { params?: z.ZodType; querystring?: z.ZodType; body?: z.ZodType };
      routes.push({
        method,
        url: r.url,
        ...(s.params ? { params: s.params } : {}),
        ...(s.querystring ? { query: s.querystring } : {}),
        ...(s.body ? { body: s.body } : {}),
        public: (r.config as { public?: boolean } | undefined)?.public === true,
      });
    }
  }
  return routes;
}

/**
 * Counters a refused request is meant to write: the per-address rate limits (a refused attempt counts), and the
 * salt of the window its client address is counted under (community reports' public routes).
 */
const BOOKKEEPING = new Set(["rate_limit_hits", "community_salts"]);

/**
 * Every table of the schema, as `count:newest xmin`: any committed insert, update or delete changes it. Only
 * read when a transaction id was handed out since the last look (a request that wrote nothing took none).
 */
async function footprintQuery(t: TestApp) {
  const tables = Object.values(schema)
    .filter((v) => is(v, PgTable))
    .map((v) => getTableName(v as PgTable))
    .filter((name) => !BOOKKEEPING.has(name));
  const parts = tables.map(
    (name) =>
      `(select count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text from "${name}") as "${name}"`,
  );
  const query = sql.raw(`select ${parts.join(", ")}`);
  const nextXid = sql`select pg_snapshot_xmax(pg_current_snapshot())::text as xid`;
  let last: { xid: string; tables: Record<string, string> } | null = null;
  return async () => {
    const [{ xid }] = (await queryRows<{ xid: string }>(t.db, nextXid)) as [{ xid: string }];
    if (last?.xid !== xid) last = { xid, tables: (await queryRows<Record<string, string>>(t.db, query))[0]! };
    return last.tables;
  };
}

/** Ids of existing records by table, for uuid fields and path parameters (`agencyId` → agencies). */
async function idPool(t: TestApp): Promise<IdPool> {
  const byTable = new Map<string, string[]>();
  for (const table of Object.values(schema).filter((v) => is(v, PgTable)) as PgTable[]) {
    const name = getTableName(table);
    if (!("id" in table)) continue;
    const rows = await queryRows<{ id: string }>(t.db, sql.raw(`select id::text from "${name}" limit 50`));
    // Only uuid ids: a table keyed otherwise (sign-in sessions, by token hash) is no record a route names.
    const uuids = rows.map((r) => r.id).filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(id));
    if (uuids.length > 0) byTable.set(name, uuids);
  }
  const all = [...byTable.values()].flat();
  const plural = (word: string) =>
    word === "person" ? "personnel" : word.endsWith("y") ? `${word.slice(0, -1)}ies` : `${word}s`;
  return {
    forField(field) {
      const base = field
        .replace(/Ids?$/, "")
        .replace(/([a-z])([A-Z])/g, "$1_$2")
        .toLowerCase();
      const names = base === "id" || base === "" ? [] : [plural(base), base];
      for (const [name, ids] of byTable)
        if (names.some((n) => name === n || name.endsWith(`_${n}`))) return ids;
      return all;
    },
  };
}

describe("bad input on every route of the app's route table", () => {
  let t: TestApp;
  let routes: Route[];
  let ids: IdPool;
  let footprint: () => Promise<Record<string, string>>;
  const sessions: Session[] = [];
  const agencyOf: string[] = [];
  let logs = "";
  /** The database's footprint before the request being checked. */
  let before: Record<string, string> = {};

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    t = await createTestApp({ config: { demoMode: true, logLevel: "info" }, logStream });
    await seedDemo(t.db, new Date(TEST_NOW), "Tobruk-Demo-2026", "recent");
    const [agency] = await queryRows<{ id: string }>(
      t.db,
      sql`select agency_id as id from tasks group by agency_id order by count(*) desc limit 1`,
    );
    for (const role of ACTOR_ROLES) {
      agencyOf.push(agency!.id);
      sessions.push((await signedIn(t.app, t.db, role, agency!.id)).session);
    }
    routes = routesOf(t.app.registeredRoutes);
    ids = await idPool(t);
    footprint = await footprintQuery(t);
  }, 300_000);
  afterAll(() => t?.close());

  async function send(request: Request, payload?: string) {
    let url = request.route.url.replace(/:(\w+)/g, (_, name: string) =>
      encodeURIComponent(request.params[name] ?? ""),
    );
    const query = new URLSearchParams(request.query).toString();
    if (query) url += `?${query}`;
    const hasBody = request.body !== undefined || payload !== undefined;
    const session = request.route.public ? null : sessions[request.actor]!;
    const inject = () =>
      t.app.inject({
        method: request.route.method as "GET",
        url,
        headers: {
          "accept-language": "en",
          ...(hasBody ? { "content-type": "application/json" } : {}),
          ...(session ? { cookie: session.cookie } : {}),
        },
        ...(hasBody ? { payload: payload ?? JSON.stringify(request.body) } : {}),
      });
    let response = await inject();
    if (response.statusCode === 401 && session && response.json().error.code === "unauthenticated") {
      // A generated request signed this actor out, changed its password or deactivated it: a new one.
      // A session is opened directly: signing in verifies a password hash, slow by design.
      const user = await buildUser(t.db, {
        role: ACTOR_ROLES[request.actor]!,
        agencyId: agencyOf[request.actor]!,
        isDemo: true,
      });
      const { token } = await createSession(t.db, user.id, t.clock.now(), t.config, {});
      session.cookie = `tansiq_session=${token}`;
      before = await footprint(); // the new account is this test's write, not the request's
      response = await inject();
    }
    return response;
  }

  /** A request the route's schemas accept, or the same with one bad value aimed at one field. */
  function requestArbitrary(route: Route): fc.Arbitrary<Request> {
    const part = (s: z.ZodType | undefined, query: boolean) =>
      s ? arbitraryFor(s, { ids, field: "", query }) : fc.constant(undefined);
    const params = route.params
      ? arbitraryFor(route.params, { ids, field: "", query: true })
      : fc.constant({});
    // Path parameters named `id` take their table from the segment before them (`/tasks/:id` → tasks).
    const segment =
      route.url
        .split("/")
        .filter((p) => !p.startsWith(":"))
        .at(-1) ?? "";
    const withIds = params.chain((p) => {
      const values = p as Record<string, string>;
      if (!("id" in values)) return fc.constant(values);
      const known = ids.forField(segment.replace(/s$/, "Id"));
      return known.length ? fc.constantFrom(...known).map((id) => ({ ...values, id })) : fc.constant(values);
    });
    const valid = fc.record({
      actor: fc.integer({ min: 0, max: ACTOR_ROLES.length - 1 }),
      params: withIds,
      query: part(route.query, true),
      body: part(route.body, false),
    });
    const targets = [
      ...(route.body ? fieldsOf(route.body).map((f) => ({ part: "body" as const, f })) : []),
      ...(route.query ? fieldsOf(route.query).map((f) => ({ part: "query" as const, f })) : []),
      ...(route.params ? fieldsOf(route.params).map((f) => ({ part: "params" as const, f })) : []),
    ];
    const base = valid.map((v): Request => ({
      route,
      actor: v.actor,
      params: v.params as Record<string, string>,
      query: (v.query ?? {}) as Record<string, string>,
      body: v.body,
      aimedAt: null,
    }));
    const bad: fc.Arbitrary<Request>[] = [];
    for (const { part: where, f } of targets) {
      for (const [kind, value] of badValues(f, where, route)) {
        bad.push(
          base.map((r) => {
            const copy = { ...r, params: { ...r.params }, query: { ...r.query } };
            if (where === "body") copy.body = { ...(r.body as object), [f.name]: value };
            else copy[where][f.name] = value as string;
            return { ...copy, aimedAt: { part: where, field: f.name, kind } };
          }),
        );
      }
    }
    if (route.body && isStrictObject(route.body))
      bad.push(
        base.map((r) => ({
          ...r,
          body: { ...(r.body as object), zzUnknownField: "x" },
          aimedAt: { part: "body", field: "zzUnknownField", kind: "unknown field" },
        })),
      );
    return bad.length
      ? fc.oneof({ weight: 2, arbitrary: base }, { weight: 3, arbitrary: fc.oneof(...bad) })
      : base;
  }

  it(`${REQUESTS_AT_LEAST}+ requests: never a 5xx, a bad value refused naming its field, a refusal writes nothing`, async () => {
    expect(routes.length).toBeGreaterThan(90);
    // The public routes (no sign-in) are driven like the others: certificate verification, community reports.
    expect(
      routes
        .filter((r) => r.public && r.url.startsWith("/api/public/"))
        .map((r) => r.url)
        .sort(),
    ).toEqual([
      "/api/public/community/challenge",
      "/api/public/community/reports",
      "/api/public/community/track",
      "/api/public/verify/:code",
    ]);
    // A route that reads no input gets a few requests; the others share the rest.
    const takesInput = (r: Route) => Boolean(r.params ?? r.query ?? r.body);
    const fixedRuns = 3;
    const withInput = routes.filter(takesInput).length;
    const perRoute = Math.ceil((REQUESTS_AT_LEAST - fixedRuns * (routes.length - withInput)) / withInput);
    const runsOf = (r: Route) => (takesInput(r) ? perRoute : fixedRuns);
    const sent = new Map<string, number>();
    let passedValidation = 0;
    before = await footprint();
    const timing: [string, number][] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(requestArbitrary(route), async (request) => {
          const response = await send(request);
          sent.set(key, (sent.get(key) ?? 0) + 1);
          const where = `${key} ${JSON.stringify(request.params)} ${JSON.stringify(request.query)} ${JSON.stringify(request.body)?.slice(0, 300)} aimed at ${JSON.stringify(request.aimedAt)}`;
          const status = response.statusCode;
          expect(status, `${where} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
          if (request.aimedAt) {
            expect(status, `${where} → ${response.body.slice(0, 300)}`).toBe(400);
            const error = response.json().error as { code: string; fields?: { field: string }[] };
            expect(error.code, where).toBe("validation_failed");
            const named = (error.fields ?? []).map((f) => f.field);
            const field = request.aimedAt.field;
            expect(
              named.some((n) => n === field || n.startsWith(`${field}.`)),
              `${where}: ${field} not named in ${JSON.stringify(named)}`,
            ).toBe(true);
          } else if (!(status === 400 && response.json().error.code === "validation_failed")) {
            passedValidation++;
          }
          const loginRefused = route.url === "/api/auth/login" && status === 401; // failed sign-ins are audited
          const changesAllowed =
            (status < 300 && route.method !== "GET") || loginRefused || route.url.endsWith("/logout");
          const after = await footprint();
          if (!changesAllowed) expect(after, `${where} → ${status}: something was written`).toEqual(before);
          before = after;
        }),
        { numRuns: runsOf(route), endOnFailure: true },
      );
      timing.push([key, performance.now() - started]);
    }
    timing.sort((a, b) => b[1] - a[1]);
    console.log(
      timing
        .slice(0, 12)
        .map(([k, ms]) => `${k} ${Math.round(ms)} ms`)
        .join("\n"),
    );
    const total = [...sent.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(REQUESTS_AT_LEAST);
    for (const route of routes)
      expect(sent.get(`${route.method} ${route.url}`), route.url).toBe(runsOf(route));
    // Most schema-shaped requests reach the route's handler (the generator follows each schema).
    expect(passedValidation).toBeGreaterThan(0);
    console.log(
      `bad input: ${total} requests on ${routes.length} routes; ${passedValidation} schema-shaped requests reached their handler`,
    );
    expect(logs).not.toMatch(/"level":50/);
    expect(logs).not.toContain("params:");
    expect(logs).not.toContain("\\u0000");
  }, 900_000);

  it("malformed JSON, an oversized body and prototype-poisoning keys are refused on every route with a body", async () => {
    const withBody = routes.filter((r) => r.body);
    expect(withBody.length).toBeGreaterThan(40);
    for (const route of withBody) {
      const request: Request = { route, actor: 0, params: {}, query: {}, body: undefined, aimedAt: null };
      request.params = Object.fromEntries(
        fieldsOf(route.params).map((f) => [f.name, "018f0000-0000-7000-8000-000000000000"]),
      );
      for (const [payload, status, code] of [
        ['{"a":', 400, "malformed_json"],
        ["{'single': 1}", 400, "malformed_json"],
        ['{"x":1}}', 400, "malformed_json"],
        ['{"__proto__":{"isAdmin":true}}', 400, "malformed_json"],
        ['{"a":{"constructor":{"prototype":{"polluted":1}}}}', 400, "malformed_json"],
        [JSON.stringify({ text: "ط".repeat(600_000) }), 413, "payload_too_large"],
      ] as const) {
        before = await footprint();
        const response = await send(request, payload);
        expect(response.statusCode, `${route.method} ${route.url} ${payload.slice(0, 40)}`).toBe(status);
        expect(response.json().error.code).toBe(code);
        expect(await footprint()).toEqual(before);
      }
    }
  }, 300_000);

  it("an error message names the field in the user's language", async () => {
    const { session } = await signedIn(t.app, t.db, "admin"); // the others' language may have been changed
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/personnel",
      headers: { cookie: session.cookie, "accept-language": "ar" },
      payload: { nameAr: "س".repeat(500), agencyId: agencyOf[0] },
    });
    const field = response.json().error.fields[0];
    expect(field).toMatchObject({ field: "nameAr", issue: "too_long" });
    expect(field.message).toBe("الحقل «الاسم بالعربية» أطول من 200 حرفاً");
    const nul = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "accept-language": "ar" },
      payload: { username: NUL, password: "x" },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.fields[0]).toMatchObject({ field: "username", issue: "invalid_characters" });
  });
});

/** Bad values for one field, each with what it tries. */
function badValues(f: FieldFacts, where: "body" | "query" | "params", route: Route): [string, unknown][] {
  const out: [string, unknown][] = [];
  if (f.acceptsString || where !== "body") out.push(["NUL", NUL]);
  // A lone surrogate survives only in JSON (a URL cannot carry one).
  if (where === "body" && f.acceptsString) out.push(["lone surrogate", LONE_SURROGATE]);
  if (f.dateFormat === "date") out.push(["year 0000", "0000-01-01"], ["no such day", "2026-02-30"]);
  if (f.dateFormat === "datetime") out.push(["year 0000", "0000-01-01T00:00:00Z"]);
  if (f.maxLength !== null && f.maxLength < 100_000) out.push(["too long", "ب".repeat(f.maxLength + 1)]);
  if (where === "body" && !f.acceptsObject) out.push(["an object", { a: 1 }]);
  if (where === "body" && f.acceptsString && !f.acceptsNumber) out.push(["a number", 12_345]);
  if (where !== "body" && f.acceptsNumber) out.push(["not a number", "twelve"]);
  if (where === "params" && route.url.includes(`:${f.name}`) && f.name.endsWith("d"))
    out.push(["not an id", "not-an-id"]);
  return out;
}
