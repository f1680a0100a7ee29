import type { TAuditEntry } from "@kontor/contracts";
import { Badge, Button, Code, Group, Stack, Text, Timeline } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { unwrap } from "../../lib/problem.ts";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The audit log of one record: who changed what, and when. */
export function HistoryPanel({ recordId }: { recordId: string }) {
  const { t } = useTranslation("records");
  const query = useInfiniteQuery({
    queryKey: ["audit-log", recordId],
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/api/v1/audit-log", {
          params: { query: { recordId, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ) as { data: TAuditEntry[]; nextCursor: string | null },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const entries = query.data?.pages.flatMap((page) => page.data) ?? [];
  if (query.isSuccess && entries.length === 0) return <Text c="dimmed">{t("history.empty")}</Text>;

  return (
    <Stack data-testid="history-panel">
      <Timeline bulletSize={14} lineWidth={2}>
        {entries.map((entry) => (
          <Timeline.Item
            key={entry.id}
            title={
              <Group gap={6}>
                <Badge size="sm" variant="light">
                  {t(`history.actions.${entry.action}`)}
                </Badge>
                <Text size="sm" fw={500}>
                  {entry.actorName ?? t("history.system")}
                </Text>
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.createdAt)}
            </Text>
            {entry.action === "update" &&
              Object.entries(entry.changes).map(([field, change]) => (
                <Text size="sm" key={field}>
                  <Code>{t(`fields.${field}` as never, { defaultValue: field })}</Code> {show(change.old)} →{" "}
                  {show(change.new)}
                </Text>
              ))}
          </Timeline.Item>
        ))}
      </Timeline>
      {query.hasNextPage && (
        <Button variant="subtle" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t("history.more")}
        </Button>
      )}
    </Stack>
  );
}
