import {
  COMPANY_FILTER_FIELDS,
  PERSON_FILTER_FIELDS,
  PERSON_SEGMENT_RELATED_FIELDS,
  type TCustomField,
} from "@kontor/contracts";
import type { TFunction } from "i18next";
import type { RecordObject } from "../records/record-config.ts";

/** Own fields that hold ids; a person picks them elsewhere, so the builder leaves them out. */
const ID_FIELDS = new Set(["id", "companyId", "ownerId"]);
const NUMBER_FIELDS = new Set([
  "employeeCount",
  "annualRevenue",
  "company.employeeCount",
  "company.annualRevenue",
]);
const DATE_FIELDS = new Set(["birthday", "createdAt", "updatedAt"]);

export type ValueKind = "text" | "number" | "date";

export interface SegmentFieldOption {
  value: string;
  label: string;
  group: string;
  kind: ValueKind;
  /** Choices of a select custom field, offered as values. */
  options?: { value: string; label: string }[];
}

function customKind(definition: TCustomField): ValueKind {
  if (definition.type === "number" || definition.type === "currency") return "number";
  if (definition.type === "date") return "date";
  return "text";
}

/** The fields a segment of `object` can test: own fields, custom fields and, for people, the company's. */
export function segmentFieldOptions({
  object,
  customFields,
  t,
}: {
  object: RecordObject;
  customFields: TCustomField[];
  t: TFunction;
}): SegmentFieldOption[] {
  const ownGroup = t(object === "person" ? "segments:fieldGroups.person" : "segments:fieldGroups.company");
  const own = (object === "person" ? PERSON_FILTER_FIELDS : COMPANY_FILTER_FIELDS)
    .filter((key) => !ID_FIELDS.has(key))
    .map((key) => ({
      value: key,
      label: t(`records:fields.${key}`),
      group: ownGroup,
      kind: NUMBER_FIELDS.has(key) ? "number" : DATE_FIELDS.has(key) ? "date" : ("text" as ValueKind),
    }));
  const custom = customFields.map((definition) => ({
    value: `customFields.${definition.key}`,
    label: definition.label,
    group: t("segments:fieldGroups.custom"),
    kind: customKind(definition),
    options: definition.options?.length ? definition.options : undefined,
  }));
  const related =
    object === "person"
      ? PERSON_SEGMENT_RELATED_FIELDS.map((key) => ({
          value: key,
          label: t(`segments:relatedFields.${key.replace("company.", "")}`),
          group: t("segments:fieldGroups.currentCompany"),
          kind: NUMBER_FIELDS.has(key) ? "number" : ("text" as ValueKind),
        }))
      : [];
  return [...own, ...custom, ...related];
}
