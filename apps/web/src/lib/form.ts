import { useCallback, useState } from "react";
import type { z } from "zod";
import i18n from "./i18n.ts";
import { fieldErrorMap, isApiError } from "./problem.ts";

export type FieldErrors = Record<string, string>;

/** Translates a zod issue into the UI language where a generic message exists, else keeps the schema's text. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "too_small" && issue.origin === "string" && issue.minimum === 1)
    return i18n.t("validation.required");
  if (issue.code === "invalid_format" && issue.format === "email") return i18n.t("validation.email");
  if (issue.code === "too_small" && issue.origin === "string")
    return i18n.t("validation.minLength", { count: Number(issue.minimum) });
  if (issue.code === "too_big" && issue.origin === "string")
    return i18n.t("validation.maxLength", { count: Number(issue.maximum) });
  if (issue.code === "invalid_format" && issue.format === "url") return i18n.t("validation.url");
  return issue.message;
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
