import { ActionIcon, Button, Group, Modal, SegmentedControl, Select, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDeviceFloppy, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError } from "../../lib/query-client.ts";
import { useCan } from "../session/permissions.ts";
import { useSession } from "../session/session-api.ts";
import type { ListParams, RecordObject } from "./record-config.ts";
import {
  createSavedView,
  deleteSavedView,
  type SavedView,
  updateSavedView,
  useSavedViews,
} from "./saved-views-api.ts";

interface SavedViewsProps {
  object: RecordObject;
  activeId: string | null;
  current: ListParams & { columns: string[] };
  onApply: (view: SavedView | null) => void;
}

export function SavedViews({ object, activeId, current, onApply }: SavedViewsProps) {
  const { t } = useTranslation("records");
  const { user } = useSession();
  const { data: views = [] } = useSavedViews(object);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState("");
  const [visibility, setVisibility] = useState<"private" | "shared">("private");
  const canShare = useCan("savedViews.share");
  const canManageShared = useCan("savedViews.manageShared");
  const active = views.find((view) => view.id === activeId) ?? null;
  // Everyone changes their own views; a shared view of someone else only with the permission.
  const canChangeActive = active !== null && (active.ownerId === user?.id || canManageShared);
  const snapshot = { filters: current.filters, columns: current.columns, sort: current.sort };

  async function save() {
    if (!name.trim()) return;
    try {
      const view = await createSavedView({
        object,
        name: name.trim(),
        visibility: canShare ? visibility : "private",
        ...snapshot,
      });
      setSaving(false);
      setName("");
      onApply(view);
      notifications.show({ color: "green", message: t("views.saved", { name: view.name }) });
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Group gap="xs" wrap="wrap">
      <Select
        aria-label={t("views.label")}
        placeholder={t("views.all")}
        data={views.map((view) => ({
          value: view.id,
          label: view.visibility === "shared" ? `${view.name} · ${t("views.shared")}` : view.name,
        }))}
        value={activeId}
        onChange={(id) => onApply(views.find((view) => view.id === id) ?? null)}
        clearable
        w={200}
        data-testid="saved-view-select"
      />
      {active && canChangeActive && (
        <>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t("views.update", { name: active.name })}
            data-testid="saved-view-update"
            onClick={() =>
              updateSavedView(active, snapshot).then(
                () =>
                  notifications.show({ color: "green", message: t("views.updated", { name: active.name }) }),
                notifyError,
              )
            }
          >
            <IconDeviceFloppy size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t("views.delete", { name: active.name })}
            data-testid="saved-view-delete"
            onClick={() => deleteSavedView(active).then(() => onApply(null), notifyError)}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </>
      )}
      <Button variant="default" onClick={() => setSaving(true)} data-testid="save-view">
        {t("views.saveAs")}
      </Button>
      <Modal opened={saving} onClose={() => setSaving(false)} title={t("views.saveTitle")}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Stack>
            <TextInput
              label={t("views.name")}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              required
              data-autofocus
              data-testid="save-view-name"
            />
            {canShare && (
              <SegmentedControl
                aria-label={t("views.visibility")}
                value={visibility}
                onChange={(value) => setVisibility(value as "private" | "shared")}
                data={[
                  { value: "private", label: t("views.private") },
                  { value: "shared", label: t("views.sharedLong") },
                ]}
                data-testid="save-view-visibility"
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSaving(false)}>
                {t("common:cancel")}
              </Button>
              <Button type="submit" disabled={!name.trim()} data-testid="save-view-submit">
                {t("common:save")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
