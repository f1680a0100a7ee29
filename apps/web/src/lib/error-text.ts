import { FIELD_ERROR_CODES } from "@kontor/contracts";
import i18n from "./i18n.ts";

/** A rule that failed: a zod issue in the browser, or a field error the server sent in a problem. */
export interface FailedRule {
  code?: string | undefined;
  message: string;
  params?: Record<string, unknown> | undefined;
}

const FORMAT_KEYS: Record<string, string> = {
  email: "validation.email",
  url: "validation.url",
  uuid: "validation.uuid",
  date: "validation.date",
  datetime: "validation.dateTime",
  money: "validation.money",
};

const OWN_CODES = new Set<string>(FIELD_ERROR_CODES);

function boundKey(origin: unknown, kind: "min" | "max"): string {
  if (origin === "string") return kind === "min" ? "validation.minLength" : "validation.maxLength";
  if (origin === "array" || origin === "set")
    return kind === "min" ? "validation.minItems" : "validation.maxItems";
  return kind === "min" ? "validation.minimum" : "validation.maximum";
}

/**
 * The text for a failed rule in the UI language: zod's issue codes and Kontor's own field error
 * codes have translations; anything else keeps the English message it came with.
 */
export function ruleMessage(rule: FailedRule): string {
  const params = rule.params ?? {};
  switch (rule.code) {
    case "too_small":
      if (params.origin === "string" && Number(params.minimum) === 1)
        return i18n.t("common:validation.required");
      return i18n.t(`common:${boundKey(params.origin, "min")}`, {
        count: Number(params.minimum),
        value: String(params.minimum),
      });
    case "too_big":
      return i18n.t(`common:${boundKey(params.origin, "max")}`, {
        count: Number(params.maximum),
        value: String(params.maximum),
      });
    case "invalid_format":
      return i18n.t(`common:${FORMAT_KEYS[String(params.format)] ?? "validation.format"}`);
    case "invalid_type":
      return i18n.t("common:validation.invalidType");
    case "invalid_value":
      return i18n.t("common:validation.choice");
    case "unrecognized_keys":
      return i18n.t("common:validation.unknownField");
    default:
      if (rule.code && OWN_CODES.has(rule.code))
        return i18n.t(`common:validation.codes.${rule.code}`, params);
      return rule.message;
  }
}

/**
 * The text for a problem in the UI language: its first field error, else a translation of its
 * code, else the server's detail.
 */
export function problemMessage(problem: {
  code: string;
  detail?: string | undefined;
  fieldErrors?: FailedRule[];
  parent?: { name: string } | undefined;
}): string | undefined {
  const first = problem.fieldErrors?.[0];
  if (first) return ruleMessage(first);
  const key = `common:errors.codes.${problem.code}`;
  if (i18n.exists(key)) return i18n.t(key, { name: problem.parent?.name ?? "" });
  if (problem.code.endsWith("_not_found")) return i18n.t("common:errors.codes.not_found");
  return problem.detail;
}
