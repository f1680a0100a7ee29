import { Button, Fieldset, Group, Paper, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ReadOnlyNote } from "../session/NoPermission.tsx";
import { ConflictAlert } from "./ConflictAlert.tsx";

interface DetailsCardProps {
  title: string;
  dirty: boolean;
  saving: boolean;
  conflict: boolean;
  onSave: () => void;
  onReset: () => void;
  onReload: () => void;
  /** For a role that may not edit: the fields show their values, disabled, and there is no save. */
  readOnly?: boolean;
  children: ReactNode;
}

export function DetailsCard(props: DetailsCardProps) {
  const { t } = useTranslation("records");
  return (
    <Paper withBorder p="md">
      <form
        noValidate
        aria-label={props.title}
        data-testid="details-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!props.readOnly) props.onSave();
        }}
      >
        <Stack>
          <Title order={2} size="h4">
            {props.title}
          </Title>
          {props.readOnly && <ReadOnlyNote />}
          {props.conflict && <ConflictAlert onReload={props.onReload} />}
          <Fieldset variant="unstyled" disabled={props.readOnly} p={0}>
            <Stack>{props.children}</Stack>
          </Fieldset>
          {!props.readOnly && (
            <Group justify="flex-end">
              <Button variant="default" onClick={props.onReset} disabled={!props.dirty || props.saving}>
                {t("record.discard")}
              </Button>
              <Button type="submit" loading={props.saving} disabled={!props.dirty} data-testid="details-save">
                {t("common:save")}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
