import "../activities/activities-i18n.ts";
import type { TDocument } from "@kontor/contracts";
import { ActionIcon, Button, FileButton, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload, IconEye, IconFileUpload, IconTrash, IconUpload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api.ts";
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import { unwrap } from "../../lib/problem.ts";
import { notifyError, queryClient } from "../../lib/query-client.ts";
import { rawFetch } from "../activities/raw-fetch.ts";
import { useCan } from "../session/permissions.ts";
import { notifyMovedToTrash } from "../trash/notify-moved-to-trash.tsx";

type AttachableType = "person" | "company" | "activity" | "task" | "appointment" | "project";

async function openFile(document: TDocument, mode: "download" | "preview") {
  try {
    const response = await rawFetch(`/api/v1/documents/${document.id}/${mode}`);
    const url = URL.createObjectURL(await response.blob());
    if (mode === "preview") {
      window.open(url, "_blank", "noopener");
    } else {
      const link = Object.assign(window.document.createElement("a"), { href: url, download: document.name });
      link.click();
    }
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    notifyError(error);
  }
}

/** Files attached to a record: upload (type checked by content on the server), preview, download, search. */
export function DocumentsPanel({ recordType, recordId }: { recordType: AttachableType; recordId: string }) {
  const { t } = useTranslation("activities");
  const [search, setSearch] = useState("");
  const [uploading, setUploading] = useState(false);
  const canWrite = useCan("documents.write");
  const queryKey = ["documents", recordType, recordId, search];
  const { data = [] } = useQuery({
    queryKey,
    queryFn: async () =>
      (
        unwrap(
          await api.GET("/api/v1/documents", {
            params: {
              query: {
                limit: 100,
                "filter[recordId][eq]": recordId,
                ...(search.trim() ? { q: search.trim() } : {}),
              } as never,
            },
          }),
        ) as { data: TDocument[] }
      ).data,
  });

  async function upload(file: File | null) {
    if (!file) return;
    setUploading(true);
    try {
      const params = new URLSearchParams({ recordType, recordId, name: file.name });
      await rawFetch(`/api/v1/documents?${params}`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: file,
      });
      notifications.show({ color: "green", message: t("documents.uploaded", { name: file.name }) });
      await queryClient.invalidateQueries({ queryKey: ["documents"] });
    } catch (error) {
      notifyError(error);
    } finally {
      setUploading(false);
    }
  }

  async function uploadVersion(document: TDocument, file: File | null) {
    if (!file) return;
    try {
      const params = new URLSearchParams({ name: file.name });
      await rawFetch(`/api/v1/documents/${document.id}/versions?${params}`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: file,
      });
      notifications.show({ color: "green", message: t("documents.uploaded", { name: file.name }) });
      await queryClient.invalidateQueries({ queryKey: ["documents"] });
    } catch (error) {
      notifyError(error);
    }
  }

  async function remove(document: TDocument) {
    try {
      unwrap(await api.DELETE("/api/v1/documents/{id}", { params: { path: { id: document.id } } }));
      await queryClient.invalidateQueries({ queryKey: ["documents"] });
      notifyMovedToTrash({ recordType: "document", id: document.id, name: document.name });
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="documents">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t("documents.title")}
          </Title>
          {canWrite && (
            <FileButton onChange={upload}>
              {(props) => (
                <Button
                  {...props}
                  variant="light"
                  loading={uploading}
                  leftSection={<IconUpload size={16} aria-hidden />}
                  data-testid="document-upload"
                >
                  {t("documents.upload")}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        <TextInput
          size="xs"
          placeholder={t("documents.search")}
          aria-label={t("documents.search")}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        {data.length === 0 && (
          <Text c="dimmed" size="sm">
            {t("documents.empty")}
          </Text>
        )}
        {data.map((document) => (
          <Group
            key={document.id}
            justify="space-between"
            wrap="nowrap"
            data-testid={`document-${document.id}`}
          >
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" truncate>
                {document.name}
              </Text>
              <Text size="xs" c="dimmed">
                {formatNumber(Math.ceil(document.size / 1024))} KB · v{document.currentVersion} ·{" "}
                {formatDateTime(document.createdAt)}
              </Text>
            </Stack>
            <Group gap={4} wrap="nowrap">
              {document.previewable && (
                <ActionIcon
                  variant="subtle"
                  onClick={() => openFile(document, "preview")}
                  aria-label={t("documents.preview")}
                >
                  <IconEye size={16} aria-hidden />
                </ActionIcon>
              )}
              {canWrite && (
                <FileButton onChange={(file) => uploadVersion(document, file)}>
                  {(props) => (
                    <ActionIcon {...props} variant="subtle" aria-label={t("documents.newVersion")}>
                      <IconFileUpload size={16} aria-hidden />
                    </ActionIcon>
                  )}
                </FileButton>
              )}
              <ActionIcon
                variant="subtle"
                onClick={() => openFile(document, "download")}
                aria-label={t("documents.download")}
              >
                <IconDownload size={16} aria-hidden />
              </ActionIcon>
              {canWrite && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => remove(document)}
                  aria-label={t("documents.delete")}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
