import type { TrashRecordType } from "@kontor/contracts";
import { Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import i18n from "../../lib/i18n.ts";
import { notifyError } from "../../lib/query-client.ts";
import { invalidateTrashed, restoreFromTrash } from "./trash-api.ts";

/**
 * After a delete: "<name> is now in the trash" with an Undo button that restores the record.
 * Call it at every delete site; `onRestored` refreshes what is not a cached query (the calendar).
 */
export function notifyMovedToTrash(options: {
  recordType: TrashRecordType;
  id: string;
  name: string;
  onRestored?: () => void;
}) {
  const t = i18n.getFixedT(null, "records");
  const name = options.name.length > 60 ? `${options.name.slice(0, 59)}…` : options.name;
  const notificationId = `trash-${options.id}`;
  void invalidateTrashed();
  async function undo() {
    notifications.hide(notificationId);
    try {
      await restoreFromTrash(options.recordType, options.id);
      options.onRestored?.();
      notifications.show({ color: "green", message: t("trash.restored", { name }) });
    } catch (error) {
      notifyError(error);
    }
  }
  notifications.show({
    id: notificationId,
    color: "green",
    autoClose: 8_000,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="trash-notification">
        <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: "anywhere" }}>
          {t("trash.moved", { name })}
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={undo}
          style={{ flexShrink: 0 }}
          aria-label={t("trash.undoName", { name })}
          data-testid="trash-undo"
        >
          {t("trash.undo")}
        </Button>
      </Group>
    ),
  });
}
