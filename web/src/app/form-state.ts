import { useState, type ChangeEvent } from "react";
import type { z } from "zod";
import { ApiError } from "./api-client";
import { i18n, optionalText } from "./i18n";

export type FieldErrors = Partial<Record<string, string>>;

/** A field's label from `fields.<name>`, else the name itself. */
export function fieldLabel(field: string): string {
  return optionalText(`fields.${field}`) ?? field;
}

type Issue = z.core.$ZodIssue;

/** One schema issue in the words the server would use (`validation.<issue>` with the field's label). */
export function issueMessage(issue: Issue, rawValue: unknown): string {
  const field = String(issue.path[0] ?? "body");
  const label = { field: fieldLabel(field) };
  const isEmpty = rawValue === undefined || rawValue === null || rawValue === "";
  switch (issue.code) {
    case "invalid_type":
    case "invalid_value":
      return isEmpty ? i18n.t("validation.required", label) : i18n.t(`validation.${issue.code}`, label);
    case "too_big":
      return issue.origin === "string"
        ? i18n.t("validation.too_long", { ...label, max: Number(issue.maximum) })
        : i18n.t("validation.too_big", { ...label, max: Number(issue.maximum) });
    case "too_small":
      if (issue.origin !== "string")
        return i18n.t("validation.too_small", { ...label, min: Number(issue.minimum) });
      return isEmpty || Number(issue.minimum) <= 1
        ? i18n.t("validation.required", label)
        : i18n.t("validation.too_short", { ...label, min: Number(issue.minimum) });
    case "invalid_format":
      return i18n.t("validation.invalid_format", label);
    case "unrecognized_keys":
      return i18n.t("validation.unknown_field", label);
    case "custom":
      // "one of these is needed" (e.g. a recipient by record or by name): the field is required.
      return issue.message === "one_of"
        ? i18n.t("validation.required", label)
        : i18n.t("validation.invalid", label);
    default:
      return i18n.t("validation.invalid", label);
  }
}

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Checks a body with the API's own schema before sending it; messages match the server's. */
export function validate<S extends z.ZodType>(
  schema: S,
  body: Record<string, unknown>,
): Validation<z.output<S>> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "body");
    errors[field] ??= issueMessage(issue, body[field]);
  }
  return { ok: false, errors };
}

/** The value at a path of a request body (for "required" versus "invalid"). */
function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let at = body;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/**
 * Like `validate`, for a body with lists of parts: errors are keyed by the full path, as the server keys them
 * ("honours.1.title"), and each message names the field itself ("title"), not the list.
 */
export function validateDeep<S extends z.ZodType>(schema: S, body: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".") || "body";
    const leaf = [...issue.path].reverse().find((p) => typeof p === "string") ?? "body";
    errors[key] ??= issueMessage({ ...issue, path: [leaf] }, valueAt(body, issue.path));
  }
  return { ok: false, errors };
}

/** The server's per-field messages, keyed by field (first message per field). */
export function serverFieldErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (error instanceof ApiError) for (const f of error.fields) errors[f.field] ??= f.message;
  return errors;
}

/** Form values kept as text (what inputs hold), with per-field errors. */
export function useFormState<V extends Record<string, string>>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = (name: keyof V & string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => (e[name] ? { ...e, [name]: undefined } : e));
  };

  /** Props for TextInput / PasswordInput / Textarea. */
  const text = (name: keyof V & string) => ({
    value: values[name],
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(name, event.currentTarget.value),
  });

  /** Props for Select / SegmentedControl (an empty text is "nothing chosen"). */
  const choice = (name: keyof V & string) => ({
    value: values[name] === "" ? null : values[name],
    error: errors[name],
    onChange: (value: string | null) => set(name, value ?? ""),
  });

  return { values, errors, setErrors, set, text, choice, reset: () => setValues(initial) };
}

/** Text → null when empty, for nullable fields. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
