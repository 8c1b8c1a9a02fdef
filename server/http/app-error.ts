import { ERROR_STATUS, type ErrorCode, type FieldIssue } from "../../common/errors";

/** The one error type domain code throws. The HTTP layer turns it into `{error: {code, message, fields}}`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      fields?: Omit<FieldIssue, "message">[];
      params?: Record<string, string | number>;
      /** Seconds after which the client may try again (sent as Retry-After). */
      retryAfter?: number;
    } = {},
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}
