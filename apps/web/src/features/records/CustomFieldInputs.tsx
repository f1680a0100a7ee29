import type { TCustomField } from "@kontor/contracts";
import { Checkbox, Group, MultiSelect, NumberInput, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface CustomFieldInputsProps {
  definitions: TCustomField[];
  values: Record<string, unknown>;
  errors: Record<string, string>;
  onChange: (values: Record<string, unknown>) => void;
}

/** Inputs for the workspace's custom fields, one per definition and typed by it. */
export function CustomFieldInputs({ definitions, values, errors, onChange }: CustomFieldInputsProps) {
  if (definitions.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {definitions.map((definition) => (
        <CustomFieldInput
          key={definition.key}
          definition={definition}
          value={values[definition.key]}
          error={errors[`customFields.${definition.key}`]}
          onChange={(value) => onChange({ ...values, [definition.key]: value })}
        />
      ))}
    </SimpleGrid>
  );
}

function CustomFieldInput(props: {
  definition: TCustomField;
  value: unknown;
  error: string | undefined;
  onChange: (value: unknown) => void;
}) {
  const { definition, value, error, onChange } = props;
  const { t } = useTranslation("records");
  const common = {
    label: definition.label,
    description: definition.description ?? undefined,
    required: definition.required,
    error,
    "data-testid": `custom-field-${definition.key}`,
  };
  const options = definition.options.map((option) => ({ value: option.value, label: option.label }));
  switch (definition.type) {
    case "number":
      return (
        <NumberInput
          {...common}
          value={typeof value === "number" ? value : ""}
          onChange={(next) => onChange(next === "" ? null : Number(next))}
          decimalSeparator={t("common:decimalSeparator")}
          thousandSeparator={t("common:thousandSeparator")}
        />
      );
    case "boolean":
      return (
        <Checkbox
          label={definition.label}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
          error={error}
          mt="lg"
          data-testid={common["data-testid"]}
        />
      );
    case "select":
      return (
        <Select
          {...common}
          data={options}
          value={typeof value === "string" ? value : null}
          onChange={onChange}
          clearable
        />
      );
    case "multiselect":
      return (
        <MultiSelect
          {...common}
          data={options}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={onChange}
        />
      );
    case "currency": {
      const money = (value ?? {}) as { amount?: string; currency?: string };
      return (
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            {...common}
            inputMode="decimal"
            value={money.amount ?? ""}
            onChange={(event) => {
              const amount = event.currentTarget.value.replace(",", ".");
              onChange(amount ? { amount, currency: money.currency ?? "EUR" } : null);
            }}
            style={{ flex: 1 }}
          />
          <TextInput
            label={t("fields.currency")}
            value={money.currency ?? "EUR"}
            maxLength={3}
            w={80}
            onChange={(event) =>
              onChange({ amount: money.amount ?? "", currency: event.currentTarget.value.toUpperCase() })
            }
          />
        </Group>
      );
    }
    default:
      return (
        <TextInput
          {...common}
          type={
            definition.type === "date"
              ? "date"
              : definition.type === "email"
                ? "email"
                : definition.type === "url"
                  ? "url"
                  : definition.type === "phone"
                    ? "tel"
                    : "text"
          }
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.currentTarget.value === "" ? null : event.currentTarget.value)}
        />
      );
  }
}
