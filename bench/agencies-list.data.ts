import { eq, sql } from "drizzle-orm";
import { AGENCY_KINDS } from "../common/enums";
import { DISTRICTS } from "../common/districts";
import { recordShares } from "../server/authz/shares.table";
import { openDatabase, queryRows } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { seedDemo } from "../server/demo/seed-demo";
import { agencies } from "../server/features/agencies";
import { agencySearchKey } from "../server/features/agencies/create-agency";
import { users } from "../server/features/users/users.table";

// The data and the client side of the agencies-list benches: the seeded database, the login, a checked request.

export const EXTRA_AGENCIES = 200;
export const PAGE_SIZE = 25;
export const USERNAME = "director.tobruk"; // a manager: the visibility filter applies
const PASSWORD = "bench-demo-password";

/** Migrates, seeds the demo region and 200 more agencies (a quarter restricted, some shared with TBK-SD). */
export async function prepare(url: string) {
  const database = await openDatabase({ engine: "postgres", url, poolSize: 2 });
  try {
    await migrateDatabase(database);
    const { db } = database;
    const now = new Date();
    await seedDemo(db, now, PASSWORD);
    const [director] = await db
      .select({ agencyId: users.agencyId })
      .from(users)
      .where(eq(users.username, USERNAME));
    const [moi] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, "MOI"));
    if (!director || !moi) throw new Error("demo seed incomplete");

    const prefixes = ["TBK", "DRN", "BNG", "AJD", "KUF"];
    const rows = Array.from({ length: EXTRA_AGENCIES }, (_, i) => {
      const district = DISTRICTS[i % DISTRICTS.length];
      const code = `${prefixes[i % prefixes.length]}-${String(i + 1).padStart(3, "0")}`;
      const reference = `AGY-${now.getUTCFullYear()}-${String(1000 + i).padStart(6, "0")}`;
      const nameAr = `مركز شرطة ${district?.nameAr ?? ""} رقم ${i + 1}`;
      const nameEn = `${district?.nameEn ?? ""} police station ${i + 1}`;
      return {
        code,
        reference,
        kind: AGENCY_KINDS[i % AGENCY_KINDS.length] ?? "agency",
        parentId: i % 3 === 0 ? null : i % 3 === 1 ? director.agencyId : moi.id,
        nameAr,
        nameEn,
        districtPcode: district?.pcode ?? null,
        sensitivity: i % 4 === 0 ? ("restricted" as const) : ("internal" as const),
        isActive: i % 25 !== 24,
        searchKey: agencySearchKey({ code, reference, nameAr, nameEn }),
        createdAt: now,
        updatedAt: now,
      };
    });
    const inserted = await db
      .insert(agencies)
      .values(rows)
      .returning({ id: agencies.id, code: agencies.code });
    const shared = inserted.filter((_, i) => i % 8 === 0); // half of the restricted ones
    await db
      .insert(recordShares)
      .values(shared.map((a) => ({ entity: "agencies", entityId: a.id, agencyId: director.agencyId })));
    await db.execute(sql`analyze`);

    const [counts] = await queryRows<{ all: number; visible: number }>(
      db,
      sql`
        select count(*)::int as "all",
          count(*) filter (where is_active and (sensitivity = 'internal' or id = ${director.agencyId}
            or exists (select 1 from record_shares s where s.entity = 'agencies' and s.entity_id = agencies.id
              and s.agency_id = ${director.agencyId})))::int as visible
        from agencies`,
    );
    const [version] = await queryRows<{ server_version: string }>(db, sql`show server_version`);
    if (!counts || !version) throw new Error("no counts");
    return {
      agencyId: director.agencyId,
      agencies: counts.all,
      visible: counts.visible,
      postgres: version.server_version,
    };
  } finally {
    await database.close();
  }
}

export async function logIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login: HTTP ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("tansiq_session="));
  if (!cookie) throw new Error("login: no tansiq_session cookie");
  return cookie;
}

type ListBody = { data: { code: string }[]; page: { total: number } };

/** One request before the load: 200, a full page, the expected total. Returns the codes and the body size. */
export async function checkList(url: string, headers: Record<string, string>, expectedTotal: number) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as ListBody;
  if (body.data.length !== PAGE_SIZE || body.page.total !== expectedTotal) {
    throw new Error(
      `${url}: ${body.data.length} rows, total ${body.page.total}; expected ${PAGE_SIZE} of ${expectedTotal}`,
    );
  }
  return { codes: body.data.map((a) => a.code).join(","), bodyBytes: Buffer.byteLength(text) };
}
