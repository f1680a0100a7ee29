import { type FieldError, ZEmail, ZMoney } from "@kontor/contracts";
import { type SQL, sql } from "drizzle-orm";
import { isCalendarDate } from "../../lib/calendar-date.ts";
import type { FieldKind, FieldSpec } from "../../lib/list-query.ts";
import { toE164 } from "../../lib/phone.ts";
import type { CustomFieldRow } from "./custom-fields.repository.ts";

const MAX_TEXT = 2000;

function checkValue(
  definition: CustomFieldRow,
  value: unknown,
  defaultRegion: string,
): { value?: unknown; error?: Omit<FieldError, "path"> } {
  const options = definition.options.map((option) => option.value);
  switch (definition.type) {
    case "text":
      return typeof value === "string" && value.length <= MAX_TEXT
        ? { value }
        : {
            error: {
              message: `Text up to ${MAX_TEXT} characters`,
              code: "too_big",
              params: { origin: "string", maximum: MAX_TEXT },
            },
          };
    case "number":
      return typeof value === "number" && Number.isFinite(value)
        ? { value }
        : { error: { message: "Expected a number", code: "invalid_type", params: { expected: "number" } } };
    case "boolean":
      return typeof value === "boolean"
        ? { value }
        : {
            error: {
              message: "Expected true or false",
              code: "invalid_type",
              params: { expected: "boolean" },
            },
          };
    case "date":
      return isCalendarDate(value)
        ? { value }
        : {
            error: {
              message: "Expected a date (YYYY-MM-DD)",
              code: "invalid_format",
              params: { format: "date" },
            },
          };
    case "select":
      return typeof value === "string" && options.includes(value)
        ? { value }
        : { error: { message: `Expected one of ${options.join(", ")}`, code: "invalid_value" } };
    case "multiselect":
      return Array.isArray(value) && value.every((item) => typeof item === "string" && options.includes(item))
        ? { value: [...new Set(value as string[])] }
        : { error: { message: `Expected a list of ${options.join(", ")}`, code: "invalid_value" } };
    case "url":
      return typeof value === "string" &&
        /^https?:\/\/[^\s]+$/.test(value) &&
        value.length <= 500 &&
        URL.canParse(value)
        ? { value }
        : {
            error: { message: "Expected an http(s) URL", code: "invalid_format", params: { format: "url" } },
          };
    case "email":
      return ZEmail.safeParse(value).success
        ? { value: String(value).toLowerCase() }
        : {
            error: {
              message: "Expected an email address",
              code: "invalid_format",
              params: { format: "email" },
            },
          };
    case "phone": {
      const e164 = typeof value === "string" ? toE164(value, defaultRegion) : null;
      return e164
        ? { value: e164 }
        : { error: { message: "Expected a valid phone number", code: "invalid_phone" } };
    }
    case "currency":
      return ZMoney.safeParse(value).success
        ? { value }
        : {
            error: {
              message: 'Expected { "amount": "12.50", "currency": "EUR" }',
              code: "invalid_format",
              params: { format: "money" },
            },
          };
    default:
      return { error: { message: "Unknown field type" } };
  }
}

/**
 * Validates custom field values against the workspace's definitions and returns the stored form.
 * `null` removes a value. Unknown keys and wrong types are field errors under `customFields.<key>`.
 */
export function validateCustomFieldValues(options: {
  definitions: CustomFieldRow[];
  values: Record<string, unknown>;
  existing?: Record<string, unknown>;
  defaultRegion: string;
}): { values: Record<string, unknown>; errors: FieldError[] } {
  const byKey = new Map(options.definitions.map((definition) => [definition.key, definition]));
  const result: Record<string, unknown> = { ...(options.existing ?? {}) };
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(options.values)) {
    const definition = byKey.get(key);
    const path = `customFields.${key}`;
    if (!definition) {
      errors.push({ path, message: `Unknown custom field "${key}"`, code: "unrecognized_keys" });
      continue;
    }
    if (value === null) {
      delete result[key];
      continue;
    }
    const checked = checkValue(definition, value, options.defaultRegion);
    if (checked.error) errors.push({ path, ...checked.error });
    else result[key] = checked.value;
  }
  for (const definition of options.definitions) {
    const value = result[definition.key];
    const empty =
      value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
    if (definition.required && empty) {
      errors.push({
        path: `customFields.${definition.key}`,
        message: `${definition.label} is required`,
        code: "required",
      });
    }
  }
  return { values: result, errors };
}

const KIND_BY_TYPE: Record<string, FieldKind> = {
  number: "number",
  date: "date",
  boolean: "boolean",
  multiselect: "tags",
};

const ISO_DATE = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
const DECIMAL = "^-?[0-9]+([.][0-9]+)?$";

/**
 * How `filter[customFields.key]` and `sort=customFields.key` read a custom field. A stored value
 * of another type (left from an earlier definition of the same key) reads as empty instead of
 * failing the cast and with it the whole list.
 */
export function customFieldSpec(column: SQL, definition: CustomFieldRow): FieldSpec {
  const kind = KIND_BY_TYPE[definition.type] ?? "text";
  const key = definition.key;
  const value = sql`(${column}->${key})`;
  const text = sql`(${column}->>${key})`;
  const expressions: Record<FieldKind, SQL> = {
    number: sql`(CASE WHEN jsonb_typeof(${value}) = 'number' THEN ${text}::numeric END)`,
    date: sql`(CASE WHEN jsonb_typeof(${value}) = 'string' AND ${text} ~ ${ISO_DATE} THEN ${text}::date END)`,
    boolean: sql`(CASE WHEN jsonb_typeof(${value}) = 'boolean' THEN ${text}::boolean END)`,
    tags: sql`(CASE WHEN jsonb_typeof(${value}) = 'array' THEN ${value} ELSE '[]'::jsonb END)`,
    text:
      definition.type === "currency"
        ? sql`(CASE WHEN (${value}->>'amount') ~ ${DECIMAL} THEN (${value}->>'amount')::numeric END)`
        : text,
    timestamp: sql`${text}::timestamptz`,
    uuid: sql`${text}::uuid`,
  };
  const effectiveKind = definition.type === "currency" ? "number" : kind;
  return { expr: expressions[kind], kind: effectiveKind, nullable: true, sortable: kind !== "tags" };
}
