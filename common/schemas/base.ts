import { z } from "zod";
import { LIMITS } from "../limits";
import { SENSITIVITIES } from "../enums";

export const Id = z.uuid();
export const IdParams = z.strictObject({ id: Id });

/** Control characters have no place in names or titles (and PostgreSQL refuses NUL in text). */
// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
export const NO_CONTROL_CHARS = /^[^\u0000-\u001F\u007F]*$/;

/** A required one-line text, trimmed. */
export const Line = (max: number = LIMITS.name) => z.string().trim().min(1).max(max).regex(NO_CONTROL_CHARS);
/** An optional one-line text: empty becomes null. */
export const OptionalLine = (max: number = LIMITS.name) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(NO_CONTROL_CHARS)
    .transform((s) => (s === "" ? null : s))
    .nullable();

/** A secret typed by a person: any characters but NUL. */
// eslint-disable-next-line no-control-regex -- NUL is refused
const NO_NUL = /^[^\u0000]*$/;
export const Secret = (min: number, max: number) => z.string().min(min).max(max).regex(NO_NUL);

/**
 * Years Tansiq accepts in a typed date: the ISO formats allow year 0000, which PostgreSQL refuses (there is no
 * year zero), and a record dated before 1000 or after 9999 is a typing mistake.
 */
const PLAUSIBLE_YEAR = /^[1-9]\d{3}-/;
/** A calendar day, YYYY-MM-DD (every date field and date filter uses this one). */
export const Day = z.iso.date().regex(PLAUSIBLE_YEAR);
/** An instant with its offset, e.g. 2026-11-29T08:00:00Z. */
export const Instant = z.iso.datetime({ offset: true }).regex(PLAUSIBLE_YEAR);

export const Sensitivity = z.enum(SENSITIVITIES);
export const Timestamp = z.string();

export const PageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  q: z.string().trim().max(LIMITS.search).regex(NO_CONTROL_CHARS).optional(),
};

export const ActiveFilter = z.enum(["active", "inactive", "all"]).default("active");

export const Page = z.object({ page: z.number(), pageSize: z.number(), total: z.number() });

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), page: Page });
}

export function oneOf<T extends z.ZodType>(item: T) {
  return z.object({ data: item });
}

/** The actions the server allows the current user on one record, sent with the record. */
export function abilities<const K extends readonly [string, ...string[]]>(actions: K) {
  return z.object(
    Object.fromEntries(actions.map((a) => [a, z.boolean()])) as { [P in K[number]]: z.ZodBoolean },
  );
}

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), issue: z.string(), message: z.string() })).optional(),
  }),
});
