import { createHash } from "node:crypto";
import { and, asc, desc, eq, getTableColumns } from "drizzle-orm";
import Fastify from "fastify";
import pg from "pg";
import { actorFrom } from "../server/auth/sessions";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/client";
import {
  incidentHistory,
  incidentTypes,
  incidents,
  seizures,
  victimReferrals,
} from "../server/features/incidents/incidents.table";
import { incidentsVisibleTo, referralsVisibleTo } from "../server/features/incidents/incidents.policy";
import { countIncidents, incidentFilters } from "../server/features/incidents/incidents.queries";
import { users } from "../server/features/users/users.table";
import { serveUntilStopped } from "./support";

// The bare baseline of bench/incidents.bench.ts: Fastify 5 with no hooks, schemas or presenters, a pg pool, and the
// SQL Tansiq runs for director.tobruk — taken from drizzle's own builder with the app's filter and visibility
// functions (toSQL), so the statements are the same text with the same parameters — with the session lookup of
// every request. Routes: GET /list (type + district, newest 50, and the total) and GET /one/:id (the incident
// and its page's parts). Environment: BENCH_DATABASE_URL, BENCH_TYPE_ID, BENCH_DISTRICT.

const POOL_SIZE = 10;
const SESSION_SQL = `select s.*, u.* from "sessions" s inner join "users" u on u."id" = s."user_id" where s."id" = $1`;

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error("BENCH_DATABASE_URL is not set");
const database = await openDatabase({ engine: "postgres", url, poolSize: 1 });
const [user] = await database.db.select().from(users).where(eq(users.username, "director.tobruk"));
if (!user) throw new Error("director.tobruk missing");
const actor = actorFrom(user, "bench", loadConfig({}, { logLevel: "silent" }));
const db = database.db;

const subjectColumns = { ...getTableColumns(incidents), typeGroup: incidentTypes.group };
const filter = incidentFilters(actor, {
  typeId: process.env.BENCH_TYPE_ID,
  district: process.env.BENCH_DISTRICT as "LY0104",
});
const listSql = db
  .select(subjectColumns)
  .from(incidents)
  .innerJoin(incidentTypes, eq(incidentTypes.id, incidents.typeId))
  .where(filter)
  .orderBy(desc(incidents.occurredOn), desc(incidents.id))
  .limit(50)
  .offset(0)
  .toSQL();
// The total as Tansiq gives it: computed once (countIncidents: from the rollup where it covers the filters) and then
// kept, as Tansiq's figures cache keeps it until an incident changes; so both run the page's statement per request.
const total = await countIncidents(db, actor, {
  typeId: process.env.BENCH_TYPE_ID,
  district: process.env.BENCH_DISTRICT as "LY0104",
});

const ID = "00000000-0000-0000-0000-000000000000";
const oneSql = db
  .select(subjectColumns)
  .from(incidents)
  .innerJoin(incidentTypes, eq(incidentTypes.id, incidents.typeId))
  .where(and(eq(incidents.id, ID), incidentsVisibleTo(actor)))
  .toSQL();
const historySql = db
  .select({ ...getTableColumns(incidentHistory), name: users.displayNameAr })
  .from(incidentHistory)
  .leftJoin(users, eq(users.id, incidentHistory.actorId))
  .where(eq(incidentHistory.incidentId, ID))
  .orderBy(asc(incidentHistory.at), asc(incidentHistory.id))
  .toSQL();
const seizuresSql = db
  .select()
  .from(seizures)
  .where(eq(seizures.incidentId, ID))
  .orderBy(asc(seizures.createdAt), asc(seizures.id))
  .toSQL();
const referralsSql = db
  .select()
  .from(victimReferrals)
  .where(and(eq(victimReferrals.incidentId, ID), referralsVisibleTo(actor)))
  .orderBy(asc(victimReferrals.referredOn), asc(victimReferrals.id))
  .toSQL();
await database.close();

const withId = (params: unknown[], id: string) => params.map((p) => (p === ID ? id : p));

const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
const app = Fastify({ logger: false });
app.addHook("onRequest", async (request, reply) => {
  const token = /(?:^|;\s*)tansiq_session=([^;]+)/.exec(request.headers.cookie ?? "")?.[1] ?? "";
  const id = createHash("sha256").update(token).digest("hex");
  const { rows } = await pool.query(SESSION_SQL, [id]);
  if (rows.length === 0) return reply.status(401).send({ error: "unauthenticated" });
});
app.get("/list", async () => {
  const page = await pool.query(listSql.sql, listSql.params);
  return { data: page.rows, page: { page: 1, pageSize: 50, total } };
});
app.get<{ Params: { id: string } }>("/one/:id", async (request, reply) => {
  const { rows } = await pool.query(oneSql.sql, withId(oneSql.params, request.params.id));
  if (rows.length === 0) return reply.status(404).send({ error: "not_found" });
  const [history, seizureRows, referrals] = await Promise.all([
    pool.query(historySql.sql, withId(historySql.params, request.params.id)),
    pool.query(seizuresSql.sql, withId(seizuresSql.params, request.params.id)),
    pool.query(referralsSql.sql, withId(referralsSql.params, request.params.id)),
  ]);
  return {
    data: { ...rows[0], history: history.rows, seizures: seizureRows.rows, referrals: referrals.rows },
  };
});
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
if (!address || typeof address === "string") throw new Error("not listening on a TCP port");
serveUntilStopped(address.port, () => app.close().then(() => pool.end()));
