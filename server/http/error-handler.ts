import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorBody, ErrorCode, FieldIssue } from "../../common/errors";
import { ERROR_STATUS } from "../../common/errors";
import type { Language } from "../../common/enums";
import { isDatabaseUnavailable, isRefusedValue } from "../db/failures";
import { AppError } from "./app-error";
import { hasTranslation, languageFrom, translate } from "./i18n";

type RawIssue = { keyword: string; instancePath: string; params: Record<string, unknown> };

function fieldLabel(language: Language, field: string): string {
  const leaf = field.split(".").at(-1) ?? field;
  return hasTranslation(language, `fields.${leaf}`) ? translate(language, `fields.${leaf}`) : field;
}

/** Maps one Zod issue to a field and a message key. */
function toFieldIssues(issue: RawIssue): Omit<FieldIssue, "message">[] {
  const path = issue.instancePath.replace(/^\//, "").split("/").filter(Boolean).join(".");
  const p = issue.params;
  switch (issue.keyword) {
    case "unrecognized_keys":
      return ((p.keys as string[]) ?? []).map((key) => ({
        field: path ? `${path}.${key}` : key,
        issue: "unknown_field",
      }));
    case "invalid_type":
      return [{ field: path || "body", issue: p.input === undefined ? "required" : "invalid_type" }];
    case "too_big":
      return [{ field: path, issue: p.origin === "string" ? "too_long" : "too_big" }];
    case "too_small":
      return [{ field: path, issue: p.origin === "string" ? "too_short" : "too_small" }];
    case "invalid_format":
      return [{ field: path, issue: "invalid_format" }];
    case "invalid_value":
      return [{ field: path, issue: "invalid_value" }];
    case "custom":
      return [{ field: path || "body", issue: issue.instancePath === "/" || !path ? "empty" : "invalid" }];
    default:
      return [{ field: path || "body", issue: "invalid" }];
  }
}

function localise(
  language: Language,
  issue: Omit<FieldIssue, "message">,
  params: Record<string, unknown>,
): FieldIssue {
  const values: Record<string, string | number> = { field: fieldLabel(language, issue.field) };
  if (typeof params.maximum === "number" || typeof params.maximum === "bigint")
    values.max = Number(params.maximum);
  if (typeof params.minimum === "number" || typeof params.minimum === "bigint")
    values.min = Number(params.minimum);
  return { ...issue, message: translate(language, `validation.${issue.issue}`, values) };
}

export function errorBody(
  language: Language,
  code: ErrorCode,
  fields?: FieldIssue[],
  params: Record<string, string | number> = {},
): ErrorBody {
  return {
    error: {
      code,
      message: translate(language, `errors.${code}`, params),
      ...(fields?.length ? { fields } : {}),
    },
  };
}

function requestLanguage(request: FastifyRequest): Language {
  return languageFrom(request.actor?.language, request.headers["accept-language"]);
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  fields?: FieldIssue[],
  params?: Record<string, string | number>,
) {
  return reply.status(ERROR_STATUS[code]).send(errorBody(requestLanguage(request), code, fields, params));
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "malformed_json",
  FST_ERR_CTP_EMPTY_JSON_BODY: "malformed_json",
  FST_ERR_CTP_INVALID_JSON_BODY: "malformed_json",
};

/** What a 503 asks the client to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const language = requestLanguage(request);
    if (error instanceof AppError) {
      const fields = error.options.fields?.map((f) => localise(language, f, {}));
      const retryAfter =
        error.options.retryAfter ?? (error.code === "unavailable" ? RETRY_AFTER_SECONDS : undefined);
      if (retryAfter !== undefined) reply.header("retry-after", String(Math.max(1, Math.ceil(retryAfter))));
      return sendError(request, reply, error.code, fields, error.options.params);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "body";
      const fields = (error.validation as unknown as RawIssue[]).flatMap((issue) =>
        toFieldIssues(issue).map((f) =>
          localise(
            language,
            where === "body" || f.field === "body" ? f : { ...f, field: f.field || where },
            issue.params,
          ),
        ),
      );
      return sendError(request, reply, "validation_failed", fields);
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendError(request, reply, mapped);
    if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
      return sendError(request, reply, "malformed_json");
    }
    if (error.statusCode === 429) return sendError(request, reply, "rate_limited");
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, "client error");
      return sendError(request, reply, error.statusCode === 404 ? "not_found" : "validation_failed");
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      reply.header("retry-after", String(RETRY_AFTER_SECONDS));
      return sendError(request, reply, "unavailable");
    }
    if (isRefusedValue(error)) {
      request.log.warn({ err: error }, "value refused by the database");
      return sendError(request, reply, "validation_failed");
    }
    request.log.error({ err: error }, "request failed");
    return sendError(request, reply, "internal");
  });
}
