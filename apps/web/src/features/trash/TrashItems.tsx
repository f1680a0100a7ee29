import type { TTrashItem } from "@kontor/contracts";
import { Badge, Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { usePermissions, writePermissionOf } from "../session/permissions.ts";
import { useSession } from "../session/session-api.ts";

interface TrashItemsProps {
  items: TTrashItem[];
  restoring: string | null;
  onRestore: (item: TTrashItem) => void;
}

/**
 * Whether the member may take this item out of the trash: whoever may write such records; for a
 * comment, whoever may delete it (its author or a role with `comments.deleteAny`). The author is
 * not in the trash list, so "deleted by me" stands in for it.
 */
function useCanRestore(item: TTrashItem): boolean {
  const permissions = usePermissions();
  const { user } = useSession();
  if (!permissions.has(writePermissionOf(item.recordType))) return false;
  if (item.recordType !== "comment") return true;
  return permissions.has("comments.deleteAny") || item.deletedBy === user?.id;
}

function RestoreButton({
  item,
  restoring,
  onRestore,
}: { item: TTrashItem } & Omit<TrashItemsProps, "items">) {
  const { t } = useTranslation("records");
  const canRestore = useCanRestore(item);
  if (!canRestore) return null;
  return (
    <Button
      size="xs"
      variant="light"
      loading={restoring === item.id}
      onClick={() => onRestore(item)}
      aria-label={t("trash.restoreName", { name: item.name })}
      data-testid={`restore-${item.id}`}
      style={{ flexShrink: 0 }}
    >
      {t("trash.restore")}
    </Button>
  );
}

/** The trash as a table (wide screens). */
export function TrashTable({ items, ...actions }: TrashItemsProps) {
  const { t } = useTranslation("records");
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={560}>
        <Table data-testid="trash-list" aria-label={t("trash.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("fields.name")}</Table.Th>
              <Table.Th>{t("trash.type")}</Table.Th>
              <Table.Th>{t("trash.deletedAt")}</Table.Th>
              <Table.Th>{t("trash.purgeAt")}</Table.Th>
              <Table.Th>
                <span className="sr-only">{t("trash.actions")}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid={`trash-row-${item.id}`}>
                <Table.Td style={{ maxWidth: "28rem", overflowWrap: "anywhere" }}>{item.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`trash.types.${item.recordType}`)}</Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(item.deletedAt)}</Table.Td>
                <Table.Td>{formatDate(item.purgeAt)}</Table.Td>
                <Table.Td>
                  <RestoreButton item={item} {...actions} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The trash as a list of cards (phones): name, kind and dates stacked, restore beside them. */
export function TrashCards({ items, ...actions }: TrashItemsProps) {
  const { t } = useTranslation("records");
  return (
    <Stack gap="xs" component="ul" data-testid="trash-list" aria-label={t("trash.title")} p={0} m={0}>
      {items.map((item) => (
        <Paper component="li" withBorder p="sm" key={item.id} data-testid={`trash-row-${item.id}`}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }} lineClamp={3}>
                {item.name}
              </Text>
              <Group gap="xs">
                <Badge variant="light">{t(`trash.types.${item.recordType}`)}</Badge>
                <Text size="xs" c="dimmed">
                  {t("trash.deletedAt")} {formatDateTime(item.deletedAt)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {t("trash.purgeAt")} {formatDate(item.purgeAt)}
              </Text>
            </Stack>
            <RestoreButton item={item} {...actions} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
