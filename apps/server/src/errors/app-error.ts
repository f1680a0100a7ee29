import { ERROR_STATUS, type ErrorCode, type FieldError, type ProblemParent } from "@kontor/contracts";

/** The one error type services throw; the HTTP layer turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly errors?: FieldError[],
    /** Extension members of the problem (RFC 9457 §3.2), e.g. the `parent` of `parent_in_trash`. */
    readonly extensions?: { parent?: ProblemParent },
  ) {
    super(detail ?? code);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (code: ErrorCode = "not_found", detail = "The record does not exist.") =>
  new AppError(code, detail);

export const forbidden = (detail = "Your role does not allow this.") => new AppError("forbidden", detail);

/** The field error for a reference to a record that does not exist in the actor's workspace. */
export const noSuchRecord = (path: string, recordType: string): FieldError => ({
  path,
  message: `No such ${recordType} in this workspace`,
  code: "record_not_found",
  params: { recordType },
});

export const validationFailed = (errors: FieldError[], detail = "The request is not valid.") =>
  new AppError("validation_failed", detail, errors);
