import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import cookie from "@fastify/cookie";
import Fastify, { type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import pg from "pg";
import { AgencyListQuery, AgencyListResponse } from "../common/schemas/agencies";
import { buildApp } from "../server/app";
import { SESSION_COOKIE, actorFrom, loadSession } from "../server/auth/sessions";
import type { Actor } from "../server/authz/actor";
import { loadConfig } from "../server/config";
import { openDatabase, type Database } from "../server/db/client";
import { listAgencies } from "../server/features/agencies/agencies.queries";
import { presentAgency } from "../server/features/agencies/agencies.present";
import { users } from "../server/features/users/users.table";
import { pageOf } from "../server/http/pagination";
import { PAGE_SIZE, USERNAME } from "./agencies-list.data";
import { serveUntilStopped } from "./support";

// The servers of the agencies-list benches, each run in its own process (argv[2] names it):
//   tansiq  the real app (buildApp) on PostgreSQL                                    agencies-list.bench.ts
//   bare    Fastify 5 with no hooks, schemas or auth: a pg pool, the same two queries, the same body
// and, between the two, steps that add Tansiq's parts one at a time              agencies-list.profile.ts
//   bare+session         bare, plus the session query of every request (raw SQL, as drizzle writes it)
//   drizzle              Fastify, no hooks: listAgencies + presentAgency for a fixed actor, JSON.stringify
//   drizzle+zod          the same with the route's zod schemas (query validation, response serialization)
//   drizzle+zod+session  the same, plus @fastify/cookie and loadSession in an onRequest hook
// Environment: BENCH_DATABASE_URL, BENCH_AGENCY_ID (director.tobruk's agency: the bare queries' visibility).

const POOL_SIZE = 10;

async function startTansiq(url: string) {
  const config = loadConfig(
    {},
    { logLevel: "silent", database: { engine: "postgres", url, poolSize: POOL_SIZE } },
  );
  const database = await openDatabase(config.database);
  const app = await buildApp({ config, database });
  return { app, close: () => app.close().then(() => database.close()) };
}

// The SQL drizzle emits for listAgencies (a manager: internal, own agency, or shared with it; active; by code).
const VISIBLE = `("sensitivity" = 'internal' or "id" = $1 or exists (select 1 from "record_shares" s
  where s."entity" = 'agencies' and s."entity_id" = "agencies"."id" and s."agency_id" = $1)) and "is_active" = true`;
const PAGE_SQL = `select "id", "reference", "sensitivity", "is_active", "search_key", "parent_id", "kind", "code",
  "name_ar", "name_en", "district_pcode", "created_at", "updated_at"
  from "agencies" where ${VISIBLE} order by "code" asc limit ${PAGE_SIZE}`;
const COUNT_SQL = `select count(*)::int as n from "agencies" where ${VISIBLE}`;
// The SQL drizzle emits for loadSession: the session joined to its user, every column of both.
const SESSION_SQL = `select s.*, u.* from "sessions" s inner join "users" u on u."id" = s."user_id" where s."id" = $1`;

type AgencyRecord = {
  id: string;
  reference: string;
  sensitivity: string;
  is_active: boolean;
  parent_id: string | null;
  kind: string;
  code: string;
  name_ar: string;
  name_en: string;
  district_pcode: string | null;
  created_at: Date;
  updated_at: Date;
};

async function startBare(url: string, agencyId: string, withSession: boolean) {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  const app = Fastify({ logger: false });
  app.get("/api/v1/agencies", async (request, reply) => {
    if (withSession) {
      const token = /(?:^|;\s*)tansiq_session=([^;]+)/.exec(request.headers.cookie ?? "")?.[1] ?? "";
      const id = createHash("sha256").update(token).digest("hex");
      const { rows } = await pool.query(SESSION_SQL, [id]);
      if (rows.length === 0) return reply.status(401).send({ error: "unauthenticated" });
    }
    const [page, count] = await Promise.all([
      pool.query<AgencyRecord>(PAGE_SQL, [agencyId]),
      pool.query<{ n: number }>(COUNT_SQL, [agencyId]),
    ]);
    return {
      data: page.rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        kind: r.kind,
        parentId: r.parent_id,
        code: r.code,
        nameAr: r.name_ar,
        nameEn: r.name_en,
        districtPcode: r.district_pcode,
        sensitivity: r.sensitivity,
        isActive: r.is_active,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
        abilities: { update: r.id === agencyId, deactivate: false, reactivate: false },
      })),
      page: { page: 1, pageSize: PAGE_SIZE, total: count.rows[0]?.n ?? 0 },
    };
  });
  return { app, close: () => app.close().then(() => pool.end()) };
}

/** Tansiq's own query and presenter in a plain Fastify app, adding the zod schemas and the session on demand. */
async function startDrizzle(url: string, options: { zod: boolean; session: boolean }) {
  const database: Database = await openDatabase({ engine: "postgres", url, poolSize: POOL_SIZE });
  const [user] = await database.db.select().from(users).where(eq(users.username, USERNAME));
  if (!user) throw new Error(`${USERNAME} missing`);
  const config = loadConfig({}, { logLevel: "silent" });
  const fixedActor = actorFrom(user, "bench", config);
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  let actorOf = (_request: unknown): Actor => fixedActor;
  if (options.session) {
    await app.register(cookie);
    const actors = new WeakMap<object, Actor>();
    app.addHook("onRequest", async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const actor = token ? await loadSession(database.db, token, new Date(), config) : null;
      if (!actor) return reply.status(401).send({ error: "unauthenticated" });
      actors.set(request, actor);
    });
    actorOf = (request) => actors.get(request as object) ?? fixedActor;
  }
  const schema = options.zod ? { querystring: AgencyListQuery, response: { 200: AgencyListResponse } } : {};
  app.get("/api/v1/agencies", { schema }, async (request) => {
    const actor = actorOf(request);
    const query = options.zod
      ? (request.query as AgencyListQuery)
      : { page: 1, pageSize: PAGE_SIZE, status: "active" as const };
    const { rows, total } = await listAgencies(database.db, actor, query);
    return { data: rows.map((r) => presentAgency(r, actor)), page: pageOf(query, total) };
  });
  return { app, close: () => app.close().then(() => database.close()) };
}

async function start(
  name: string | undefined,
  url: string,
  agencyId: string,
): Promise<{
  app: FastifyInstance;
  close: () => Promise<void>;
}> {
  switch (name) {
    case "tansiq":
      return startTansiq(url);
    case "bare":
      return startBare(url, agencyId, false);
    case "bare+session":
      return startBare(url, agencyId, true);
    case "drizzle":
      return startDrizzle(url, { zod: false, session: false });
    case "drizzle+zod":
      return startDrizzle(url, { zod: true, session: false });
    case "drizzle+zod+session":
      return startDrizzle(url, { zod: true, session: true });
    default:
      throw new Error(`unknown target ${name}`);
  }
}

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("BENCH_DATABASE_URL is not set");
const server = await start(process.argv[2], url, process.env.BENCH_AGENCY_ID ?? "");
await server.app.listen({ host: "127.0.0.1", port: 0 });
const address = server.app.server.address();
if (!address || typeof address === "string") throw new Error("not listening on a TCP port");
serveUntilStopped(address.port, server.close);
