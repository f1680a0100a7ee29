import { Button, Group, Menu, Modal, Paper, Popover, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconTag, IconTrash, IconUserCircle, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AddToSegmentMenu } from "../segments/AddToSegmentMenu.tsx";
import { bulkAddTag, bulkDelete, bulkSetOwner } from "./bulk-actions.ts";
import type { AnyRecord, RecordObject } from "./record-config.ts";
import { useMembers } from "./records-api.ts";

interface BulkActionsProps {
  object: RecordObject;
  selected: AnyRecord[];
  /** Whether the member may change and delete these records (delete, owner, tag). */
  canWrite: boolean;
  /** Whether the member may add them to a segment. */
  canSegment: boolean;
  onDone: () => void;
}

export function BulkActions({ object, selected, canWrite, canSegment, onDone }: BulkActionsProps) {
  const { t } = useTranslation("records");
  const members = useMembers();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [tag, setTag] = useState("");
  const count = selected.length;

  async function run(action: () => Promise<number>, successKey: string) {
    setBusy(true);
    try {
      const failed = await action();
      notifications.show(
        failed === 0
          ? { color: "green", message: t(successKey, { count }) }
          : { color: "orange", message: t("bulk.partial", { failed, count }) },
      );
      onDone();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="xs" data-testid="bulk-actions" role="region" aria-label={t("bulk.region")}>
      <Group gap="xs">
        <Text size="sm" fw={600} aria-live="polite">
          {t("bulk.selected", { count })}
        </Text>
        {canWrite && (
          <Button
            size="xs"
            color="red"
            variant="light"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={() => setConfirming(true)}
            loading={busy}
            data-testid="bulk-delete"
          >
            {t("bulk.delete")}
          </Button>
        )}
        {canWrite && members && members.length > 0 && (
          <Menu withinPortal>
            <Menu.Target>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconUserCircle size={14} aria-hidden />}
                data-testid="bulk-owner"
              >
                {t("bulk.setOwner")}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {members.map((member) => (
                <Menu.Item
                  key={member.userId}
                  onClick={() => run(() => bulkSetOwner(object, selected, member.userId), "bulk.ownerSet")}
                >
                  {member.name}
                </Menu.Item>
              ))}
              <Menu.Divider />
              <Menu.Item onClick={() => run(() => bulkSetOwner(object, selected, null), "bulk.ownerSet")}>
                {t("bulk.noOwner")}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
        {canWrite && (
          <Popover withinPortal trapFocus position="bottom-start">
            <Popover.Target>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconTag size={14} aria-hidden />}
                data-testid="bulk-tag"
              >
                {t("bulk.addTag")}
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  const value = tag.trim();
                  if (value)
                    void run(() => bulkAddTag(object, selected, value), "bulk.tagAdded").then(() =>
                      setTag(""),
                    );
                }}
              >
                <Group gap="xs" align="flex-end">
                  <TextInput
                    size="xs"
                    label={t("bulk.tag")}
                    value={tag}
                    onChange={(event) => setTag(event.currentTarget.value)}
                    data-testid="bulk-tag-input"
                  />
                  <Button size="xs" type="submit" data-testid="bulk-tag-submit">
                    {t("bulk.addTagSubmit")}
                  </Button>
                </Group>
              </form>
            </Popover.Dropdown>
          </Popover>
        )}
        {canSegment && <AddToSegmentMenu object={object} selected={selected} onDone={onDone} />}
        <Button size="xs" variant="subtle" leftSection={<IconX size={14} aria-hidden />} onClick={onDone}>
          {t("bulk.clear")}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("bulk.confirmTitle", { count })}
      >
        <Stack>
          <Text size="sm">{t("bulk.confirmText", { count })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("common:cancel")}
            </Button>
            <Button
              color="red"
              data-testid="bulk-delete-confirm"
              onClick={() => {
                setConfirming(false);
                void run(() => bulkDelete(object, selected), "bulk.deleted");
              }}
            >
              {t("bulk.delete")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
