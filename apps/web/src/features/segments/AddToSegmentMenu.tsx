import "./segments-i18n.ts";
import { Button, Group, Menu, Modal, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFilterPlus, IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError } from "../../lib/query-client.ts";
import type { AnyRecord, RecordObject } from "../records/record-config.ts";
import { addSegmentMembers, createSegment, type Segment, segmentsQuery } from "./segments-api.ts";

interface AddToSegmentMenuProps {
  object: RecordObject;
  selected: AnyRecord[];
  onDone: () => void;
}

/** Bulk action of the people and companies lists: put the selection into a static segment (or a new one). */
export function AddToSegmentMenu({ object, selected, onDone }: AddToSegmentMenuProps) {
  const { t } = useTranslation("segments");
  const { data: segments = [] } = useQuery(segmentsQuery(object));
  const staticSegments = segments.filter((segment) => segment.kind === "static");
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);

  async function add(segment: Segment) {
    setBusy(true);
    try {
      await addSegmentMembers(
        segment.id,
        selected.map((record) => record.id),
      );
      notifications.show({
        color: "green",
        message: t("members.added", { count: selected.length, name: segment.name }),
      });
      onDone();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  async function createAndAdd(event: React.FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    try {
      const segment = await createSegment({ object, kind: "static", name: name.trim() });
      setNaming(false);
      setName("");
      await add(segment);
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <>
      <Menu withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            loading={busy}
            leftSection={<IconFilterPlus size={14} aria-hidden />}
            data-testid="bulk-segment"
          >
            {t("members.addToSegment")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown data-testid="bulk-segment-menu">
          {staticSegments.length > 0 && <Menu.Label>{t("members.staticSegments")}</Menu.Label>}
          {staticSegments.map((segment) => (
            <Menu.Item
              key={segment.id}
              onClick={() => add(segment)}
              data-testid={`bulk-segment-${segment.id}`}
            >
              {segment.name}
            </Menu.Item>
          ))}
          {staticSegments.length > 0 && <Menu.Divider />}
          <Menu.Item
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setNaming(true)}
            data-testid="bulk-segment-new"
          >
            {t("members.newStatic")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={naming} onClose={() => setNaming(false)} title={t("members.newStatic")}>
        <form onSubmit={createAndAdd} data-testid="bulk-segment-form">
          <Stack>
            <TextInput
              label={t("fields.name")}
              required
              data-autofocus
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              data-testid="bulk-segment-name"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNaming(false)}>
                {t("common:cancel")}
              </Button>
              <Button type="submit" data-testid="bulk-segment-create">
                {t("members.createAndAdd", { count: selected.length })}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
