import { FILTER_OPERATORS } from "@kontor/contracts";
import { ActionIcon, Badge, Button, Group, Popover, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconFilter, IconPlus, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldLabel } from "./field-label.ts";
import type { AnyRecord, FieldSpec, FilterCondition } from "./record-config.ts";

interface FilterBuilderProps<T extends AnyRecord> {
  fields: FieldSpec<T>[];
  filterFields: readonly string[];
  value: FilterCondition[];
  onChange: (filters: FilterCondition[]) => void;
}

/** Builds `filter[field][op]=value` conditions; all conditions must match. */
export function FilterBuilder<T extends AnyRecord>({
  fields,
  filterFields,
  value,
  onChange,
}: FilterBuilderProps<T>) {
  const { t } = useTranslation("records");
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<FilterCondition[]>(value);
  const fieldOptions = [
    ...filterFields.map((key) => {
      const spec = fields.find((field) => field.key === key);
      return { value: key, label: spec ? fieldLabel(spec, t) : t(`fields.${key}` as never) };
    }),
    ...fields
      .filter((field) => field.key.startsWith("customFields."))
      .map((field) => ({ value: field.key, label: fieldLabel(field, t) })),
  ];
  const operatorOptions = FILTER_OPERATORS.map((op) => ({ value: op, label: t(`operators.${op}`) }));

  function open() {
    setDraft(value.length > 0 ? value : [{ field: fieldOptions[0]?.value ?? "", op: "contains", value: "" }]);
    setOpened(true);
  }

  function update(index: number, patch: Partial<FilterCondition>) {
    setDraft((current) => current.map((item, at) => (at === index ? { ...item, ...patch } : item)));
  }

  function apply() {
    onChange(draft.filter((item) => item.field && item.op && (item.value !== "" || item.op === "isNull")));
    setOpened(false);
  }

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" width={560} trapFocus withinPortal>
      <Popover.Target>
        <Button
          variant={value.length > 0 ? "light" : "default"}
          leftSection={<IconFilter size={16} aria-hidden />}
          rightSection={value.length > 0 ? <Badge size="xs">{value.length}</Badge> : undefined}
          onClick={() => (opened ? setOpened(false) : open())}
          data-testid="filter-button"
        >
          {t("filters.button")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" data-testid="filter-builder" role="group" aria-label={t("filters.title")}>
          <Text fw={600} size="sm">
            {t("filters.title")}
          </Text>
          {draft.map((condition, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity besides their position
            <Group key={index} gap="xs" wrap="nowrap" align="flex-end" data-testid={`filter-row-${index}`}>
              <Select
                size="xs"
                aria-label={t("filters.field")}
                data={fieldOptions}
                value={condition.field}
                onChange={(field) => update(index, { field: field ?? "" })}
                searchable
                comboboxProps={{ withinPortal: false }}
                style={{ flex: 2 }}
                data-testid={`filter-field-${index}`}
              />
              <Select
                size="xs"
                aria-label={t("filters.operator")}
                data={operatorOptions}
                value={condition.op}
                onChange={(op) =>
                  update(index, { op: op ?? "eq", value: op === "isNull" ? "true" : condition.value })
                }
                comboboxProps={{ withinPortal: false }}
                style={{ flex: 1.4 }}
                data-testid={`filter-op-${index}`}
              />
              {condition.op === "isNull" ? (
                <Select
                  size="xs"
                  aria-label={t("filters.value")}
                  data={[
                    { value: "true", label: t("filters.isEmpty") },
                    { value: "false", label: t("filters.isNotEmpty") },
                  ]}
                  value={condition.value}
                  onChange={(next) => update(index, { value: next ?? "true" })}
                  comboboxProps={{ withinPortal: false }}
                  style={{ flex: 2 }}
                  data-testid={`filter-value-${index}`}
                />
              ) : (
                <TextInput
                  size="xs"
                  aria-label={t("filters.value")}
                  placeholder={condition.op === "in" ? t("filters.inHint") : undefined}
                  value={condition.value}
                  onChange={(event) => update(index, { value: event.currentTarget.value })}
                  onKeyDown={(event) => event.key === "Enter" && apply()}
                  style={{ flex: 2 }}
                  data-testid={`filter-value-${index}`}
                />
              )}
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t("filters.remove")}
                onClick={() => setDraft((current) => current.filter((_, at) => at !== index))}
              >
                <IconX size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between">
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() =>
                setDraft((current) => [
                  ...current,
                  { field: fieldOptions[0]?.value ?? "", op: "eq", value: "" },
                ])
              }
              data-testid="filter-add"
            >
              {t("filters.add")}
            </Button>
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  onChange([]);
                  setOpened(false);
                }}
                data-testid="filter-clear"
              >
                {t("filters.clear")}
              </Button>
              <Button size="xs" onClick={apply} data-testid="filter-apply">
                {t("filters.apply")}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
