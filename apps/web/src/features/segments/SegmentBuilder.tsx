import { ActionIcon, Button, Group, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { IconBracketsContain, IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ConditionRow } from "./ConditionRow.tsx";
import {
  conditionPath,
  errorsAt,
  isGroup,
  newCondition,
  type SegmentCondition,
  type SegmentGroup,
  type SegmentItem,
} from "./segment-definition.ts";
import type { SegmentFieldOption } from "./segment-fields.ts";
import type { SegmentDefinition } from "./segments-api.ts";

interface SegmentBuilderProps {
  value: SegmentDefinition;
  onChange: (definition: SegmentDefinition) => void;
  fields: SegmentFieldOption[];
  /** Errors by API path (`definition.conditions.1.conditions.0.value`). */
  errors: Record<string, string>;
}

/** Match all/any over conditions and one level of nested groups. */
export function SegmentBuilder({ value, onChange, fields, errors }: SegmentBuilderProps) {
  const { t } = useTranslation("segments");
  const firstField = fields[0]?.value ?? "";

  function setItem(index: number, item: SegmentItem) {
    onChange({
      ...value,
      conditions: value.conditions.map((current, at) => (at === index ? item : current)),
    });
  }
  function removeItem(index: number) {
    onChange({ ...value, conditions: value.conditions.filter((_, at) => at !== index) });
  }
  function addItem(item: SegmentItem) {
    onChange({ ...value, conditions: [...value.conditions, item] });
  }

  return (
    <Stack gap="sm" data-testid="segment-builder">
      <MatchControl
        value={value.match}
        onChange={(match) => onChange({ ...value, match })}
        testId="segment-match"
      />
      {errors["definition.conditions"] && (
        <Text size="sm" c="red" role="alert">
          {errors["definition.conditions"]}
        </Text>
      )}
      {value.conditions.map((item, index) =>
        isGroup(item) ? (
          <GroupBox
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity besides their position
            key={index}
            index={index}
            group={item}
            fields={fields}
            errors={errors}
            onChange={(group) => setItem(index, group)}
            onRemove={() => removeItem(index)}
          />
        ) : (
          <ConditionRow
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity besides their position
            key={index}
            testKey={String(index)}
            condition={item}
            fields={fields}
            errors={errorsAt(errors, conditionPath(index))}
            onChange={(condition) => setItem(index, condition)}
            onRemove={() => removeItem(index)}
          />
        ),
      )}
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => addItem(newCondition(firstField))}
          data-testid="segment-add-condition"
        >
          {t("builder.addCondition")}
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconBracketsContain size={14} aria-hidden />}
          onClick={() => addItem({ match: "any", conditions: [newCondition(firstField)] })}
          data-testid="segment-add-group"
        >
          {t("builder.addGroup")}
        </Button>
      </Group>
    </Stack>
  );
}

function MatchControl(props: {
  value: "all" | "any";
  onChange: (match: "all" | "any") => void;
  testId: string;
  nested?: boolean;
}) {
  const { t } = useTranslation("segments");
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" id={`${props.testId}-label`}>
        {t(props.nested ? "builder.groupMatchLabel" : "builder.matchLabel")}
      </Text>
      <SegmentedControl
        size="xs"
        value={props.value}
        onChange={(match) => props.onChange(match as "all" | "any")}
        data={[
          { value: "all", label: t("builder.matchAll") },
          { value: "any", label: t("builder.matchAny") },
        ]}
        aria-labelledby={`${props.testId}-label`}
        role="radiogroup"
        data-testid={props.testId}
      />
    </Group>
  );
}

interface GroupBoxProps {
  index: number;
  group: SegmentGroup;
  fields: SegmentFieldOption[];
  errors: Record<string, string>;
  onChange: (group: SegmentGroup) => void;
  onRemove: () => void;
}

function GroupBox({ index, group, fields, errors, onChange, onRemove }: GroupBoxProps) {
  const { t } = useTranslation("segments");
  const groupErrors = errorsAt(errors, conditionPath(index));

  function setCondition(inner: number, condition: SegmentCondition) {
    onChange({ ...group, conditions: group.conditions.map((item, at) => (at === inner ? condition : item)) });
  }
  function removeCondition(inner: number) {
    const conditions = group.conditions.filter((_, at) => at !== inner);
    if (conditions.length === 0) onRemove();
    else onChange({ ...group, conditions });
  }

  return (
    <Paper
      withBorder
      p="sm"
      bg="var(--mantine-color-default-hover)"
      data-testid={`segment-group-${index}`}
      role="group"
      aria-label={t("builder.group", { number: index + 1 })}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <MatchControl
            value={group.match}
            onChange={(match) => onChange({ ...group, match })}
            testId={`segment-group-match-${index}`}
            nested
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t("builder.removeGroup")}
            onClick={onRemove}
            data-testid={`segment-group-remove-${index}`}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
        {(groupErrors[""] || groupErrors.conditions) && (
          <Text size="sm" c="red" role="alert">
            {groupErrors[""] ?? groupErrors.conditions}
          </Text>
        )}
        {group.conditions.map((condition, inner) => (
          <ConditionRow
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity besides their position
            key={inner}
            testKey={`${index}-${inner}`}
            condition={condition}
            fields={fields}
            errors={errorsAt(errors, conditionPath(index, inner))}
            onChange={(next) => setCondition(inner, next)}
            onRemove={() => removeCondition(inner)}
          />
        ))}
        <Button
          size="xs"
          variant="subtle"
          w="fit-content"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() =>
            onChange({ ...group, conditions: [...group.conditions, newCondition(fields[0]?.value ?? "")] })
          }
          data-testid={`segment-group-add-${index}`}
        >
          {t("builder.addCondition")}
        </Button>
      </Stack>
    </Paper>
  );
}
