import "./duplicates-i18n.ts";
import { Alert, Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowMerge } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { notifyError } from "../../lib/query-client.ts";
import { useCan, writePermissionOf } from "../session/permissions.ts";
import { type Merge, mergesQuery, undoMerge } from "./duplicates-api.ts";

/** On a record page: "merged from another record on …" with Undo, while the undo window is open. */
export function MergedFromNote({ recordId }: { recordId: string }) {
  const { data = [] } = useQuery(mergesQuery(recordId));
  const now = Date.now();
  const open = data.filter(
    (merge) => merge.survivorId === recordId && !merge.undoneAt && Date.parse(merge.undoUntil) > now,
  );
  if (open.length === 0) return null;
  return (
    <>
      {open.map((merge) => (
        <MergeNote key={merge.id} merge={merge} />
      ))}
    </>
  );
}

function MergeNote({ merge }: { merge: Merge }) {
  const { t } = useTranslation("duplicates");
  const [busy, setBusy] = useState(false);
  const canUndo = useCan(writePermissionOf(merge.object));

  async function undo() {
    setBusy(true);
    try {
      await undoMerge(merge);
      notifications.show({ color: "green", message: t("undone") });
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Alert
      variant="light"
      color="gray"
      p="xs"
      icon={<IconArrowMerge size={18} aria-hidden />}
      data-testid={`merged-from-${merge.id}`}
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">
          {t("mergedFrom", { date: formatDateTime(merge.createdAt), until: formatDate(merge.undoUntil) })}
        </Text>
        {canUndo && (
          <Button
            size="compact-sm"
            variant="default"
            loading={busy}
            onClick={undo}
            data-testid="merged-from-undo"
          >
            {t("undo")}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
