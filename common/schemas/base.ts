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
