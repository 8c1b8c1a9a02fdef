// The closed list of error codes the API sends. The web shows `errors.<code>` from the i18n files.

export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  totp_invalid: 401,
  forbidden: 403,
  csrf_failed: 403,
  totp_enrollment_required: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  invalid_parent: 409,
  invalid_transition: 409,
  reason_required: 400,
  not_reopenable: 403,
  invalid_assignee: 400,
  over_delivery: 409,
  course_not_open: 409,
  course_full: 409,
  quota_full: 409,
  overlapping_place: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  extraction_empty: 422,
  extraction_not_arabic: 422,
  extraction_too_long: 422,
  extraction_no_meeting: 422,
  account_locked: 429,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export type FieldIssue = { field: string; issue: string; message: string };

export type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: FieldIssue[] };
};
