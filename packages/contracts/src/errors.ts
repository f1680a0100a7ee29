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
  occurrence_not_found: 404,
  conflict: 409,
  not_in_trash: 409,
  parent_in_trash: 409,
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

/**
 * One field error inside a problem: `path` is a dotted path into the request body or query,
 * `message` an English sentence for developers. `code` names the rule that failed so a client can
 * show its own text: zod's issue codes for schema checks (`too_small`, `too_big`, `invalid_type`,
 * `invalid_format`, `invalid_value`, `unrecognized_keys`) with their `params` (`origin`,
 * `minimum`, `maximum`, `format`), or one of {@link FIELD_ERROR_CODES} for Kontor's own rules.
 *
 * @example { "path": "email", "message": "Invalid email address", "code": "invalid_format", "params": { "format": "email" } }
 */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, string | number | boolean>;
}

/** Codes of Kontor's own field rules (beyond zod's issue codes); stable, only ever added to. */
export const FIELD_ERROR_CODES = [
  "required",
  "invalid_phone",
  "not_a_member",
  "record_not_found",
  "end_before_start",
  "unsupported_recurrence",
  "name_or_email_required",
  "key_taken",
  "options_required",
  "password_too_short",
  "self_relation",
  "malformed_cursor",
  "invalid_filter",
  "invalid_header",
  "file_required",
  "different_records_required",
  "static_segment_only",
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** Every code a field error may carry: zod's issue codes and Kontor's own. */
export type FieldRuleCode =
  | FieldErrorCode
  | "too_small"
  | "too_big"
  | "invalid_type"
  | "invalid_format"
  | "invalid_value"
  | "unrecognized_keys";

/**
 * The record a `parent_in_trash` problem names: what the refused record belongs to (a task's
 * project, a comment's or document's record, a moved occurrence's series), in the trash itself.
 *
 * @example { "recordType": "project", "id": "0190…", "name": "Umzug Lager" }
 */
export interface ProblemParent {
  recordType: string;
  id: string;
  name: string;
}

/** RFC 9457 problem details as Kontor sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  errors?: FieldError[];
  /** Only on `parent_in_trash`: the parent to restore first. */
  parent?: ProblemParent;
}
