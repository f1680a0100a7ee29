import "../activities/activities-i18n.ts";
import type { TComment } from "@kontor/contracts";
import { ActionIcon, Group, Text } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";
import { notifyError } from "../../lib/query-client.ts";
import { invalidateWork } from "../activities/activities-api.ts";
import { meQuery } from "../session/session-api.ts";

/** A comment; its author may delete it. */
export function CommentItem({ comment }: { comment: TComment }) {
  const { t } = useTranslation("activities");
  const { data: me } = useQuery(meQuery);
  const mine = me?.user.id === comment.authorId;

  async function remove() {
    try {
      unwrap(await api.DELETE("/api/v1/comments/{id}", { params: { path: { id: comment.id } } }));
      invalidateWork();
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {comment.body}
      </Text>
      {mine && (
        <ActionIcon variant="subtle" color="red" size="sm" onClick={remove} aria-label={t("comments.delete")}>
          <IconTrash size={14} aria-hidden />
        </ActionIcon>
      )}
    </Group>
  );
}
