import { Group, MultiSelect, SimpleGrid, TagsInput, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { CustomFieldInputs } from "../records/CustomFieldInputs.tsx";
import { useCustomFields, workspaceSettingsQuery } from "../records/records-api.ts";
import type { CompanyFormValues } from "./company-form.ts";

const TEXT_FIELDS = [
  { key: "name", autoComplete: "organization", required: true },
  { key: "domain" },
  { key: "industry" },
  { key: "employeeCount", inputMode: "numeric" },
  { key: "phone", autoComplete: "tel", type: "tel" },
  { key: "website", type: "url", autoComplete: "url" },
  { key: "street", autoComplete: "street-address" },
  { key: "postalCode", autoComplete: "postal-code" },
  { key: "city", autoComplete: "address-level2" },
  { key: "country", autoComplete: "country", maxLength: 2 },
] as const;

interface CompanyFieldsProps {
  values: CompanyFormValues;
  errors: Record<string, string>;
  setField: <K extends keyof CompanyFormValues>(key: K, value: CompanyFormValues[K]) => void;
}

export function CompanyFields({ values, errors, setField }: CompanyFieldsProps) {
  const { t } = useTranslation("records");
  const definitions = useCustomFields("company");
  const { data: settings } = useQuery(workspaceSettingsQuery);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {TEXT_FIELDS.map((field) => (
          <TextInput
            key={field.key}
            name={field.key}
            label={t(`fields.${field.key}`)}
            required={"required" in field}
            type={"type" in field ? field.type : "text"}
            inputMode={"inputMode" in field ? field.inputMode : undefined}
            autoComplete={"autoComplete" in field ? field.autoComplete : "off"}
            maxLength={"maxLength" in field ? field.maxLength : undefined}
            description={field.key === "country" ? t("fields.countryHint") : undefined}
            value={values[field.key]}
            onChange={(event) => setField(field.key, event.currentTarget.value)}
            error={errors[field.key]}
            data-testid={`field-${field.key}`}
          />
        ))}
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            name="revenueAmount"
            label={t("fields.annualRevenue")}
            inputMode="decimal"
            value={values.revenueAmount}
            onChange={(event) => setField("revenueAmount", event.currentTarget.value)}
            error={errors.revenueAmount ?? errors.annualRevenue}
            style={{ flex: 1 }}
            data-testid="field-revenueAmount"
          />
          <TextInput
            name="revenueCurrency"
            label={t("fields.currency")}
            maxLength={3}
            w={80}
            value={values.revenueCurrency}
            onChange={(event) => setField("revenueCurrency", event.currentTarget.value.toUpperCase())}
            error={errors.revenueCurrency}
          />
        </Group>
        <MultiSelect
          label={t("fields.relationshipTypes")}
          data={(settings?.relationshipTypes ?? []).map((type) => ({ value: type.key, label: type.label }))}
          value={values.relationshipTypes}
          onChange={(types) => setField("relationshipTypes", types)}
          error={errors.relationshipTypes}
          data-testid="field-relationshipTypes"
        />
        <TagsInput
          label={t("fields.tags")}
          value={values.tags}
          onChange={(tags) => setField("tags", tags)}
          error={errors.tags}
          data-testid="field-tags"
        />
      </SimpleGrid>
      <CustomFieldInputs
        definitions={definitions}
        values={values.customFields}
        errors={errors}
        onChange={(customFields) => setField("customFields", customFields)}
      />
    </>
  );
}
