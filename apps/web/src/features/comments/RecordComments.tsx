import "../activities/activities-i18n.ts";
import type { TComment } from "@kontor/contracts";
import { Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { unwrap } from "../../lib/problem.ts";
import { type CommentableType, CommentComposer } from "./CommentComposer.tsx";
import { CommentItem } from "./CommentItem.tsx";

/** Comments on a record without a timeline (a project, say): the composer and the newest 50. */
export function RecordComments({ recordType, recordId }: { recordType: CommentableType; recordId: string }) {
  const { t } = useTranslation("activities");
  const { data = [] } = useQuery({
    queryKey: ["comments", recordType, recordId],
    queryFn: async () =>
      (
        unwrap(
          await api.GET("/api/v1/comments", { params: { query: { recordType, recordId, limit: 50 } } }),
        ) as {
          data: TComment[];
        }
      ).data,
  });
  return (
    <Paper withBorder p="md" data-testid="record-comments">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("comments.title")}
        </Title>
        <CommentComposer recordType={recordType} recordId={recordId} />
        {data.length === 0 && (
          <Text c="dimmed" size="sm">
            {t("comments.empty")}
          </Text>
        )}
        {data.map((comment) => (
          <Stack key={comment.id} gap={2} data-testid={`comment-${comment.id}`}>
            <Text size="xs" c="dimmed">
              {comment.authorName ?? "–"} · {formatDateTime(comment.createdAt)}
            </Text>
            <CommentItem comment={comment} />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
