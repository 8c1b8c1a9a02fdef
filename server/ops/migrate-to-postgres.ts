import path from "node:path";
import { sql } from "drizzle-orm";
import { verifyAuditChain } from "../audit/verify-chain";
import { chainAuditEvents } from "../audit/chain-events";
import { openDatabase, queryRows, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { OpsError } from "./backup";
import { progress } from "./progress";
import { digestTables, listTables, quoteIdent, type TableInfo } from "./tables";

/**
 * Tables that triggers write when others change (the coverage version, the incident and border rollups of 0007, the
 * register totals of 0009, the per-type incident counts of 0014): left empty while the others fill, then replaced by the installation's own rows, after
 * every other table. A table added with a trigger that writes it belongs here (ops.test.ts copies the demo region).
 */
const TRIGGER_WRITTEN = [
  "training_coverage_version",
  "incident_day_counts",
  "incident_type_day_counts",
  "incident_type_month_counts",
  "border_day_figures",
  "need_totals",
  "task_due_counts",
  "search_vocabulary",
];

// `tansiq migrate-to-postgres DATABASE_URL`: moves an embedded installation (PGlite in the data folder) to a
// PostgreSQL server. The server's database is migrated to the same version, then every row of every table is
// copied in one transaction, the foreign keys checked at its end, the sequences follow, and the copy is checked: each
// table's rows and digest equal the source's, and the audit chain verifies there.

const BATCH = 1000;

type Row = { text: string };

/**
 * Rows of a table as JSON text, in batches (by physical position: no index needed). The text is copied as it is
 * (JavaScript numbers would round large numerics).
 */
async function* readRows(db: Db, table: TableInfo): AsyncGenerator<Row[]> {
  let after = "(0,0)";
  for (;;) {
    const rows = await queryRows<{ tid: string; row: string }>(
      db,
      sql.raw(
        `select ctid::text as tid, row_to_json(t)::text as row from ${quoteIdent(table.name)} t
         where ctid > '${after}'::tid order by ctid limit ${BATCH}`,
      ),
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({ text: r.row }));
    after = rows.at(-1)!.tid;
  }
}

type ForeignKey = { table: string; name: string; definition: string };

/** The foreign keys of schema `public`, as PostgreSQL would re-create them. */
async function foreignKeys(db: Db): Promise<ForeignKey[]> {
  return queryRows<ForeignKey>(
    db,
    sql`select c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public' order by 1, 2`,
  );
}

async function insertRows(tx: Db, table: TableInfo, rows: Row[]): Promise<void> {
  const columns = table.columns.map(quoteIdent).join(", ");
  const overriding = table.identityAlways ? " overriding system value" : "";
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = `[${rows
      .slice(i, i + BATCH)
      .map((r) => r.text)
      .join(",")}]`;
    await tx.execute(
      sql`insert into ${sql.raw(quoteIdent(table.name))} (${sql.raw(columns)})${sql.raw(overriding)}
          select ${sql.raw(columns)} from json_populate_recordset(null::${sql.raw(quoteIdent(table.name))}, ${batch}::json)`,
    );
  }
}

export async function migrateToPostgres(dataDir: string, url: string): Promise<void> {
  const started = Date.now();
  progress(`Opening the embedded database in ${path.resolve(dataDir)} …`);
  const source = await openDatabase({ engine: "pglite", dataDir });
  try {
    await migrateDatabase(source);
    await chainAuditEvents(source.db);
    progress("Opening the PostgreSQL server and applying the migrations …");
    const target = await openDatabase({ engine: "postgres", url, poolSize: 2, operations: true });
    try {
      await migrateDatabase(target);
      const [used] = await queryRows<{ n: number }>(
        target.db,
        sql`select count(*)::int as n from audit_events`,
      );
      if (Number(used?.n) > 0) {
        throw new OpsError(
          "The PostgreSQL database is already in use (it has audit events): move into an empty database.",
        );
      }
      const tables = await listTables(source.db);
      const targetTables = new Set((await listTables(target.db)).map((t) => t.name));
      const missing = tables.filter((t) => !targetTables.has(t.name)).map((t) => t.name);
      if (missing.length > 0) throw new OpsError(`The server's database lacks tables: ${missing.join(", ")}`);

      let total = 0;
      await target.db.transaction(async (tx) => {
        // The foreign keys are dropped while rows are copied (some tables reference each other) and added again
        // at the end, which checks every row against them. Rows the migrations wrote (reference lists) are
        // replaced by the installation's own.
        const keys = await foreignKeys(tx);
        for (const k of keys) {
          await tx.execute(
            sql.raw(`alter table ${quoteIdent(k.table)} drop constraint ${quoteIdent(k.name)}`),
          );
        }
        for (const table of tables) await tx.execute(sql.raw(`delete from ${quoteIdent(table.name)}`));
        for (const [i, table] of tables.entries()) {
          if (TRIGGER_WRITTEN.includes(table.name)) continue;
          const rows: Row[] = [];
          for await (const batch of readRows(source.db, table)) rows.push(...batch);
          await insertRows(tx, table, rows);
          total += rows.length;
          progress(`[${i + 1}/${tables.length}] ${table.name}: ${rows.length} rows`);
        }
        // Triggers bumped the coverage version (migration 0005) and filled the rollups (0007) while the other tables
        // were filled: their rows are replaced, last, by the installation's own.
        for (const table of tables.filter((t) => TRIGGER_WRITTEN.includes(t.name))) {
          const rows: Row[] = [];
          for await (const batch of readRows(source.db, table)) rows.push(...batch);
          await tx.execute(sql.raw(`delete from ${quoteIdent(table.name)}`));
          await insertRows(tx, table, rows);
        }
        progress(`Checking ${keys.length} foreign keys …`);
        for (const k of keys) {
          await tx.execute(
            sql.raw(
              `alter table ${quoteIdent(k.table)} add constraint ${quoteIdent(k.name)} ${k.definition}`,
            ),
          );
        }
        const sequences = await queryRows<{ name: string; value: string | null }>(
          source.db,
          sql`select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public'`,
        );
        for (const s of sequences) {
          if (s.value === null) continue;
          // the reference sequences are made on demand (server/db/references.ts): the server may not have them yet
          await tx.execute(sql.raw(`create sequence if not exists ${quoteIdent(s.name)} as bigint`));
          await tx.execute(sql`select setval(${quoteIdent(s.name)}::regclass, ${s.value}::bigint, true)`);
        }
      });

      progress("Checking the copy table by table …");
      const [before, after] = [await digestTables(source.db), await digestTables(target.db)];
      const different = Object.keys(before).filter(
        (name) => before[name]!.rows !== after[name]?.rows || before[name]!.md5 !== after[name]?.md5,
      );
      if (different.length > 0)
        throw new OpsError(`The copy differs from the source in: ${different.join(", ")}`);
      const report = await verifyAuditChain(target.db);
      if (!report.ok) throw new OpsError(`The audit chain does not verify on the server: ${report.reason}`);
      progress(
        `Moved ${total} rows in ${tables.length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
          `every table equal; audit chain intact (${report.count} events).`,
      );
      progress(
        "Start Tansiq with DATABASE_URL set to the server from now on; keep the same audit key. The data folder is left as it was.",
      );
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
