import { SimpleGrid, TagsInput, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CompanyPicker } from "../records/CompanyPicker.tsx";
import { CustomFieldInputs } from "../records/CustomFieldInputs.tsx";
import { useCustomFields } from "../records/records-api.ts";
import type { PersonFormValues } from "./person-form.ts";

const TEXT_FIELDS = [
  { key: "firstName", autoComplete: "given-name" },
  { key: "lastName", autoComplete: "family-name" },
  { key: "email", autoComplete: "email", type: "email" },
  { key: "phone", autoComplete: "tel", type: "tel" },
  { key: "jobTitle", autoComplete: "organization-title" },
] as const;

const ADDRESS_FIELDS = [
  { key: "street", autoComplete: "street-address" },
  { key: "postalCode", autoComplete: "postal-code" },
  { key: "city", autoComplete: "address-level2" },
  { key: "country", autoComplete: "country", maxLength: 2 },
] as const;

interface PersonFieldsProps {
  values: PersonFormValues;
  errors: Record<string, string>;
  setField: <K extends keyof PersonFormValues>(key: K, value: PersonFormValues[K]) => void;
}

export function PersonFields({ values, errors, setField }: PersonFieldsProps) {
  const { t } = useTranslation("records");
  const definitions = useCustomFields("person");
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {TEXT_FIELDS.map((field) => (
          <TextInput
            key={field.key}
            name={field.key}
            label={t(`fields.${field.key}`)}
            type={"type" in field ? field.type : "text"}
            autoComplete={field.autoComplete}
            value={values[field.key]}
            onChange={(event) => setField(field.key, event.currentTarget.value)}
            error={errors[field.key]}
            data-testid={`field-${field.key}`}
          />
        ))}
        <CompanyPicker
          label={t("fields.company")}
          value={values.companyId}
          error={errors.companyId}
          onChange={(id) => setField("companyId", id)}
        />
        {ADDRESS_FIELDS.map((field) => (
          <TextInput
            key={field.key}
            name={field.key}
            label={t(`fields.${field.key}`)}
            autoComplete={field.autoComplete}
            maxLength={"maxLength" in field ? field.maxLength : undefined}
            description={field.key === "country" ? t("fields.countryHint") : undefined}
            value={values[field.key]}
            onChange={(event) => setField(field.key, event.currentTarget.value)}
            error={errors[field.key]}
            data-testid={`field-${field.key}`}
          />
        ))}
        <TextInput
          name="birthday"
          type="date"
          label={t("fields.birthday")}
          value={values.birthday}
          onChange={(event) => setField("birthday", event.currentTarget.value)}
          error={errors.birthday}
          data-testid="field-birthday"
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
