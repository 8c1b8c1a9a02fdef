import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { fromPglite, queryRows } from "../server/db/client";
import { migrateDatabase } from "../server/db/migrate";
import { seedDemo } from "../server/demo/seed-demo";

// The first seed of `npm start` (PGlite, in memory here): migrations, then seedDemo, timed; three runs, each on a
// fresh database. Prints the seed times and what the demo holds of the crossings' reports.

const times: number[] = [];
let counts: Record<string, unknown> | undefined;
for (let run = 0; run < 3; run++) {
  const client = await PGlite.create({ extensions: { pg_trgm } });
  const database = fromPglite(client);
  await migrateDatabase(database);
  const started = performance.now();
  await seedDemo(database.db, new Date("2026-12-03T08:00:00Z"), "demo-password-123");
  times.push(Math.round(performance.now() - started));
  [counts] = await queryRows<Record<string, unknown>>(
    database.db,
    sql`select (select count(*) from border_reports)::int as reports, (select min(day)::text from border_reports) as first,
               (select count(*) from border_reports where jsonb_array_length(warnings) > 0)::int as with_warnings,
               (select count(*) from plan_indicators where source <> 'manual')::int as computed_indicators`,
  );
  await database.close();
}
console.log(`seedDemo on PGlite: ${times.join(" ms, ")} ms; ${JSON.stringify(counts)}`);
