import type { TAddress, TCustomField } from "@kontor/contracts";
import { Badge, Group } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "../../lib/format.ts";
import i18n from "../../lib/i18n.ts";
import { useCompanyName } from "./name-lookup.ts";
import type { AnyRecord, FieldSpec } from "./record-config.ts";
import { useMembers, workspaceSettingsQuery } from "./records-api.ts";

export function text(value: string | null | undefined): string {
  return value ?? "";
}

/** Turns an edited text into null when empty, so clearing a cell clears the field. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

export function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {tags.map((tag) => (
        <Badge key={tag} size="sm" variant="light" tt="none">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}

/** Relationship type keys shown with the workspace's labels. */
export function RelationshipTypes({ keys }: { keys: string[] }) {
  const { data: settings } = useQuery(workspaceSettingsQuery);
  const labels = keys.map(
    (key) => settings?.relationshipTypes.find((type) => type.key === key)?.label ?? key,
  );
  return <Tags tags={labels} />;
}

export function OwnerName({ id }: { id: string | null }) {
  const members = useMembers();
  if (!id) return null;
  return <>{members?.find((member) => member.userId === id)?.name ?? ""}</>;
}

export function CompanyName({ id }: { id: string | null }) {
  const name = useCompanyName(id);
  return <>{name ?? ""}</>;
}

export function addressPatch(address: TAddress | null, key: keyof TAddress, value: string) {
  return {
    address: { ...(address ?? {}), [key]: key === "country" ? orNull(value.toUpperCase()) : orNull(value) },
  };
}

/** Shows a custom field value by its type, in the UI locale. */
export function formatCustomValue(definition: TCustomField, value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  switch (definition.type) {
    case "number":
      return typeof value === "number" ? formatNumber(value) : String(value);
    case "date":
      return formatDate(String(value));
    case "boolean":
      return i18n.t(value ? "common:yes" : "common:no");
    case "select":
      return definition.options.find((option) => option.value === value)?.label ?? String(value);
    case "multiselect":
      return (Array.isArray(value) ? value : [value])
        .map((item) => definition.options.find((option) => option.value === item)?.label ?? String(item))
        .join(", ");
    case "currency": {
      const money = value as { amount?: string; currency?: string };
      return typeof value === "object" ? formatMoney(money.amount, money.currency) : String(value);
    }
    default:
      return String(value);
  }
}

const EDITABLE_CUSTOM: Partial<Record<TCustomField["type"], FieldSpec<AnyRecord>["edit"]>> = {
  text: "text",
  email: "email",
  url: "url",
  phone: "text",
  number: "number",
};

/** Columns for the workspace's custom fields (`customFields.<key>`). */
export function customFieldSpecs<T extends AnyRecord>(definitions: TCustomField[]): FieldSpec<T>[] {
  return definitions.map((definition) => {
    const edit = EDITABLE_CUSTOM[definition.type];
    return {
      key: `customFields.${definition.key}`,
      label: definition.label,
      width: 160,
      filterable: true,
      display: (record) => formatCustomValue(definition, record.customFields[definition.key]),
      editValue: (record) => {
        const value = record.customFields[definition.key];
        return value === null || value === undefined ? "" : String(value);
      },
      edit,
      toPatch: edit
        ? (record, value) => {
            const trimmed = value.trim();
            const parsed = trimmed === "" ? null : definition.type === "number" ? Number(trimmed) : trimmed;
            return { customFields: { ...record.customFields, [definition.key]: parsed } };
          }
        : undefined,
    };
  });
}

export const metaFields = <T extends AnyRecord>(): FieldSpec<T>[] => [
  {
    key: "createdAt",
    labelKey: "fields.createdAt",
    width: 150,
    sortable: true,
    filterable: true,
    display: (record) => formatDateTime(record.createdAt),
  },
  {
    key: "updatedAt",
    labelKey: "fields.updatedAt",
    width: 150,
    sortable: true,
    filterable: true,
    display: (record) => formatDateTime(record.updatedAt),
  },
];
