import "./duplicates-i18n.ts";
import { Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import i18n from "../../lib/i18n.ts";
import { notifyError } from "../../lib/query-client.ts";
import { type Merge, undoMerge } from "./duplicates-api.ts";

/** "Merged" with an Undo button that stays a while, since the merge changed many linked records. */
export function showMergedNotification({ merge, survivorName }: { merge: Merge; survivorName: string }) {
  const t = i18n.getFixedT(null, "duplicates");
  const id = `merge-${merge.id}`;
  async function undo() {
    notifications.hide(id);
    try {
      await undoMerge(merge);
      notifications.show({ color: "green", message: t("undone") });
    } catch (error) {
      notifyError(error);
    }
  }
  notifications.show({
    id,
    color: "green",
    autoClose: 12_000,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="merge-notification">
        <Text size="sm" style={{ flex: 1 }}>
          {t("merged", { name: survivorName })}
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={undo}
          style={{ flexShrink: 0 }}
          data-testid="merge-undo"
        >
          {t("undo")}
        </Button>
      </Group>
    ),
  });
}
