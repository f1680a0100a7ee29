import { type ProblemParent, TRASH_RECORD_TYPES, type TrashRecordType } from "@kontor/contracts";
import { Alert, Button, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { usePermissions, writePermissionOf } from "../session/permissions.ts";

/** A record the trash page tried to restore, and the record in the trash it belongs to. */
export interface BlockedRestore {
  item: { id: string; name: string };
  parent: ProblemParent;
}

function trashRecordTypeOf(recordType: string): TrashRecordType | undefined {
  return TRASH_RECORD_TYPES.find((type) => type === recordType);
}

/** Long names would stretch the button; the title above shows the name in full. */
function shortName(name: string): string {
  return name.length > 40 ? `${name.slice(0, 39)}…` : name;
}

/**
 * "Restore the project “Umzug Lager” first": a restore the server refused (409 `parent_in_trash`)
 * because what the record belongs to is in the trash too, with a button that restores that first
 * when the member may.
 */
export function ParentInTrashAlert({
  blocked,
  restoring,
  onRestoreParent,
  onClose,
}: {
  blocked: BlockedRestore;
  restoring: boolean;
  onRestoreParent: (parent: { recordType: TrashRecordType; id: string; name: string }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(["records", "common"]);
  const permissions = usePermissions();
  const { parent } = blocked;
  const parentType = trashRecordTypeOf(parent.recordType);
  const canRestoreParent = parentType !== undefined && permissions.has(writePermissionOf(parentType));
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      role="alert"
      title={t(`trash.parentFirst.${parentType ?? "other"}`, { name: parent.name })}
      withCloseButton
      closeButtonLabel={t("common:close")}
      onClose={onClose}
      data-testid="trash-parent-in-trash"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {t("trash.parentFirstText", { name: blocked.item.name })}
        </Text>
        {canRestoreParent && (
          <Button
            size="xs"
            variant="white"
            loading={restoring}
            onClick={() => onRestoreParent({ ...parent, recordType: parentType })}
            data-testid="trash-restore-parent"
          >
            {t("trash.restoreName", { name: shortName(parent.name) })}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
