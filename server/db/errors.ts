import { AppError } from "../http/app-error";

type PgError = { code?: string; constraint?: string; cause?: unknown };

function pgError(error: unknown): PgError | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 3 && e && typeof e === "object"; depth++) {
    const candidate = e as PgError;
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    e = candidate.cause;
  }
  return undefined;
}

/**
 * Runs a write and turns a unique-constraint violation into `duplicate` naming the field.
 * `fields` maps constraint names to API field names.
 */
export async function withUniqueFields<T>(
  fields: Record<string, string>,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const pg = pgError(error);
    if (pg?.code === "23505") {
      const field = (pg.constraint && fields[pg.constraint]) ?? "body";
      throw new AppError("duplicate", { fields: [{ field, issue: "duplicate" }] });
    }
    if (pg?.code === "23503") throw new AppError("not_found");
    throw error;
  }
}
