import { TRASH_RECORD_TYPES, type TrashRecordType, type TTrashItem } from "@kontor/contracts";
import { Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconTrash } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { isApiError, unwrap } from "../../lib/problem.ts";
import { notifyError } from "../../lib/query-client.ts";
import { EmptyState } from "../records/EmptyState.tsx";
import { type BlockedRestore, ParentInTrashAlert } from "./ParentInTrashAlert.tsx";
import { TrashCards, TrashTable } from "./TrashItems.tsx";
import { restoreFromTrash } from "./trash-api.ts";

export function TrashPage() {
  const { t } = useTranslation("records");
  const phone = useMediaQuery("(max-width: 48em)") ?? false;
  const Items = phone ? TrashCards : TrashTable;
  const [restoring, setRestoring] = useState<string | null>(null);
  const [recordType, setRecordType] = useState<TrashRecordType | null>(null);
  const [blocked, setBlocked] = useState<BlockedRestore | null>(null);
  const query = useInfiniteQuery({
    queryKey: ["trash", recordType ?? "all"],
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/api/v1/trash", {
          params: {
            query: { ...(pageParam ? { cursor: pageParam } : {}), ...(recordType ? { recordType } : {}) },
          },
        }),
      ) as {
        data: TTrashItem[];
        nextCursor: string | null;
      },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = query.data?.pages.flatMap((page) => page.data) ?? [];

  /** Restores a record; when the server refuses because its parent is in the trash, says which. */
  async function restore(item: Pick<TTrashItem, "recordType" | "id" | "name">) {
    setRestoring(item.id);
    try {
      await restoreFromTrash(item.recordType, item.id);
      setBlocked((current) =>
        current && (current.parent.id === item.id || current.item.id === item.id) ? null : current,
      );
      notifications.show({ color: "green", message: t("trash.restored", { name: item.name }) });
    } catch (error) {
      if (isApiError(error) && error.code === "parent_in_trash" && error.parent) {
        setBlocked({ item, parent: error.parent });
      } else {
        notifyError(error);
      }
    } finally {
      setRestoring(null);
    }
  }

  return (
    <Stack gap="sm">
      <Title order={1} size="h2">
        {t("trash.title")}
      </Title>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Text c="dimmed" size="sm" style={{ flex: "1 1 16rem" }}>
          {t("trash.hint")}
        </Text>
        <Select
          label={t("trash.filter")}
          w={{ base: "100%", xs: 220 }}
          data={[
            { value: "all", label: t("trash.allTypes") },
            ...TRASH_RECORD_TYPES.map((type) => ({ value: type, label: t(`trash.types.${type}`) })),
          ]}
          value={recordType ?? "all"}
          onChange={(value) => setRecordType(!value || value === "all" ? null : (value as TrashRecordType))}
          allowDeselect={false}
          data-testid="trash-filter"
        />
      </Group>
      {blocked && (
        <ParentInTrashAlert
          blocked={blocked}
          restoring={restoring === blocked.parent.id}
          onRestoreParent={restore}
          onClose={() => setBlocked(null)}
        />
      )}
      {query.isSuccess && items.length === 0 ? (
        recordType ? (
          <EmptyState
            icon={IconTrash}
            title={t("trash.emptyFilteredTitle")}
            text={t("trash.emptyFilteredText")}
          />
        ) : (
          <EmptyState icon={IconTrash} title={t("trash.emptyTitle")} text={t("trash.emptyText")} />
        )
      ) : (
        <Items items={items} restoring={restoring} onRestore={restore} />
      )}
      {query.hasNextPage && (
        <Button variant="subtle" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t("history.more")}
        </Button>
      )}
    </Stack>
  );
}
