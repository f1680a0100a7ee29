import { Button, Grid, Group, Modal, Paper, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconTrash } from "@tabler/icons-react";
import { Link, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, queryClient } from "../../lib/query-client.ts";
import { MergedFromNote } from "../duplicates/MergedFromNote.tsx";
import { useCan, writePermissionOf } from "../session/permissions.ts";
import { notifyMovedToTrash } from "../trash/notify-moved-to-trash.tsx";
import { HistoryPanel } from "./HistoryPanel.tsx";
import { RelationsPanel } from "./RelationsPanel.tsx";
import type { RecordObject } from "./record-config.ts";
import { deleteRecord, segmentOf } from "./records-api.ts";

interface RecordPageLayoutProps {
  object: RecordObject;
  id: string;
  name: string;
  facts: ReactNode;
  /** Quick actions in the header (log a call, add note, new task). */
  actions?: ReactNode;
  children: ReactNode;
}

/** The 360° record page: header with key facts and actions, main column, and a side area with tabs. */
export function RecordPageLayout({ object, id, name, facts, actions, children }: RecordPageLayoutProps) {
  const { t } = useTranslation("records");
  const segment = segmentOf(object);
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const canDelete = useCan(writePermissionOf(object));

  async function moveToTrash() {
    try {
      await deleteRecord(segment, id);
      await queryClient.invalidateQueries({ queryKey: [segment, "list"] });
      notifyMovedToTrash({ recordType: object, id, name });
      await navigate({ to: segment === "people" ? "/people" : "/companies" });
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Stack gap="md">
      <Button
        component={Link}
        to={segment === "people" ? "/people" : "/companies"}
        variant="subtle"
        leftSection={<IconArrowLeft size={16} aria-hidden />}
        w="fit-content"
        px={4}
      >
        {t(`${segment}.back`)}
      </Button>
      <Paper withBorder p="md" data-testid="record-header">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={1} size="h2" data-testid="record-title">
              {name}
            </Title>
            <Group gap="lg" wrap="wrap">
              {facts}
            </Group>
          </Stack>
          <Group gap="xs">
            {actions}
            {canDelete && (
              <Button
                color="red"
                variant="light"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirming(true)}
                data-testid="record-delete"
              >
                {t("record.delete")}
              </Button>
            )}
          </Group>
        </Group>
      </Paper>
      <MergedFromNote recordId={id} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">{children}</Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="sm">
            <Tabs defaultValue="relations" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="relations" data-testid="tab-relations">
                  {t("record.relations")}
                </Tabs.Tab>
                <Tabs.Tab value="history" data-testid="tab-history">
                  {t("record.history")}
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="relations" pt="sm">
                <RelationsPanel recordType={object} recordId={id} />
              </Tabs.Panel>
              <Tabs.Panel value="history" pt="sm">
                <HistoryPanel recordId={id} />
              </Tabs.Panel>
            </Tabs>
          </Paper>
        </Grid.Col>
      </Grid>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("record.deleteTitle", { name })}
      >
        <Stack>
          <Text size="sm">{t("record.deleteText")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("common:cancel")}
            </Button>
            <Button color="red" onClick={moveToTrash} data-testid="record-delete-confirm">
              {t("record.delete")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}
