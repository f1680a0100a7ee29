import { ERROR_STATUS, type ErrorCode, type FieldError, type Problem } from "@kontor/contracts";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError } from "../errors/app-error.ts";

const TITLES: Partial<Record<ErrorCode, string>> = {
  validation_failed: "Validation failed",
  unauthenticated: "Authentication required",
  forbidden: "Forbidden",
  not_found: "Not found",
  version_conflict: "Version conflict",
  internal_error: "Internal server error",
};

function titleFor(code: ErrorCode): string {
  return TITLES[code] ?? code.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());
}

export function buildProblem(
  code: ErrorCode,
  detail?: string,
  errors?: FieldError[],
  extensions?: Pick<Problem, "parent">,
): Problem {
  const problem: Problem = {
    type: `https://kontor.dev/problems/${code.replaceAll("_", "-")}`,
    title: titleFor(code),
    status: ERROR_STATUS[code],
    code,
  };
  if (detail) problem.detail = detail;
  if (errors?.length) problem.errors = errors;
  if (extensions?.parent) problem.parent = extensions.parent;
  return problem;
}

/** The scalar details of a zod issue a client needs to word the message itself. */
const ISSUE_PARAMS = ["origin", "minimum", "maximum", "inclusive", "format", "expected"] as const;

function paramsOf(issue: Record<string, unknown> | undefined): FieldError["params"] {
  const params: NonNullable<FieldError["params"]> = {};
  for (const key of ISSUE_PARAMS) {
    const value = issue?.[key];
    if (typeof value === "string" || typeof value === "boolean") params[key] = value;
    else if (typeof value === "number" && Number.isFinite(value)) params[key] = value;
    else if (typeof value === "bigint") params[key] = Number(value);
  }
  return Object.keys(params).length ? params : undefined;
}

function pathOf(instancePath: string, context: string): string {
  const trimmed = instancePath.split("/").filter(Boolean).join(".");
  return context === "body" ? trimmed : [context, trimmed].filter(Boolean).join(".");
}

/** PostgreSQL's SQLSTATE of a database error, also when wrapped (drizzle puts it in `cause`). */
function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Text PostgreSQL cannot store: a NUL character in text (22021) or in JSON (22P05). */
const UNSTORABLE_TEXT = new Set(["22021", "22P05"]);

/** Maps every error to RFC 9457 problem+json; unknown errors are logged and become internal_error. */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let problem: Problem;
    if (error instanceof AppError) {
      problem = buildProblem(error.code, error.message, error.errors, error.extensions);
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? "body";
      const errors = error.validation.flatMap((issue) => {
        const details = issue.params as Record<string, unknown> | undefined;
        const keys = details?.keys;
        if (issue.keyword === "unrecognized_keys" && Array.isArray(keys)) {
          return keys.map((key) => ({
            path: pathOf(`${issue.instancePath}/${key}`, context),
            message: "Unknown field",
            code: issue.keyword,
          }));
        }
        const params = paramsOf(details);
        return [
          {
            path: pathOf(issue.instancePath, context),
            message: issue.message ?? "Invalid value",
            code: issue.keyword,
            ...(params ? { params } : {}),
          },
        ];
      });
      problem = buildProblem("validation_failed", "The request is not valid.", errors);
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, "response did not match its schema");
      problem = buildProblem("internal_error", "An unexpected error occurred.");
    } else if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      problem = buildProblem("payload_too_large", "The request body is too large.");
    } else if (
      error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ||
      error.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
    ) {
      problem = buildProblem("validation_failed", error.message);
    } else if (error.statusCode === 400 && error.code?.startsWith("FST_ERR")) {
      problem = buildProblem("validation_failed", "The request body is not valid JSON.");
    } else if (UNSTORABLE_TEXT.has(sqlStateOf(error) ?? "")) {
      problem = buildProblem("validation_failed", "Text must not contain NUL characters (\\u0000).");
    } else if (error.statusCode === 429) {
      problem = buildProblem("rate_limited", "Too many requests; try again shortly.");
    } else {
      request.log.error({ err: error }, "unhandled error");
      problem = buildProblem("internal_error", "An unexpected error occurred.");
    }
    return reply.status(problem.status).type("application/problem+json").send(problem);
  });
}
