import { ActionIcon, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { IconPlus, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

export interface Labelled {
  key: string;
  label: string;
}

interface LabelledListEditorProps {
  title: string;
  name: string;
  value: Labelled[];
  errors: Record<string, string>;
  onChange: (value: Labelled[]) => void;
}

/** Edits a list of `{ key, label }` pairs such as relationship types or relation labels. */
export function LabelledListEditor({ title, name, value, errors, onChange }: LabelledListEditorProps) {
  const { t } = useTranslation("settings");
  const update = (index: number, patch: Partial<Labelled>) =>
    onChange(value.map((item, at) => (at === index ? { ...item, ...patch } : item)));
  return (
    <Stack gap="xs" data-testid={`settings-${name}`}>
      <Text fw={600}>{title}</Text>
      {value.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, keys may change while typing
        <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={t("labelled.key", { index: index + 1 })}
            placeholder={t("labelled.keyPlaceholder")}
            value={item.key}
            onChange={(event) => update(index, { key: event.currentTarget.value })}
            error={errors[`${name}.${index}.key`]}
            w={180}
          />
          <TextInput
            aria-label={t("labelled.label", { index: index + 1 })}
            placeholder={t("labelled.labelPlaceholder")}
            value={item.label}
            onChange={(event) => update(index, { label: event.currentTarget.value })}
            error={errors[`${name}.${index}.label`]}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t("labelled.remove", { label: item.label || item.key })}
            onClick={() => onChange(value.filter((_, at) => at !== index))}
          >
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="xs"
        w="fit-content"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={() => onChange([...value, { key: "", label: "" }])}
      >
        {t("labelled.add")}
      </Button>
    </Stack>
  );
}
