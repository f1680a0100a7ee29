import { useCallback, useState } from "react";
import type { z } from "zod";
import { ruleMessage } from "./error-text.ts";
import { fieldErrorMap, isApiError } from "./problem.ts";

export type FieldErrors = Record<string, string>;

/** Translates a zod issue into the UI language, the same way as the server's field errors. */
function issueMessage(issue: z.core.$ZodIssue): string {
  return ruleMessage({
    code: issue.code,
    message: issue.message,
    params: issue as unknown as Record<string, unknown>,
  });
}

/** Flattens zod issues into `{ "address.city": "message" }`. */
export function zodErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".");
    if (!errors[path]) errors[path] = issueMessage(issue);
  }
  return errors;
}

/** Tiny form state: values, client-side zod validation and the server's field errors by path. */
export function useForm<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const setField = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      if (!current[key as string]) return current;
      const { [key as string]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  function validate<S extends z.ZodType>(schema: S, input: unknown = values): z.infer<S> | null {
    const result = schema.safeParse(input);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    setErrors(zodErrors(result.error));
    return null;
  }

  /** Shows field errors of a problem; returns false when the problem had none (caller notifies). */
  function applyServerError(error: unknown): boolean {
    if (!isApiError(error) || error.fieldErrors.length === 0) return false;
    setErrors(fieldErrorMap(error));
    return true;
  }

  return { values, setValues, setField, errors, setErrors, validate, applyServerError };
}
