import { ERROR_STATUS, type ErrorCode, type FieldIssue } from "../../../common/errors";
import { currentLanguage, i18n } from "./i18n";

/** An API failure as the UI shows it: the server's message is already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];

  constructor(status: number, code: ErrorCode, message: string, fields: FieldIssue[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_STATUS, value);
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Appends the defined, non-empty parameters as a query string. */
export function withQuery(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The message for a code when the server did not send one (offline, proxy error page). */
function localError(status: number, code: ErrorCode): ApiError {
  return new ApiError(status, code, i18n.t(`errors.${code}`));
}

function isFieldIssue(value: unknown): value is FieldIssue {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.field === "string" && typeof v.issue === "string" && typeof v.message === "string";
}

/** Reads `{error:{code,message,fields}}`; anything else becomes a generic error for the status. */
export function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: unknown } | null)?.error;
  if (typeof error === "object" && error !== null) {
    const { code, message, fields } = error as Record<string, unknown>;
    const known = isErrorCode(code) ? code : status >= 500 ? "internal" : "validation_failed";
    const issues = Array.isArray(fields) ? fields.filter(isFieldIssue) : [];
    if (typeof message === "string" && message.length > 0)
      return new ApiError(status, known, message, issues);
    return new ApiError(status, known, localError(status, known).message, issues);
  }
  if (status === 401) return localError(status, "unauthenticated");
  if (status === 403) return localError(status, "forbidden");
  if (status === 404) return localError(status, "not_found");
  return localError(status, status === 502 || status === 503 || status === 504 ? "unavailable" : "internal");
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": currentLanguage(),
  };
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  // No body, no content type: the server refuses an empty JSON body.
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw localError(0, "unavailable");
  }
  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

export const api = {
  get: <T>(path: string, params?: QueryParams) => request<T>("GET", withQuery(path, params)),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
};

/** The API wraps single records as `{data}`. */
export type One<T> = { data: T };
export type Paged<T> = { data: T[]; page: { page: number; pageSize: number; total: number } };
