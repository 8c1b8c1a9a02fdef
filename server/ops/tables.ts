import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../db/client";

// The application's tables as the database itself describes them (schema `public`): what a backup, a restore
// and a move to PostgreSQL compare and copy. Read from the catalog so that a new table is never forgotten.

export type TableInfo = {
  name: string;
  /** Columns a copy inserts: every column but generated ones (PostgreSQL computes those). */
  columns: string[];
  /** Tables this one references (foreign keys), itself excluded. */
  references: string[];
  identityAlways: boolean;
};

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The tables of schema `public`, parents before children where foreign keys allow (they may form cycles). */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const columns = await queryRows<{
    table: string;
    column: string;
    generated: string;
    identity: string | null;
  }>(
    db,
    sql`select c.table_name as table, c.column_name as column, c.is_generated as generated,
          c.identity_generation as identity
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        order by c.table_name, c.ordinal_position`,
  );
  const keys = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select child.relname as child, parent.relname as parent
        from pg_constraint k
        join pg_class child on child.oid = k.conrelid
        join pg_class parent on parent.oid = k.confrelid
        join pg_namespace n on n.oid = child.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );
  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    let table = tables.get(c.table);
    if (!table) {
      table = { name: c.table, columns: [], references: [], identityAlways: false };
      tables.set(c.table, table);
    }
    if (c.generated === "NEVER") table.columns.push(c.column);
    if (c.identity === "ALWAYS") table.identityAlways = true;
  }
  for (const k of keys) {
    const table = tables.get(k.child);
    if (!table || !tables.has(k.parent)) continue;
    if (k.child !== k.parent && !table.references.includes(k.parent)) table.references.push(k.parent);
  }
  // Parents first (depth-first topological order; names sorted for a stable order)
  const ordered: TableInfo[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") return; // a cycle (needs ↔ problems): copies drop the keys meanwhile
    state.set(name, "visiting");
    const table = tables.get(name)!;
    for (const parent of [...table.references].sort()) visit(parent);
    state.set(name, "done");
    ordered.push(table);
  };
  for (const name of [...tables.keys()].sort()) visit(name);
  return ordered;
}

export type TableDigest = { rows: number; md5: string };

/**
 * Every table's row count and a digest of its rows' text (sorted, time zone fixed), to compare two databases
 * table by table — on either engine, PGlite's PostgreSQL 18 and a PostgreSQL 15 server alike.
 */
export async function digestTables(db: Db): Promise<Record<string, TableDigest>> {
  const tables = await listTables(db);
  const digests: Record<string, TableDigest> = {};
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    for (const table of tables) {
      const name = quoteIdent(table.name);
      const [row] = await queryRows<{ rows: number; md5: string }>(
        tx,
        sql.raw(
          `select count(*)::int as rows,
             coalesce(md5(string_agg(t::text, E'\\n' order by t::text collate "C")), '') as md5
           from ${name} t`,
        ),
      );
      digests[table.name] = { rows: Number(row!.rows), md5: row!.md5 };
    }
  });
  return digests;
}
