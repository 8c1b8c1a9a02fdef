import fc from "fast-check";
import type { z } from "zod";

/**
 * Request values generated from a route's own Zod schema (read through Zod 4's definitions), so a property
 * test covers a route the day it is registered: bodies, queries and path parameters that pass the schema,
 * and a description of each top-level field to aim bad values at.
 */

type Def = {
  type: string;
  format?: string;
  coerce?: boolean;
  checks?: { _zod: { def: CheckDef } }[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
  catchall?: z.ZodType;
};
type CheckDef = {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

/** Ids of existing records, by the table a field or path segment points at. */
export type IdPool = { forField(field: string): string[] };

export type GenerateOptions = { ids: IdPool; field: string; query: boolean };

/** The schema a value is generated from once wrappers (optional, default, pipe, lazy …) are peeled. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(s);
    if (def.type === "pipe" && def.in) {
      // A transform's input is what a client sends; a pipe into a transform keeps its input side.
      s = defOf(def.in).type === "transform" && def.out ? def.out : def.in;
    } else if (def.type === "lazy" && def.getter) s = def.getter();
    else if (
      ["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"].includes(
        def.type,
      ) &&
      def.innerType
    )
      s = def.innerType;
    else return s;
  }
  return s;
}

/** Whether a key may be left out of an object. */
function isOptionalKey(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (["optional", "default", "prefault"].includes(def.type)) return true;
  if (def.type === "pipe" && def.in) return isOptionalKey(def.in);
  if (["nullable", "readonly", "catch"].includes(def.type) && def.innerType)
    return isOptionalKey(def.innerType);
  return false;
}

const ARABIC_AND_LATIN = [..."ابتثجحخدذرسشصطعغفقكلمنهويةىءآأإ ٠١٢abcXYZ019-_. "];

function day(): fc.Arbitrary<string> {
  return fc
    .date({
      min: new Date("2020-01-01T00:00:00Z"),
      max: new Date("2030-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
}

function stringArbitrary(def: Def, options: GenerateOptions): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const format =
    def.format ?? checks.find((c) => c.check === "string_format" && c.format !== "regex")?.format;
  const min = Math.max(0, ...checks.filter((c) => c.check === "min_length").map((c) => c.minimum ?? 0));
  const max = Math.min(
    Infinity,
    ...checks
      .filter((c) => c.check === "max_length" || c.check === "length_equals")
      .map((c) => c.maximum ?? Infinity),
  );
  const patterns = checks.filter((c) => c.check === "string_format" && c.pattern).map((c) => c.pattern!);
  const fits = (s: string) => s.length >= min && s.length <= max && patterns.every((p) => p.test(s));
  switch (format) {
    case "uuid":
    case "guid": {
      const known = options.ids.forField(options.field);
      return known.length > 0
        ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, fc.uuid())
        : fc.uuid();
    }
    case "date":
      return day();
    case "datetime":
      return day().chain((d) =>
        fc
          .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
          .map(([h, m]) => `${d}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00Z`),
      );
    case "email":
      return fc.constantFrom("officer@tansiq.ly", "a.b@example.org");
    case "url":
      return fc.constant("https://tansiq.example/ly");
  }
  // A pattern that constrains the shape (a code, a username, a six-digit code) is generated from itself.
  const shaping = patterns.find((p) => !p.source.startsWith("^[^"));
  if (shaping) {
    return fc
      .stringMatching(new RegExp(shaping.source, shaping.flags.replace("g", "")))
      .map((s) => s.slice(0, Math.min(max, 40)))
      .filter(fits);
  }
  const upper = Math.max(min, Math.min(max, 40));
  return fc
    .string({ unit: fc.constantFrom(...ARABIC_AND_LATIN), minLength: min, maxLength: upper })
    .map((s) => (min > 0 && s.trim().length === 0 ? "ا".repeat(min) : s))
    .filter(fits);
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  let min = -1_000_000;
  let max = 1_000_000;
  for (const c of checksOf(def)) {
    if (c.check === "greater_than" && c.value !== undefined)
      min = Math.max(min, c.value + (c.inclusive ? 0 : 1));
    if (c.check === "less_than" && c.value !== undefined)
      max = Math.min(max, c.value - (c.inclusive ? 0 : 1));
  }
  return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) });
}

/** Values the schema accepts (mostly: refinements across fields are not read). */
export function arbitraryFor(schema: z.ZodType, options: GenerateOptions): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case "nullable":
      return fc.oneof({ weight: 4, arbitrary: arbitraryFor(def.innerType!, options) }, fc.constant(null));
    case "optional":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return arbitraryFor(def.innerType!, options);
    case "lazy":
      return arbitraryFor(def.getter!(), options);
    case "pipe":
      return arbitraryFor(defOf(def.in!).type === "transform" ? def.out! : def.in!, options);
  }
  switch (def.type) {
    case "string":
      return stringArbitrary(def, options);
    case "number":
    case "bigint":
      return numberArbitrary(def).map((n) => (options.query ? String(n) : n));
    case "boolean":
      return fc.boolean().map((b) => (options.query ? String(b) : b));
    case "null":
      return fc.constant(null);
    case "literal":
      return fc.constantFrom(...(def.values ?? [null]));
    case "enum":
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case "array": {
      const checks = checksOf(def);
      const min = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
      const max = checks.find((c) => c.check === "max_length")?.maximum ?? 3;
      return fc.array(arbitraryFor(def.element!, options), {
        minLength: min,
        maxLength: Math.max(min, Math.min(max, 3)),
      });
    }
    case "object":
      return objectArbitrary(schema, options);
    case "union":
      return fc.oneof(...(def.options ?? []).map((o) => arbitraryFor(o, options)));
    case "intersection":
      return fc
        .tuple(arbitraryFor(def.left!, options), arbitraryFor(def.right!, options))
        .map(([a, b]) => ({ ...(a as object), ...(b as object) }));
    case "record":
      return fc.constant({});
    default:
      return fc.constant("x");
  }
}

function objectArbitrary(schema: z.ZodType, options: GenerateOptions): fc.Arbitrary<Record<string, unknown>> {
  const shape = defOf(schema).shape ?? {};
  const keys = Object.keys(shape);
  const model = Object.fromEntries(
    keys.map((key) => [key, arbitraryFor(shape[key]!, { ...options, field: key })]),
  );
  return fc.record(model, { requiredKeys: keys.filter((k) => !isOptionalKey(shape[k]!)) });
}

/** What a top-level field accepts, to aim bad values at it. */
export type FieldFacts = {
  name: string;
  acceptsString: boolean;
  acceptsObject: boolean;
  acceptsNumber: boolean;
  maxLength: number | null;
  dateFormat: "date" | "datetime" | null;
};

function collectLeaves(schema: z.ZodType, into: Def[]) {
  const def = defOf(unwrap(schema));
  if (def.type === "union") for (const o of def.options ?? []) collectLeaves(o, into);
  else into.push(def);
}

export function fieldsOf(schema: z.ZodType | undefined): FieldFacts[] {
  if (!schema) return [];
  const def = defOf(unwrap(schema));
  if (def.type !== "object") return [];
  return Object.entries(def.shape ?? {}).map(([name, field]) => {
    const leaves: Def[] = [];
    collectLeaves(field, leaves);
    const strings = leaves.filter((l) => l.type === "string");
    const maxes = strings.flatMap((s) =>
      checksOf(s)
        .filter((c) => c.check === "max_length")
        .map((c) => c.maximum ?? Infinity),
    );
    const format = strings.map((s) => s.format).find((f) => f === "date" || f === "datetime");
    return {
      name,
      acceptsString: strings.length > 0,
      acceptsObject: leaves.some((l) => ["object", "record", "any", "unknown", "array"].includes(l.type)),
      acceptsNumber: leaves.some((l) => l.type === "number" || l.type === "any" || l.type === "unknown"),
      maxLength: strings.length > 0 && maxes.length === strings.length ? Math.max(...maxes) : null,
      dateFormat: (format as "date" | "datetime" | undefined) ?? null,
    };
  });
}

/** True when the schema is one object whose unknown keys are refused (a strict object). */
export function isStrictObject(schema: z.ZodType | undefined): boolean {
  if (!schema) return false;
  const def = defOf(unwrap(schema));
  return def.type === "object" && def.catchall !== undefined && defOf(def.catchall).type === "never";
}
