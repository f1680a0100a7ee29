import "../activities/activities-i18n.ts";
import type { TComment } from "@kontor/contracts";
import { ActionIcon, Button, Group, Stack, Text } from "@mantine/core";
import { IconPencil, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";
import { notifyError } from "../../lib/query-client.ts";
import { invalidateWork } from "../activities/activities-api.ts";
import { useCan } from "../session/permissions.ts";
import { meQuery } from "../session/session-api.ts";
import { notifyMovedToTrash } from "../trash/notify-moved-to-trash.tsx";
import { MentionTextarea } from "./MentionTextarea.tsx";

/**
 * A comment; its author may edit it (with @mentions) or delete it after a confirmation, and a
 * role with `comments.deleteAny` may delete anyone's.
 */
export function CommentItem({ comment }: { comment: TComment }) {
  const { t } = useTranslation("activities");
  const { data: me } = useQuery(meQuery);
  const mine = me?.user.id === comment.authorId;
  const canComment = useCan("comments.write");
  const canDeleteAny = useCan("comments.deleteAny");
  const canEdit = canComment && mine;
  const canDelete = canComment && (mine || canDeleteAny);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

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
      <Stack gap={4} data-testid={`comment-edit-${comment.id}`}>
        <Group align="flex-end" wrap="nowrap">
          <MentionTextarea
            style={{ flex: 1 }}
            autosize
            maxRows={10}
            aria-label={t("comments.edit")}
            value={editing}
            onChange={setEditing}
            onSubmitShortcut={save}
            onEscape={() => setEditing(null)}
            data-autofocus
            data-testid="comment-edit-input"
          />
        </Group>
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {t("comments.editHint")}
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setEditing(null)}>
              {t("common:cancel")}
            </Button>
            <Button size="xs" onClick={save} data-testid="comment-edit-save">
              {t("save")}
            </Button>
          </Group>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap={4}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {comment.body}
        </Text>
        {(canEdit || canDelete) && !confirming && (
          <Group gap={2} wrap="nowrap">
            {canEdit && (
              <ActionIcon
                variant="subtle"
                size="sm"
                onClick={() => setEditing(comment.body)}
                aria-label={t("comments.edit")}
                data-testid={`comment-edit-button-${comment.id}`}
              >
                <IconPencil size={14} aria-hidden />
              </ActionIcon>
            )}
            {canDelete && (
              <ActionIcon
                variant="subtle"
                color="red"
                size="sm"
                onClick={() => setConfirming(true)}
                aria-label={t("comments.delete")}
                data-testid={`comment-delete-button-${comment.id}`}
              >
                <IconTrash size={14} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        )}
      </Group>
      {confirming && (
        <Group gap="xs" justify="flex-end" role="group" aria-label={t("comments.deleteConfirm")}>
          <Text size="sm">{t("comments.deleteConfirm")}</Text>
          <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
            {t("common:cancel")}
          </Button>
          <Button size="xs" color="red" onClick={remove} data-testid={`comment-delete-confirm-${comment.id}`}>
            {t("comments.delete")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
