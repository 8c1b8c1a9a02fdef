import { and, eq, inArray } from "drizzle-orm";
import type { FieldIssue } from "../../../common/errors";
import type { Ctx } from "../../authz/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { personnel, personnelVisibleTo, type PersonRow } from "../personnel";

// Checks of what a meeting's parts refer to (agencies, personnel, attendees), collected so that one refusal
// names every bad field at once.

export class FieldIssues {
  readonly list: Omit<FieldIssue, "message">[] = [];
  add(field: string, issue = "invalid_value") {
    this.list.push({ field, issue });
  }
  throwIfAny() {
    if (this.list.length) throw new AppError("validation_failed", { fields: this.list });
  }
}

const present = (ids: (string | null | undefined)[]) => [
  ...new Set(ids.filter((id): id is string => typeof id === "string")),
];

/** Active personnel among these ids that the actor may see (all of them for the seed and other system work). */
export async function visiblePersonnel(
  tx: Db,
  ctx: Ctx,
  ids: (string | null | undefined)[],
): Promise<Map<string, PersonRow>> {
  const wanted = present(ids);
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(personnel)
    .where(
      and(
        inArray(personnel.id, wanted),
        eq(personnel.isActive, true),
        ctx.actor ? personnelVisibleTo(ctx.actor) : undefined,
      ),
    );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Adds an issue for each id that is set but not found. */
export function checkIds(
  issues: FieldIssues,
  found: Map<string, unknown>,
  entries: [field: string, id: string | null | undefined][],
) {
  for (const [field, id] of entries) if (id && !found.has(id)) issues.add(field);
}
