import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { foldArabic } from "../../common/arabic";

export type PageInput = { page: number; pageSize: number };

export function pageWindow(input: PageInput) {
  return { limit: input.pageSize, offset: (input.page - 1) * input.pageSize };
}

export function pageOf(input: PageInput, total: number) {
  return { page: input.page, pageSize: input.pageSize, total };
}

/** Arabic-aware substring match on a folded search key (served by its trigram index). */
export function matchesSearch(column: PgColumn, q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const folded = foldArabic(q);
  if (!folded) return undefined;
  const escaped = folded.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${column} like ${`%${escaped}%`}`;
}

/** `active` | `inactive` | `all` → a condition on is_active. */
export function activeFilter(column: PgColumn, status: "active" | "inactive" | "all"): SQL | undefined {
  if (status === "all") return undefined;
  return sql`${column} = ${status === "active"}`;
}
