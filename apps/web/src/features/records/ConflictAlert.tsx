import { Alert, Button, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** "Changed in the meantime": a save was refused (412) because someone else saved first. */
export function ConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation("records");
  return (
    <Alert color="orange" role="alert" title={t("record.conflictTitle")} data-testid="version-conflict">
      <Stack gap="xs">
        {t("record.conflictText")}
        <Button size="xs" variant="white" w="fit-content" onClick={onReload} data-testid="version-reload">
          {t("record.reload")}
        </Button>
      </Stack>
    </Alert>
  );
}
