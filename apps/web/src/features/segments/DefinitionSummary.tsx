import { Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useCustomFields } from "../records/records-api.ts";
import { isGroup, type SegmentCondition } from "./segment-definition.ts";
import { segmentFieldOptions } from "./segment-fields.ts";
import type { Segment } from "./segments-api.ts";

/** A dynamic segment's conditions in one readable line: `City equals “Wien” and (… or …)`. */
export function DefinitionSummary({ segment }: { segment: Segment }) {
  const { t } = useTranslation("segments");
  const customFields = useCustomFields(segment.object);
  const fields = useMemo(
    () => segmentFieldOptions({ object: segment.object, customFields, t }),
    [segment.object, customFields, t],
  );
  if (!segment.definition) return null;

  function describe(condition: SegmentCondition): string {
    const field = fields.find((option) => option.value === condition.field)?.label ?? condition.field;
    const operator = t(`records:operators.${condition.op}`);
    if (condition.op === "isNull") {
      return `${field} ${t(condition.value === "false" ? "records:filters.isNotEmpty" : "records:filters.isEmpty")}`;
    }
    return `${field} ${operator} ${t("summary.quoted", { value: condition.value })}`;
  }

  const join = (match: "all" | "any") => ` ${t(match === "all" ? "summary.and" : "summary.or")} `;
  const text = segment.definition.conditions
    .map((item) =>
      isGroup(item) ? `(${item.conditions.map(describe).join(join(item.match))})` : describe(item),
    )
    .join(join(segment.definition.match));

  return (
    <Text size="sm" c="dimmed" data-testid="segment-definition">
      {text}
    </Text>
  );
}
