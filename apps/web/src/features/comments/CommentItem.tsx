import "../activities/activities-i18n.ts";
import type { TComment } from "@kontor/contracts";
import { ActionIcon, Button, Group, Text, Textarea } from "@mantine/core";
import { IconPencil, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";
import { notifyError } from "../../lib/query-client.ts";
import { invalidateWork } from "../activities/activities-api.ts";
import { meQuery } from "../session/session-api.ts";
import { notifyMovedToTrash } from "../trash/notify-moved-to-trash.tsx";

/** A comment; its author may delete it. */
export function CommentItem({ comment }: { comment: TComment }) {
  const { t } = useTranslation("activities");
  const { data: me } = useQuery(meQuery);
  const mine = me?.user.id === comment.authorId;

  const [editing, setEditing] = useState<string | null>(null);

  async function save() {
    if (editing === null || !editing.trim()) return;
    try {
      unwrap(
        await api.PATCH("/api/v1/comments/{id}", {
          params: { path: { id: comment.id } },
          body: { body: editing },
        }),
      );
      setEditing(null);
      invalidateWork();
    } catch (error) {
      notifyError(error);
    }
  }

  async function remove() {
    try {
      unwrap(await api.DELETE("/api/v1/comments/{id}", { params: { path: { id: comment.id } } }));
      invalidateWork();
      notifyMovedToTrash({ recordType: "comment", id: comment.id, name: comment.body });
    } catch (error) {
      notifyError(error);
    }
  }

  if (editing !== null) {
    return (
      <Group align="flex-end" wrap="nowrap">
        <Textarea
          style={{ flex: 1 }}
          autosize
          aria-label={t("comments.label")}
          value={editing}
          onChange={(event) => setEditing(event.currentTarget.value)}
        />
        <Button size="xs" onClick={save}>
          {t("save")}
        </Button>
        <Button size="xs" variant="default" onClick={() => setEditing(null)}>
          {t("common:cancel")}
        </Button>
      </Group>
    );
  }

  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        {comment.body}
      </Text>
      {mine && (
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            size="sm"
            onClick={() => setEditing(comment.body)}
            aria-label={t("comments.edit")}
          >
            <IconPencil size={14} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            size="sm"
            onClick={remove}
            aria-label={t("comments.delete")}
          >
            <IconTrash size={14} aria-hidden />
          </ActionIcon>
        </Group>
      )}
    </Group>
  );
}
