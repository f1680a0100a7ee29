/**
 * Stable error codes returned in the `code` member of every problem+json response.
 * Clients branch on these; never rename one, only add.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_cursor: 400,
  invalid_filter: 400,
  invalid_sort: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  person_not_found: 404,
  company_not_found: 404,
  custom_field_not_found: 404,
  relation_not_found: 404,
  segment_not_found: 404,
  merge_not_found: 404,
  workspace_not_found: 404,
  member_not_found: 404,
  api_key_not_found: 404,
  activity_not_found: 404,
  task_not_found: 404,
  appointment_not_found: 404,
  comment_not_found: 404,
  notification_not_found: 404,
  document_not_found: 404,
  project_not_found: 404,
  calendar_feed_not_found: 404,
  conflict: 409,
  not_in_trash: 409,
  already_set_up: 409,
  duplicate_key: 409,
  idempotency_key_in_use: 409,
  idempotency_key_reused: 422,
  version_conflict: 412,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One field error inside a problem: `path` is a dotted path into the request body or query. */
export interface FieldError {
  path: string;
  message: string;
}

/** RFC 9457 problem details as Kontor sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  errors?: FieldError[];
}
