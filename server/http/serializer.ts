import fastJson from "fast-json-stringify";
import { serializerCompiler as zodSerializerCompiler } from "fastify-type-provider-zod";
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";

type JsonSchema = { [key: string]: unknown };
type CompilerInput = Parameters<typeof zodSerializerCompiler>[0];

/**
 * Responses are written by fast-json-stringify, compiled from each route's Zod response schema, rather than by
 * Zod's encode and JSON.stringify: a page of fifty incidents cost 0.39 ms of the server's CPU to check and
 * write, the larger share of what a list request costs beyond its query (bench/README.md). What leaves is still only
 * what the schema declares (`additionalProperties: false` on every object: a column a presenter let through is
 * dropped, not sent).
 *
 * Under the test suite every response is also encoded by Zod, as before, and the two must agree: the whole suite
 * checks that both write the same document and that every response matches its schema.
 */
export function serializerCompiler(input: CompilerInput): (data: unknown) => string {
  const checked = zodSerializerCompiler(input);
  const fast = fastSerializer(input.schema);
  if (!fast) return checked;
  if (!process.env.VITEST) return fast;
  return (data) => {
    const expected = checked(data); // throws, as before, when the response does not match its schema
    const written = fast(data);
    if (!isDeepStrictEqual(JSON.parse(written), JSON.parse(expected))) {
      throw new Error(`${input.method} ${input.url}: fast-json-stringify wrote ${written}, Zod ${expected}`);
    }
    return written;
  };
}

/** The schema's writer, or null for a schema it cannot take (then Zod writes it). */
export function fastSerializer(schema: unknown): ((data: unknown) => string) | null {
  if (!(schema instanceof z.ZodType)) return null;
  try {
    const json = z.toJSONSchema(schema, { io: "output", target: "draft-7", unrepresentable: "throw" });
    return fastJson(simplified(json) as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
  } catch {
    return null;
  }
}

/**
 * What the writer needs of a JSON Schema: types and properties. Checks it would not make (patterns, formats, bounds)
 * are dropped (and `allOf` parts left with nothing else to say), and `anyOf: [T, null]` (Zod's nullable) becomes `type: [T, "null"]`, which it writes without trying
 * each branch.
 */
function simplified(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplified);
  if (!node || typeof node !== "object") return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node as JsonSchema)) {
    if (
      [
        "$schema",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "minLength",
        "maxLength",
        "propertyNames",
      ].includes(key)
    )
      continue;
    out[key] = simplified(value);
  }
  // Zod's several checks on one string (a date's format and a plausible year) come as allOf parts that, without
  // their patterns, say only what the type says: dropped, or the writer would merge them into the nullable type.
  if (
    Array.isArray(out.allOf) &&
    out.allOf.every((part: JsonSchema) => Object.keys(part).every((k) => k === "type"))
  ) {
    delete out.allOf;
  }
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const [first, second] = anyOf as JsonSchema[];
    const other = second?.type === "null" ? first : first?.type === "null" ? second : null;
    if (other && typeof other.type === "string" && Object.keys(out).length === 1) {
      return { ...other, type: [other.type, "null"] };
    }
  }
  return out;
}
