import "./segments-i18n.ts";
import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconPencil, IconTrash } from "@tabler/icons-react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError } from "../../lib/query-client.ts";
import { useCan } from "../session/permissions.ts";
import { DefinitionSummary } from "./DefinitionSummary.tsx";
import { SegmentCount } from "./SegmentCount.tsx";
import { SegmentEditorModal } from "./SegmentEditorModal.tsx";
import { SegmentMembers } from "./SegmentMembers.tsx";
import { deleteSegment, segmentQuery } from "./segments-api.ts";

/** One segment: what it is, how many it holds now, and its members. */
export function SegmentPage() {
  const { t } = useTranslation("segments");
  const { id } = useParams({ strict: false }) as { id: string };
  const { data: segment } = useSuspenseQuery(segmentQuery(id));
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const canChange = useCan("segments.write");

  async function remove() {
    try {
      await deleteSegment(segment.id);
      notifications.show({ color: "green", message: t("deleted", { name: segment.name }) });
      await navigate({ to: "/segments" });
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Stack gap="sm">
      <Button
        component={Link}
        to="/segments"
        variant="subtle"
        leftSection={<IconArrowLeft size={16} aria-hidden />}
        w="fit-content"
        px={4}
      >
        {t("back")}
      </Button>
      <Paper withBorder p="md" data-testid="segment-header">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Title order={1} size="h2" data-testid="segment-title">
              {segment.name}
            </Title>
            <Group gap="xs" wrap="wrap">
              <Badge variant="light" color={segment.kind === "dynamic" ? "blue" : "gray"} tt="none">
                {t(`kinds.${segment.kind}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {t(`objectsPlural.${segment.object}`)}
              </Text>
              <Text size="sm" c="dimmed" aria-hidden>
                ·
              </Text>
              <Group gap={4} wrap="nowrap">
                <SegmentCount id={segment.id} />
                <Text size="sm" c="dimmed">
                  {t("members.label")}
                </Text>
              </Group>
            </Group>
            {segment.description && <Text size="sm">{segment.description}</Text>}
            <DefinitionSummary segment={segment} />
          </Stack>
          {canChange && (
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing(true)}
                data-testid="segment-edit"
              >
                {t(segment.kind === "dynamic" ? "editConditions" : "edit")}
              </Button>
              <Button
                color="red"
                variant="light"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirming(true)}
                data-testid="segment-delete"
              >
                {t("delete")}
              </Button>
            </Group>
          )}
        </Group>
      </Paper>
      {segment.kind === "static" && canChange && (
        <Text size="sm" c="dimmed">
          {t(segment.object === "person" ? "members.addHintPeople" : "members.addHintCompanies")}
        </Text>
      )}
      <SegmentMembers key={`${segment.id}-${segment.version}`} segment={segment} />
      {editing && canChange && <SegmentEditorModal segment={segment} onClose={() => setEditing(false)} />}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("deleteTitle", { name: segment.name })}
      >
        <Stack>
          <Text size="sm">{t("deleteText")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("common:cancel")}
            </Button>
            <Button color="red" onClick={remove} data-testid="segment-delete-confirm">
              {t("delete")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
