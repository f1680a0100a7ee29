import { Button, Checkbox, Popover, ScrollArea, Stack, Text } from "@mantine/core";
import { IconColumns } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { fieldLabel } from "./field-label.ts";
import type { AnyRecord, FieldSpec } from "./record-config.ts";

interface ColumnChooserProps<T extends AnyRecord> {
  fields: FieldSpec<T>[];
  value: string[];
  onChange: (columns: string[]) => void;
}

export function ColumnChooser<T extends AnyRecord>({ fields, value, onChange }: ColumnChooserProps<T>) {
  const { t } = useTranslation("records");
  return (
    <Popover position="bottom-end" width={260} trapFocus withinPortal>
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconColumns size={16} aria-hidden />}
          data-testid="column-chooser"
        >
          {t("columns.button")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={600} size="sm" mb="xs" id="column-chooser-title">
          {t("columns.title")}
        </Text>
        <ScrollArea.Autosize mah={360}>
          <Stack gap={6} role="group" aria-labelledby="column-chooser-title">
            {fields.map((field) => (
              <Checkbox
                key={field.key}
                label={fieldLabel(field, t)}
                checked={value.includes(field.key)}
                disabled={field.isName}
                data-testid={`column-toggle-${field.key}`}
                onChange={(event) =>
                  onChange(
                    event.currentTarget.checked
                      ? fields
                          .map((item) => item.key)
                          .filter((key) => key === field.key || value.includes(key))
                      : value.filter((key) => key !== field.key),
                  )
                }
              />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
