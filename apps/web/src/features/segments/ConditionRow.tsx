import { FILTER_OPERATORS } from "@kontor/contracts";
import { ActionIcon, Group, Select, TextInput } from "@mantine/core";
import { IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { SegmentCondition } from "./segment-definition.ts";
import type { SegmentFieldOption } from "./segment-fields.ts";

interface ConditionRowProps {
  /** `0` or `1-0` (second item's first condition); used in test ids. */
  testKey: string;
  condition: SegmentCondition;
  fields: SegmentFieldOption[];
  errors: Record<string, string>;
  onChange: (condition: SegmentCondition) => void;
  onRemove: () => void;
}

/** One condition: field, operator and value, with the server's or the schema's error under each part. */
export function ConditionRow({ testKey, condition, fields, errors, onChange, onRemove }: ConditionRowProps) {
  const { t } = useTranslation("segments");
  const groups = [...new Set(fields.map((field) => field.group))].map((group) => ({
    group,
    items: fields.filter((field) => field.group === group).map(({ value, label }) => ({ value, label })),
  }));
  const field = fields.find((option) => option.value === condition.field);
  const kind = field?.kind ?? "text";
  const choices = field?.options && ["eq", "ne", "contains"].includes(condition.op) ? field.options : null;
  const operators = FILTER_OPERATORS.map((op) => ({ value: op, label: t(`records:operators.${op}`) }));
  const itemError = errors[""];

  return (
    <Group
      gap="xs"
      wrap="wrap"
      align="flex-start"
      data-testid={`segment-condition-${testKey}`}
      role="group"
      aria-label={t("builder.condition")}
    >
      <Select
        size="sm"
        aria-label={t("builder.field")}
        data={groups}
        value={condition.field || null}
        onChange={(field) => onChange({ ...condition, field: field ?? "" })}
        searchable
        error={errors.field ?? itemError}
        style={{ flex: "2 1 190px" }}
        data-testid={`segment-field-${testKey}`}
      />
      <Select
        size="sm"
        aria-label={t("builder.operator")}
        data={operators}
        value={condition.op}
        allowDeselect={false}
        onChange={(op) =>
          onChange({
            ...condition,
            op: (op ?? "eq") as SegmentCondition["op"],
            value: op === "isNull" ? "true" : condition.op === "isNull" ? "" : condition.value,
          })
        }
        error={errors.op}
        style={{ flex: "1 1 140px" }}
        data-testid={`segment-op-${testKey}`}
      />
      {condition.op === "isNull" ? (
        <Select
          size="sm"
          aria-label={t("builder.value")}
          data={[
            { value: "true", label: t("records:filters.isEmpty") },
            { value: "false", label: t("records:filters.isNotEmpty") },
          ]}
          value={condition.value}
          allowDeselect={false}
          onChange={(value) => onChange({ ...condition, value: value ?? "true" })}
          error={errors.value}
          style={{ flex: "2 1 160px" }}
          data-testid={`segment-value-${testKey}`}
        />
      ) : choices ? (
        <Select
          size="sm"
          aria-label={t("builder.value")}
          data={choices}
          value={condition.value || null}
          onChange={(value) => onChange({ ...condition, value: value ?? "" })}
          error={errors.value}
          style={{ flex: "2 1 160px" }}
          data-testid={`segment-value-${testKey}`}
        />
      ) : (
        <TextInput
          size="sm"
          aria-label={t("builder.value")}
          type={kind === "date" && condition.op !== "in" ? "date" : "text"}
          inputMode={kind === "number" ? "decimal" : undefined}
          placeholder={condition.op === "in" ? t("records:filters.inHint") : undefined}
          value={condition.value}
          onChange={(event) => onChange({ ...condition, value: event.currentTarget.value })}
          error={errors.value}
          style={{ flex: "2 1 160px" }}
          data-testid={`segment-value-${testKey}`}
        />
      )}
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={t("builder.removeCondition")}
        onClick={onRemove}
        data-testid={`segment-remove-${testKey}`}
      >
        <IconX size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
