import "../activities/activities-i18n.ts";
import { Button, Group } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { unwrap } from "../../lib/problem.ts";
import { notifyError } from "../../lib/query-client.ts";
import { invalidateWork } from "../activities/activities-api.ts";
import { useCan } from "../session/permissions.ts";
import { MentionTextarea } from "./MentionTextarea.tsx";

export type CommentableType =
  | "person"
  | "company"
  | "activity"
  | "task"
  | "appointment"
  | "project"
  | "document";

/** Write a comment on a record; `@` offers colleagues to mention, who are then notified. */
export function CommentComposer({ recordType, recordId }: { recordType: CommentableType; recordId: string }) {
  const { t } = useTranslation("activities");
  const [body, setBody] = useState("");
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const canComment = useCan("comments.write");

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!body.trim() || saving) return;
    setSaving(true);
    try {
      unwrap(await api.POST("/api/v1/comments", { body: { recordType, recordId, body } }));
      setBody("");
      invalidateWork();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  }

  if (!canComment) return null;
  return (
    <form ref={formRef} onSubmit={submit} data-testid="comment-form">
      <Group align="flex-end" wrap="nowrap">
        <MentionTextarea
          style={{ flex: 1 }}
          autosize
          minRows={1}
          maxRows={10}
          placeholder={t("comments.placeholder")}
          aria-label={t("comments.label")}
          value={body}
          onChange={setBody}
          onSubmitShortcut={() => formRef.current?.requestSubmit()}
          data-testid="comment-input"
        />
        <Button type="submit" variant="light" loading={saving} data-testid="comment-submit">
          {t("comments.send")}
        </Button>
      </Group>
    </form>
  );
}
