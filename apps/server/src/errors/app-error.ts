import { ERROR_STATUS, type ErrorCode, type FieldError } from "@kontor/contracts";

/** The one error type services throw; the HTTP layer turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? code);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (code: ErrorCode = "not_found", detail = "The record does not exist.") =>
  new AppError(code, detail);

export const forbidden = (detail = "Your role does not allow this.") => new AppError("forbidden", detail);

export const validationFailed = (errors: FieldError[], detail = "The request is not valid.") =>
  new AppError("validation_failed", detail, errors);
