import type { FastifyInstance } from "fastify";
import { AppError } from "./app-error";

/**
 * Characters no text field may carry, whatever its schema says: NUL (PostgreSQL refuses it in text) and a
 * lone UTF-16 surrogate (not a character: it cannot be encoded as UTF-8).
 */
// No `u` flag: the pattern reads UTF-16 code units, which is what finds a lone half.
// eslint-disable-next-line no-control-regex -- NUL is what this refuses
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first field (dotted path) holding a string that cannot be stored, or null. */
export function findUnstorableText(value: unknown, path = ""): string | null {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path : null;
  if (value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return path ? `${path}.${key}` : key;
    const found = findUnstorableText(item, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/**
 * One guard for every route, before its schema: a string with NUL or a lone surrogate anywhere in the body,
 * the query or the path is refused naming its field, so no route (a new module's included) can pass one to
 * the database and answer 500.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook("preValidation", async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const field = findUnstorableText(part);
      if (field !== null)
        throw new AppError("validation_failed", {
          fields: [{ field: field || "body", issue: "invalid_characters" }],
        });
    }
  });
}
