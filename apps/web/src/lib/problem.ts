import type { FieldError, Problem, ProblemParent } from "@kontor/contracts";
import { ruleMessage } from "./error-text.ts";

/** An RFC 9457 problem returned by the API, thrown by `unwrap`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  /** On `parent_in_trash`: the record to restore first. */
  readonly parent: ProblemParent | undefined;

  constructor(status: number, problem: Partial<Problem> | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.code = problem?.code ?? "internal_error";
    this.detail = problem?.detail ?? problem?.title;
    this.fieldErrors = problem?.errors ?? [];
    this.parent = problem?.parent;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Field errors keyed by dotted path, in the UI language, e.g. `{ "address.city": "Höchstens 100 Zeichen" }`. */
export function fieldErrorMap(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(
    error.fieldErrors.map((item) => [item.path.replace(/^body\./, ""), ruleMessage(item)]),
  );
}

/** The first field error of a problem in the UI language, if it has one. */
export function firstFieldMessage(error: unknown): string | undefined {
  const first = isApiError(error) ? error.fieldErrors[0] : undefined;
  return first ? ruleMessage(first) : undefined;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Returns the data of an openapi-fetch result or throws an ApiError built from the problem body. */
export function unwrap<T>(result: FetchResult<T>): T {
  if (result.response.ok) return result.data as T;
  const body = result.error;
  const problem = body && typeof body === "object" ? (body as Partial<Problem>) : undefined;
  throw new ApiError(result.response.status, problem);
}
